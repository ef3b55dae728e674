import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { getAgency } from "../../../agencies/load-agencies.ts";
import { createLogger } from "../../../config/logger.ts";
import type { InboundMessage } from "../../../core/messages/index.ts";
import { createInboundSmsProcessor } from "../../../bots/twilio/inbound-sms-processor.ts";
import { AdvisoryLocks } from "../../../prisma/advisory-locks.ts";
import type { StoredInboundSms } from "../../../prisma/repositories/inbound-sms-inbox.ts";
import { sleep } from "../../support/wait-for.ts";
import { newCustomerPhone, TUCSON_NUMBER } from "../../support/twilio-sms.ts";

// The processor with the real cross-process lock (PostgreSQL) and an in-memory inbox: every job
// of a burst from one sender runs at once, as ten worker slots in two processes would run them.
describe("InboundSmsProcessor", () => {
  const locks = [new AdvisoryLocks(inject("databaseUrl")), new AdvisoryLocks(inject("databaseUrl"))];
  afterAll(async () => {
    await Promise.all(locks.map((l) => l.close()));
  });

  function setUp(count: number) {
    const from = newCustomerPhone();
    const rows: (StoredInboundSms & { processed: boolean })[] = Array.from({ length: count }, (_, i) => ({
      seq: BigInt(i + 1),
      processed: false,
      message: {
        channel: "sms",
        agencyId: "tucson-az-pd",
        from,
        to: TUCSON_NUMBER,
        text: `message ${i + 1}`,
        providerId: `SM${i + 1}`,
        media: [],
        receivedAt: new Date(),
      },
    }));
    const log: string[] = [];
    const inbox = {
      async listPending(agencyId: string, sender: string) {
        return rows.filter((r) => !r.processed && r.message.agencyId === agencyId && r.message.from === sender);
      },
      async markProcessed(seq: bigint) {
        const row = rows.find((r) => r.seq === seq);
        if (row) row.processed = true;
      },
    };
    const processors = locks.map((lock) =>
      createInboundSmsProcessor({
        inbox,
        locks: lock,
        turn: {} as never,
        logger: createLogger({ level: "silent" }),
        getAgency,
        // A turn that takes a while, so overlapping turns would show.
        async handleOfficer(message: InboundMessage) {
          log.push(`start ${message.text}`);
          await sleep(25);
          log.push(`end ${message.text}`);
          return { kind: "handled", conversationId: "c", alsoNotified: [] };
        },
        enqueueReplies: async () => undefined,
        notifyCustomer: async () => undefined,
      }),
    );
    return { from, rows, log, processors };
  }

  it("acts on a burst from one sender once each, one at a time, oldest first", async () => {
    const { from, rows, log, processors } = setUp(4);
    const sender = { agencyId: "tucson-az-pd", from };
    // One job per message, spread over two "processes", all started together.
    const results = await Promise.all(rows.map((_, i) => processors[i % 2]?.process(sender)));
    expect(log).toEqual(rows.flatMap((r) => [`start ${r.message.text}`, `end ${r.message.text}`]));
    expect(rows.every((r) => r.processed)).toBe(true);
    expect(results.reduce((sum, r) => sum + (r?.processed ?? 0), 0)).toBe(4);
  });

  it("acts on nothing for a sender with nothing waiting", async () => {
    const { processors, log } = setUp(0);
    await expect(processors[0]?.process({ agencyId: "tucson-az-pd", from: newCustomerPhone() })).resolves.toEqual({
      processed: 0,
    });
    expect(log).toEqual([]);
  });
});
