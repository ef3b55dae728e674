import { splitSms } from "../../../core/messages/index.ts";
import type { PrismaClient } from "../../../prisma/client.ts";
import type { FakeTwilioMessage } from "../../fakes/fake-twilio-server.ts";
import type { Delivery } from "./twilio-like-sender.ts";

/** A turn records at most this many replies; a reply later than this after its message is not one of them. */
const MAX_REPLIES_PER_TURN = 50;

/**
 * Lost or doubled inbound effects, from PostgreSQL: every delivered webhook stored once (an
 * InboundSms row and a Message row) and acted on (processed, handled); a turn's replies are
 * written at the message's receipt time + 1, + 2, ... ms, so a message acted on twice shows as
 * an offset recorded twice; each sender's messages processed in the order they were sent.
 * `senders` holds each sender's deliveries in sending order. Returns one line per problem.
 */
export async function findInboundProblems(
  prisma: PrismaClient,
  senders: Delivery[][],
  /** Customers' turns (intake) mark their message handled and time their replies so; officers' commands do not. */
  options: { turnReplies: (from: string) => boolean },
): Promise<string[]> {
  const problems: string[] = [];
  const deliveries = senders.flat();
  const sids = deliveries.map((d) => d.sid);
  for (const d of deliveries) if (!d.delivered) problems.push(`${d.sid} from ${d.from}: no 200 after ${d.tries} tries`);
  const inbox = await prisma.inboundSms.findMany({ where: { providerId: { in: sids } } });
  const stored = await prisma.message.findMany({ where: { providerId: { in: sids }, direction: "inbound" } });
  const inboxBySid = new Map(inbox.map((row) => [row.providerId, row]));
  const storedBySid = new Map(stored.map((row) => [row.providerId, row]));
  for (const d of deliveries.filter((delivery) => delivery.delivered)) {
    const row = inboxBySid.get(d.sid);
    const message = storedBySid.get(d.sid);
    if (!row) problems.push(`${d.sid} from ${d.from} (${d.body}): answered 200 but not stored (lost)`);
    else if (!row.processedAt) problems.push(`${d.sid} from ${d.from} (${d.body}): stored but never acted on (lost)`);
    if (row && !message) problems.push(`${d.sid} from ${d.from}: acted on but its turn left no message`);
    if (message && options.turnReplies(d.from) && !message.handledAt) problems.push(`${d.sid} from ${d.from}: its turn never committed`);
  }
  // The unique indexes make a second row impossible; counted anyway, the check must not trust them.
  const extraInbox = (await prisma.inboundSms.count()) - new Set(inbox.map((r) => r.providerId)).size;
  if (extraInbox !== 0) problems.push(`${extraInbox} inbound SMS rows beyond one per delivered MessageSid (stored twice)`);

  for (const sent of senders) {
    const rows = sent.map((d) => inboxBySid.get(d.sid)).filter((row) => row !== undefined);
    for (let i = 1; i < rows.length; i += 1) {
      const [before, after] = [rows[i - 1]!, rows[i]!];
      if (before.seq >= after.seq) problems.push(`${after.from}: message ${i + 1} stored before message ${i}`);
      if (before.processedAt && after.processedAt && before.processedAt > after.processedAt) {
        problems.push(`${after.from}: message ${i + 1} acted on before message ${i} (order broken)`);
      }
    }
  }

  const conversationIds = [...new Set(stored.filter((m) => options.turnReplies(m.from)).map((m) => m.conversationId))];
  const replies = await prisma.message.findMany({
    where: { conversationId: { in: conversationIds }, direction: "outbound" },
    select: { conversationId: true, createdAt: true },
  });
  // Each reply belongs to the conversation's latest message received before it.
  const turns = stored
    .filter((m) => conversationIds.includes(m.conversationId))
    .map((m) => ({ message: m, at: inboxBySid.get(m.providerId ?? "")?.receivedAt.getTime() ?? 0, offsets: [] as number[] }))
    .sort((a, b) => b.at - a.at);
  for (const reply of replies) {
    const turn = turns.find((t) => t.message.conversationId === reply.conversationId && t.at < reply.createdAt.getTime());
    const offset = turn ? reply.createdAt.getTime() - turn.at : 0;
    if (turn && offset <= MAX_REPLIES_PER_TURN) turn.offsets.push(offset);
  }
  for (const { message, offsets } of turns) {
    const sorted = offsets.sort((a, b) => a - b).map((offset) => `+${offset}`).join(",");
    if (sorted !== offsets.map((_, i) => `+${i + 1}`).join(",")) {
      problems.push(`${message.from} "${message.body}": replies at ${sorted} ms, not +1..+${offsets.length} (acted on twice?)`);
    }
  }
  return problems;
}

