// InboundSmsInbox.store writes the messages of one event-loop turn in one INSERT: this pins down
// that the batch keeps what one statement per message gave (arrival order, once per MessageSid,
// and a refused message failing alone).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeInboundSmsMessage } from "../../builders/inbound-sms-message.ts";
import { createDatabase, type PrismaClient } from "../../../prisma/client.ts";
import { InboundSmsInbox } from "../../../prisma/repositories/inbound-sms-inbox.ts";

const AGENCY = "tucson-az-pd";

describe("InboundSmsInbox.store in batches", () => {
  let prisma: PrismaClient;
  let inbox: InboundSmsInbox;
  const phone = () => `+1520667${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const makeMessage = (from: string, text: string, at: string) => makeInboundSmsMessage(from, text, { receivedAt: new Date(at) });

  beforeAll(() => {
    const database = createDatabase(inject("databaseUrl"));
    prisma = database.prisma;
    inbox = new InboundSmsInbox(prisma, database.pool);
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  it("stores a turn's messages together, in the order they were handed over, each MessageSid once", async () => {
    const from = phone();
    const messages = Array.from({ length: 30 }, (_, i) => makeMessage(from, `message ${i} ü 🚓 "q" \\ {}`, `2026-11-23T17:00:${String(i).padStart(2, "0")}.5Z`));
    messages[3] = { ...messages[3]!, media: [{ url: "https://api.twilio.com/media/ME1", contentType: "image/jpeg" }] };
    // A retried webhook in the same turn as its first try: the first one's text stays.
    const retried = { ...messages[7]!, text: "a retry changes nothing" };
    await Promise.all([...messages.map((message) => inbox.store(message)), inbox.store(retried)]);
    const waiting = await inbox.listPending(AGENCY, from);
    expect(waiting.map((w) => w.message)).toEqual(messages);
  });

  it("fails only the message PostgreSQL refuses when a batch fails", async () => {
    const from = phone();
    const good = [makeMessage(from, "first", "2026-11-23T18:00:00Z"), makeMessage(from, "second", "2026-11-23T18:00:01Z")];
    // PostgreSQL's text holds no NUL character: this insert fails.
    const refused = makeMessage(from, "nul \u0000 inside", "2026-11-23T18:00:02Z");
    const outcomes = await Promise.allSettled([inbox.store(good[0]!), inbox.store(refused), inbox.store(good[1]!)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await inbox.listPending(AGENCY, from)).map((w) => w.message.text)).toEqual(["first", "second"]);
  });
});
