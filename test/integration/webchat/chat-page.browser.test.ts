import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, launchChromium } from "../../support/headless-chromium.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { waitFor } from "../../support/wait-for.ts";


const ANSWERS: [RegExp, string][] = [
  [/police vehicle/i, "no"],
  [/any of these apply/i, "none"],
  [/\(yes\/no\)/i, "no"],
  [/your name/i, "Maria Lopez"],
  [/company|organization/i, "Desert Bloom Events"],
  [/report to|phone/i, "Ann Lee 520-555-0111"],
  [/instructions|post orders/i, "none"],
];

const BOT_BUBBLES = ".webchat__bubble:not(.webchat__bubble--from-user)";

async function lastBotText(page: Page, count: number): Promise<string> {
  await page.waitForFunction(
    ([selector, seen]) => document.querySelectorAll(selector as string).length > (seen as number),
    [BOT_BUBBLES, count],
    { timeout: 15_000 },
  );
  return (await page.locator(BOT_BUBBLES).last().textContent()) ?? "";
}

describe("customer chat page in headless Chromium (sandbox Direct Line)", () => {
  let test: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    test = await startTestApp("chat-page", { SMS_RATE_PER_SENDER: "0" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  it("books a request from /chat/tucson-az-pd: types it, confirms the quote card, sees it submitted", async () => {
    const page = await browser.newPage({ viewport: { width: 480, height: 900 } });
    try {
      await page.goto(`${test.base}/chat/tucson-az-pd`);
      expect((await page.locator("header h1").textContent()) ?? "").toContain("Tucson Police Department");
      expect(await page.locator("#rates-link").getAttribute("href")).toBe("/chat/tucson-az-pd/rates");

      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await input.waitFor({ timeout: 20_000 });
      // The greeting comes first; under load it can arrive after the first message is typed and
      // would be read as the answer to it.
      await page.locator(BOT_BUBBLES).first().waitFor({ timeout: 20_000 });
      const bubbles = async () => (await page.locator(BOT_BUBBLES).allTextContents()).join("\n");
      const send = async (text: string) => {
        const seen = await page.locator(BOT_BUBBLES).count();
        await input.fill(text);
        await input.press("Enter");
        return lastBotText(page, seen);
      };

      let reply = await send("Hi, I need 2 officers Saturday 6-11pm at 4500 E Broadway for my store");
      for (let turn = 0; turn < 12 && !(await page.locator(".ac-adaptiveCard").count()); turn += 1) {
        const answer = ANSWERS.find(([pattern]) => pattern.test(reply))?.[1];
        if (!answer) throw new Error(`no scripted answer for: ${reply}`);
        reply = await send(answer);
      }
      const card = page.locator(".ac-adaptiveCard").last();
      expect((await card.textContent()) ?? "").toContain("Officers: 2");
      expect((await card.textContent()) ?? "").not.toContain("Reply YES");
      // One greeting (#17): the chat's own, not the intake's as well.
      expect((await bubbles()).match(/off-duty officer (?:desk|line)/g)).toHaveLength(1);
      // The customer's own mobile number for updates, typed into the card (#17).
      await card.locator("input").fill("520-555-0199");
      const seen = await page.locator(BOT_BUBBLES).count();
      await card.getByRole("button", { name: "Confirm" }).click();
      const submitted = await lastBotText(page, seen);
      const number = Number(/#(\d+)/.exec(submitted)?.[1]);
      expect(number).toBeGreaterThanOrEqual(1001);
      const request = await test.app.prisma.request.findUniqueOrThrow({ where: { number }, include: { conversation: true } });
      expect(request.conversation?.channel).toBe("web");
      expect(submitted).toMatch(/we['’]ll message you here when officers are assigned \(staff may call you at 520-555-0199\)/);
      expect(submitted).not.toMatch(/Text STATUS|we'll text you/);

      // The approval card in the sandbox outbox names the customer, not the chat id.
      const outbox = await waitFor(
        async () => (await (await fetch(`${test.base}/sandbox/outbox`)).json()) as { channel: string; body: string; blocks?: unknown }[],
        (list) => list.some((m) => m.channel === "slack" && m.body.includes(`Request #${number} `)),
      );
      const slackCard = outbox.find((m) => m.channel === "slack" && m.body.includes(`Request #${number} `));
      expect(slackCard?.body).toContain("Maria Lopez, Desert Bloom Events");
      const blocks = JSON.stringify(slackCard?.blocks);
      expect(blocks).toContain("mobile 520-555-0199 (given in web chat, not verified)");
      expect(blocks).not.toMatch(/dl-[0-9a-f]{16}/);

      // The rates page carries the whole policy, in Spanish too.
      const rates = await (await fetch(`${test.base}/chat/tucson-az-pd/rates?lang=es`)).text();
      expect(rates).toContain("Cargo administrativo");

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: new URL("chat-page.png", ARTIFACTS).pathname, fullPage: true });
    } finally {
      await page.close();
    }
  });
});
