import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../../prisma/client.ts";
import { ApprovalRepository } from "../../../prisma/repositories/approval-repository.ts";
import { startTopology, type Topology } from "../../../scripts/cluster/topology.ts";
import { createQueueSet, type QueueSet } from "../../../workers/queue-set.ts";
import { createRedisConnection, type RedisConnection } from "../../../workers/redis-connection.ts";
import { dropPrivateDatabase, privateDatabaseUrl } from "../../support/private-database.ts";
import { SMS_INTAKE } from "../../support/twilio-sms.ts";
import { waitFor } from "../../support/wait-for.ts";
import { createStubQuotedRequest } from "../../builders/stub-quoted-request.ts";
import { findBookingProblems, findInboundProblems, findOutboundProblems } from "./check-effects.ts";
import { type Delivery, deliverLikeTwilio } from "./twilio-like-sender.ts";

const CUSTOMERS = 24;
/** Each customer's messages: the start of an SMS intake, each answered before the next is sent. */
const MESSAGES = SMS_INTAKE.slice(0, 4);
const POSITIONS = 3;
const OFFER_CODE = /YES ([A-Z0-9]+)/;

/**
 * Issue #20's scale-out run: 2 web processes behind a round-robin balancer, 3 worker processes,
 * PostgreSQL and a 3-master Redis Cluster (scripts/cluster/topology.ts, what `npm run cluster`
 * starts). Customers text through the balancer while a wave of offers goes out and the offered
 * officers race to accept; one worker and one web process are SIGKILLed in the middle. Then,
 * from PostgreSQL and what the fake Twilio API received: nothing lost, nothing done twice,
 * each customer's messages acted on in order, every position filled once.
 */
