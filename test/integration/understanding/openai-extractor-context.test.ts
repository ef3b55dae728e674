import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getAgency } from "../../../agencies/load-agencies.ts";
import { handleCustomerTurn } from "../../../bots/handle-turn.ts";
import { MemoryIntakeStore } from "../../../bots/intake/memory-intake-store.ts";
import { createOpenAiExtractor } from "../../../bots/understanding/openai-extractor.ts";
import { createLogger } from "../../../config/logger.ts";
import type { InboundMessage } from "../../../core/messages/index.ts";
import type { ConversationContext, ParseContext } from "../../../core/understanding/index.ts";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../../fakes/fake-openai-server.ts";
import { type OpenAiFixtureName, playOpenAiFixture } from "../../fixtures/openai/load-openai-fixture.ts";

const NOW = new Date("2026-11-23T10:00:00-07:00");
const BASE: ParseContext = { now: NOW, timeZone: "America/Phoenix", expecting: null };
const FIRST_MESSAGE = "need 2 cops for my store saturday 6pm to 11pm";
const ASK_OFFICERS = "How many officers do you need?";
/** The bot asked for officers after the customer gave the date, times and the job. */
const ASKED_OFFICERS: ParseContext = {
  ...BASE,
  expecting: "officers",
  conversation: {
    draft: {
      date: "2026-11-28",
      startTime: "18:00",
      endTime: "23:00",
      eventType: "store security",
      category: "regular",
    },
    question: ASK_OFFICERS,
    recentTurns: [
      { role: "customer", text: "need cops for my store saturday 6pm to 11pm" },
      { role: "bot", text: ASK_OFFICERS },
    ],
  },
};

let fake: FakeOpenAiServer;
const logs: string[] = [];
const logger = createLogger({
  level: "warn",
  destination: { write: (line: string) => void logs.push(line) },
});
/** 500 ms keeps the slow case quick; production waits LLM_TIMEOUT_MS (2 s). */
const extractor = () =>
  createOpenAiExtractor({
    apiKey: "sk-test",
    baseURL: fake.baseURL,
    model: "gpt-fake",
    logger,
    timeoutMs: 500,
  });
const sentMessages = (index: number) => fake.requests[index]?.body.messages ?? [];

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  logs.length = 0;
});

describe("the OpenAI extractor reads the message in its conversation", () => {
  it("sends the local date, the question, the draft and the earlier turns, and reads a short answer", async () => {
    fake.setMode(playOpenAiFixture("officers-in-context"));
    const result = await extractor().extract("make it three", ASKED_OFFICERS);
    // The model's correction (null) is replaced by the parser's reading of the cue "make it".
    expect(result).toMatchObject({ officers: 3, date: null, eventType: null, correction: true });
    const messages = sentMessages(0);
    expect(messages.map((message) => message.role)).toEqual([
      "system",
      "system",
      "user",
      "assistant",
      "user",
    ]);
    const context = messages[1]?.content ?? "";
    expect(context).toContain("Now: 2026-11-23 Monday 10:00. Time zone: America/Phoenix.");
    expect(context).toContain(`The bot just asked about: officers ("${ASK_OFFICERS}")`);
    expect(context).toContain(JSON.stringify(ASKED_OFFICERS.conversation?.draft));
    expect(messages.slice(2)).toEqual([
      { role: "user", content: "need cops for my store saturday 6pm to 11pm" },
      { role: "assistant", content: ASK_OFFICERS },
      { role: "user", content: "make it three" },
    ]);
    expect(logs).toEqual([]);
  });

  it("drops a date the model read into a free-text job answer", async () => {
    fake.setMode(playOpenAiFixture("job-answer-with-date"));
    const result = await extractor().extract("the company holiday party", {
      ...BASE,
      expecting: "eventType",
    });
    expect(result).toMatchObject({ eventType: "company holiday party", date: null, correction: null });
  });

  it("keeps a date in a job answer that carries a correction cue, and marks the correction itself", async () => {
    fake.setMode(playOpenAiFixture("date-correction"));
    const result = await extractor().extract("actually make it the 20th", {
      ...BASE,
      expecting: "eventType",
    });
    expect(result).toMatchObject({ date: "2026-12-20", correction: true });
  });

  it("does not let the model claim a correction the message does not carry", async () => {
    fake.setMode(playOpenAiFixture("correction-without-cue"));
    const draft = { address: { line1: "4500 E Broadway Blvd", city: "Tucson", state: "AZ" } };
    const conversation: ConversationContext = { draft, question: "What is the address?", recentTurns: [] };
    const result = await extractor().extract("1200 N Main St, Tucson", {
      ...BASE,
      expecting: "address",
      conversation,
    });
    expect(result).toMatchObject({ address: { line1: "1200 N Main St" }, correction: null });
  });
});

describe("recorded failures fall back to the parser, which still reads the answer in context", () => {
  it.each([
    ["malformed", "LLM reply is not JSON"],
    ["schema-violation", "LLM reply does not match the extraction schema"],
    ["refusal", "LLM refused to extract"],
    ["http-500", "500 The server had an error"],
    ["slow", "timed out"],
  ] satisfies [OpenAiFixtureName, string][])("%s", async (fixture, logged) => {
    fake.setMode(playOpenAiFixture(fixture));
    const started = Date.now();
    const result = await extractor().extract("make it three", ASKED_OFFICERS);
    expect(Date.now() - started).toBeLessThan(1_400);
    expect(fake.requests).toHaveLength(1);
    expect(result).toMatchObject({ intent: "provide_info", officers: 3, correction: true });
    const log = logs.join("");
    expect(log).toContain("LLM extraction failed; using the parser");
    expect(log).toContain(logged);
    // Only the failure's kind is logged: never the customer's words, even when the model echoes them.
    expect(log).not.toContain("make it three");
  });
});

describe("through handleCustomerTurn", () => {
  const message = (text: string, n: number): InboundMessage => ({
    channel: "sms",
    agencyId: "tucson-az-pd",
    from: "+15205550142",
    to: "+15205550000",
    text,
    providerId: `SM${n}`,
    media: [],
    receivedAt: NOW,
  });

  it("the second turn's request carries the first turn's messages and the draft they filled", async () => {
    const deps = { store: new MemoryIntakeStore(), extractor: extractor(), getAgency };
    fake.setMode(playOpenAiFixture("store-request"));
    const first = await handleCustomerTurn(message(FIRST_MESSAGE, 1), deps);
    if (first.kind !== "replied") throw new Error(first.kind);
    expect(sentMessages(0).slice(2)).toEqual([{ role: "user", content: FIRST_MESSAGE }]);

    fake.setMode(playOpenAiFixture("address-answer"));
    const second = await handleCustomerTurn(message("4500 E Broadway Blvd, Tucson", 2), deps);
    if (second.kind !== "replied") throw new Error(second.kind);
    const messages = sentMessages(1);
    const botTexts = first.replies.map((reply) => reply.text);
    expect(messages.slice(2)).toEqual([
      { role: "user", content: FIRST_MESSAGE },
      ...botTexts.map((text) => ({ role: "assistant", content: text })),
      { role: "user", content: "4500 E Broadway Blvd, Tucson" },
    ]);
    const context = messages[1]?.content ?? "";
    expect(context).toContain('"officers":2');
    expect(context).toContain('"date":"2026-11-28"');
    expect(context).toContain(JSON.stringify(botTexts.at(-1)));
    expect(second.state.slots.address).toMatchObject({ line1: "4500 E Broadway Blvd", city: "Tucson" });
  });
});
