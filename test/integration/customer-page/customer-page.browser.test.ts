import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, launchChromium } from "../../support/headless-chromium.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { makeCustomerWithHistory } from "./customer-page-fixture.ts";


describe("the customer's page in headless Chromium", () => {
  let test: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    test = await startTestApp("customer-page-browser", { SMS_RATE_PER_SENDER: "0" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  it("opens the page on a phone-sized screen, follows an invoice link and back", async () => {
    const maria = await makeCustomerWithHistory(test.app.prisma, { name: "Maria Lopez", now: new Date(), postOrders: "Park in back, enter by the loading dock" });
    const links = test.app.workerDeps.customerLinks;
    if (!links) throw new Error("customer pages are off in the sandbox");
    const path = new URL(links.urlFor("tucson-az-pd", maria.customer.id, Date.now())).pathname;
    const page = await browser.newPage({ viewport: { width: 400, height: 860 } });
    try {
      // The photo's host does not exist here: a stand-in picture answers for it.
      await page.route("https://media.example.org/**", (route) =>
        route.fulfill({
          contentType: "image/svg+xml",
          body: '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="#9fb3c8"/><text x="160" y="95" font-size="18" text-anchor="middle" fill="#fff">MMS photo</text></svg>',
        }),
      );
      await page.goto(`${test.base}${path}`);
      expect(await page.locator("header h1").textContent()).toContain("Tucson Police Department");
      expect(await page.locator(`#request-${maria.future.number}`).textContent()).toContain("fully staffed");
      expect(await page.locator(`#request-${maria.past.number}`).textContent()).toContain("Field notes");
      // Nothing wider than the phone's screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: new URL("customer-page.png", ARTIFACTS).pathname, fullPage: true });

      await page.locator(`#invoice-${maria.invoices.issued.number} a`, { hasText: "View" }).click();
      await page.waitForURL(/\/invoices\//);
      expect(await page.locator("h1").textContent()).toContain(`Invoice ${maria.invoices.issued.number}`);
      expect(await page.locator("tr.total").textContent()).toContain("$309.17");
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".noprint").isVisible()).toBe(false);
      await page.screenshot({ path: new URL("customer-invoice.png", ARTIFACTS).pathname, fullPage: true });
    } finally {
      await page.close();
    }
  });
});