describe("scale-out on a Redis Cluster, with a worker and a web process killed mid-run", () => {
  const databaseUrl = privateDatabaseUrl("cluster");
  let topology: Topology;
  let database: Database;
  let redis: RedisConnection;
  let queues: QueueSet;

  beforeAll(async () => {
    topology = await startTopology({
      databaseUrl,
      env: {
        // A killed worker's jobs are taken over after the lock; its unanswered sends after twice that.
        WORKER_LOCK_MS: "2000",
        RECOVERY_INTERVAL_MS: "5000",
        // On, so the limiter's script runs on the cluster, but high enough not to pace the run.
        SMS_RATE_PER_SENDER: "100",
      },
    });
    database = createDatabase(databaseUrl, { max: 4 });
    redis = createRedisConnection({ url: "redis://unused", clusterNodes: topology.redis.nodes });
    await redis.connect();
    queues = createQueueSet(redis, topology.env.REDIS_PREFIX ?? "");
  }, 120_000);

  afterAll(async () => {
    await queues?.close();
    redis?.disconnect();
    await database?.prisma.$disconnect();
    await topology?.stop();
    await dropPrivateDatabase(databaseUrl);
  }, 60_000);

  it("loses nothing, does nothing twice, keeps each sender's order and books each position once", { timeout: 120_000 }, async () => {
    const { prisma } = database;
    const customers: Delivery[][] = Array.from({ length: CUSTOMERS }, () => []);
    let answered = 0;
    // The rest of each conversation waits for the kill, so the kill always lands mid-run, however
    // fast this machine answers the first half.
    let releaseAfterKill = () => {};
    const afterKill = new Promise<void>((resolve) => {
      releaseAfterKill = resolve;
    });
    // Two texts back to back (both wait in the queue: order matters), the bot's answer, two more.
    const customerRuns = customers.map(async (sent, i) => {
      const phone = `+1520701${String(i).padStart(4, "0")}`;
      for (const [k, body] of MESSAGES.entries()) {
        sent.push(await deliverLikeTwilio(topology, phone, body));
        answered += 1;
        if (k === 1) {
          await waitFor(() => topology.twilio.messages.filter((m) => m.to === phone).length, (n) => n >= 1, 30_000);
          await afterKill;
        }
      }
    });

    // Once every customer is mid-conversation, a request is approved: a wave of offers.
    await waitFor(() => answered, (n) => n >= CUSTOMERS, 60_000);
    const requestId = await approveRequest(prisma, queues);
    const offerTexts = () => topology.twilio.messages.filter((m) => OFFER_CODE.test(m.body));
    // Killed halfway through the customers' texts, with the wave's offers on their way.
    await waitFor(() => answered, (n) => n >= (CUSTOMERS * MESSAGES.length) / 2, 60_000);
    const [worker, web] = [topology.workers[0]!, topology.webs[0]!];
    worker.child.kill("SIGKILL");
    web.child.kill("SIGKILL");
    const answeredAtKill = answered;
    releaseAfterKill();
    await worker.exited;
    // The only texts the kill may make the provider see twice: those the dead worker was sending.
    const sendingAtKill = new Set(
      (await prisma.message.findMany({ where: { direction: "outbound", status: "sending" }, select: { id: true } })).map((m) => m.id),
    );

    // Every offered officer gets the offer (the killed worker's sends are taken over) and races.
    const offered = await waitFor(
      () => prisma.offer.findMany({ where: { position: { requestId } }, select: { officer: { select: { phone: true } } } }),
      (rows) => rows.length > 0 && new Set(rows.map((r) => r.officer.phone)).size === new Set(offerTexts().map((m) => m.to)).size,
      60_000,
    );
    const code = OFFER_CODE.exec(offerTexts()[0]?.body ?? "")?.[1] ?? "";
    const officers = [...new Set(offered.map((r) => r.officer.phone))];
    const officerRuns = officers.map((phone) => deliverLikeTwilio(topology, phone, `YES ${code}`));
    await Promise.all(customerRuns);
    const race = await Promise.all(officerRuns);

    // Settled: every stored message acted on, every recorded text handed to the provider.
    const delivered = [...customers.flat(), ...race].filter((d) => d.delivered).length;
    await waitFor(
      async () => ({
        pending: await prisma.inboundSms.count({ where: { processedAt: null } }),
        stored: await prisma.inboundSms.count(),
        unsent: await prisma.message.count({ where: { direction: "outbound", channel: "sms", providerId: null } }),
        filled: await prisma.position.count({ where: { requestId, status: "filled" } }),
      }),
      (s) => s.pending === 0 && s.stored >= delivered && s.unsent === 0 && s.filled >= POSITIONS,
      60_000,
    );
    // Anything still on its way (a retried job) would show up as a doubled text: let it land.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(worker.child.signalCode).toBe("SIGKILL");
    expect(web.child.signalCode).toBe("SIGKILL");
    expect(answeredAtKill).toBeLessThan(CUSTOMERS * MESSAGES.length);
    expect(officers.length).toBeGreaterThan(POSITIONS);
    const senders = [...customers, ...race.map((d) => [d])];
    const isOfficer = new Set(officers);
    expect(await findInboundProblems(prisma, senders, { turnReplies: (from) => !isOfficer.has(from) })).toEqual([]);
    const outbound = await findOutboundProblems(prisma, topology.twilio.messages, sendingAtKill);
    expect(outbound.problems).toEqual([]);
    expect(await findBookingProblems(prisma, requestId, POSITIONS)).toEqual([]);
    // Each offered officer got the offer and an answer to the YES (accepted, or filled by another).
    for (const phone of officers) {
      expect(topology.twilio.messages.filter((m) => m.to === phone).length, phone).toBeGreaterThanOrEqual(2);
    }
    process.stdout.write(
      `scale-out: ${delivered} webhooks (${answeredAtKill} before the kill), ${topology.twilio.messages.length} texts, ` +
        `${outbound.resentAfterKill} resent after the kill, balancer ${JSON.stringify(Object.fromEntries(topology.balancer.answered))}\n`,
    );
  });
});

/** A submitted request for POSITIONS officers, approved, and its first wave queued (as bench/offers-throughput.ts). */
async function approveRequest(prisma: Database["prisma"], queues: QueueSet): Promise<string> {
  const request = await createStubQuotedRequest(prisma, "tucson-az-pd", POSITIONS);
  const approvals = new ApprovalRepository(prisma);
  await approvals.openApprovals(request.number, new Date());
  await approvals.decide({ requestId: request.id, role: "supervisor", decision: "approved", by: "scale-out", reason: null, at: new Date() });
  await queues.enqueueBroadcastWave(request.id, 0, 0);
  return request.id;
}