/**
 * Lost or doubled texts, from PostgreSQL and what the provider received: every outbound SMS row
 * handed to the provider, every part received once. A worker killed between the provider's answer
 * and recording it leaves the row "sending"; it is sent again after the grace (Twilio has no
 * idempotency key), so a second copy is allowed only for the rows that were "sending" when the
 * worker died (`sendingAtKill`), once each.
 */
export async function findOutboundProblems(
  prisma: PrismaClient,
  received: FakeTwilioMessage[],
  sendingAtKill: Set<string>,
): Promise<{ problems: string[]; resentAfterKill: number }> {
  const problems: string[] = [];
  const rows = await prisma.message.findMany({ where: { direction: "outbound", channel: "sms" } });
  const expected = new Map<string, { count: number; allowance: number }>();
  for (const row of rows) {
    if (!row.providerId) problems.push(`reply to ${row.to} "${row.body.slice(0, 40)}…": ${row.status}, never handed to the provider (lost)`);
    for (const part of splitSms(row.body)) {
      const key = `${row.to} ${part}`;
      const entry = expected.get(key) ?? { count: 0, allowance: 0 };
      entry.count += row.providerId ? 1 : 0;
      entry.allowance += sendingAtKill.has(row.id) ? 1 : 0;
      expected.set(key, entry);
    }
  }
  const got = new Map<string, number>();
  for (const message of received) got.set(`${message.to} ${message.body}`, (got.get(`${message.to} ${message.body}`) ?? 0) + 1);
  let resentAfterKill = 0;
  for (const [key, count] of got) {
    const entry = expected.get(key) ?? { count: 0, allowance: 0 };
    if (count > entry.count + entry.allowance) problems.push(`sent ${count} times, recorded ${entry.count}: ${key.slice(0, 80)}`);
    else resentAfterKill += Math.max(0, count - entry.count);
  }
  for (const [key, entry] of expected) {
    if ((got.get(key) ?? 0) < entry.count) problems.push(`recorded as sent but never received: ${key.slice(0, 80)}`);
  }
  return { problems, resentAfterKill };
}

/** Double bookings: more live assignments than positions, a position or an officer twice. */
export async function findBookingProblems(prisma: PrismaClient, requestId: string, positions: number): Promise<string[]> {
  const problems: string[] = [];
  const live = await prisma.assignment.findMany({
    where: { position: { requestId }, status: { in: ["assigned", "checked_in", "checked_out"] } },
  });
  if (live.length !== positions) problems.push(`${live.length} live assignments for ${positions} positions`);
  if (new Set(live.map((a) => a.positionId)).size !== live.length) problems.push("a position was booked twice");
  if (new Set(live.map((a) => a.officerId)).size !== live.length) problems.push("an officer was booked twice");
  const filled = await prisma.position.count({ where: { requestId, status: "filled" } });
  if (filled !== positions) problems.push(`${filled} of ${positions} positions filled`);
  const accepted = await prisma.offer.count({ where: { position: { requestId }, status: "accepted" } });
  if (accepted !== positions) problems.push(`${accepted} offers accepted for ${positions} positions`);
  return problems;
}
