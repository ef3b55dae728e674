import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApprovalRepository } from "../../../prisma/repositories/approval-repository.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { newMessageSid, waitUntilActedOn } from "../../support/twilio-sms.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";
import { waitFor as waitUntil } from "../../support/wait-for.ts";

const AUTH_TOKEN = "test-staffing-auth-token";
const PUBLIC_BASE = "https://staffing.example.org";
const AGENCY_NUMBER = "+15205550100";

/** Waves, staffing and timers run through several queues: wait a little longer than the default. */
const waitFor = <T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000) =>
  waitUntil(read, ok, timeoutMs);

describe("after YES: approval, broadcast, acceptance race, staffing", () => {
  let test: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let round = 0;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    test = await startTestApp("staffing", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      TWILIO_ACCOUNT_SID: `AC${"4".repeat(32)}`,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      SMS_RATE_PER_SENDER: "0",
    });
  });
  afterAll(async () => {
    await test.close();
    await fake.close();
  });

  /** Texts the agency; the webhook only stores and queues the SMS (see waitUntilActedOn). */
  async function reply(from: string, body: string): Promise<{ sid: string; status: number }> {
    const sid = newMessageSid();
    const response = await postSignedTwilioForm(`${test.base}/twilio/sms`, `${PUBLIC_BASE}/twilio/sms`, AUTH_TOKEN, {
      MessageSid: sid,
      From: from,
      To: AGENCY_NUMBER,
      Body: body,
    });
    return { sid, status: response.status };
  }

  /** A submitted Tucson request for `officers` positions, with its customer's SMS conversation. */
  async function submitRequest(officers: number) {
    const { prisma } = test.app;
    round += 1;
    const customerPhone = `+1520557${String(1000 + round).padStart(4, "0")}`;
    const conversation = await prisma.conversation.create({
      data: { agencyId: "tucson-az-pd", channel: "sms", participant: customerPhone },
    });
    await prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: "inbound",
        channel: "sms",
        from: customerPhone,
        to: AGENCY_NUMBER,
        body: "YES",
        status: "received",
      },
    });
    const start = new Date(Date.now() + (10 + round * 2) * 24 * 3600_000);
    const customer = await prisma.customer.create({
      data: { agencyId: "tucson-az-pd", contact: customerPhone, name: "Test Customer" },
    });
    const requestData = {
      agency: "tucson-az-pd",
      requestedAt: new Date().toISOString(),
      start: start.toISOString(),
      end: new Date(start.getTime() + 4 * 3600_000).toISOString(),
      officers,
      category: "regular",
      vehicles: 0,
      vehicleMiles: 0,
      flags: { armedPrivateSecurity: false, civilLegalService: false, bodyguardOrBouncer: false, alcoholPrincipalBusiness: false },
      language: "en",
    };
    const request = await prisma.request.create({
      data: {
        agencyId: "tucson-az-pd",
        customerId: customer.id,
        conversationId: conversation.id,
        status: "submitted",
        start,
        end: new Date(start.getTime() + 4 * 3600_000),
        officers,
        eventType: "store security",
        requestedAt: new Date(),
        quotes: {
          create: {
            totalCents: 1,
            decision: "allow",
            quote: { positions: { officer: officers, sergeant: 0, commander: 0 }, screening: { approver: null } },
            requestData,
          },
        },
      },
    });
    return { request, customerPhone };
  }

  /** Check-in opens an hour before the start: moves a request's shift to start in half an hour. */
  async function startSoon(requestId: string) {
    const start = new Date(Date.now() + 30 * 60_000);
    await test.app.prisma.request.update({
      where: { id: requestId },
      data: { start, end: new Date(start.getTime() + 4 * 3600_000) },
    });
  }

  it("opens approvals, broadcasts fairest-first waves, staffs on acceptance and confirms to the customer", async () => {
    const { prisma, queues } = test.app;
    const approvals = new ApprovalRepository(prisma);
    const { request, customerPhone } = await submitRequest(3);
    await queues.enqueueOpenApprovals(request.number);
    const pending = await waitFor(
      () => prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "pending_approval",
    );
    expect(pending.status).toBe("pending_approval");

    const decision = await approvals.decide({
      requestId: request.id,
      role: "supervisor",
      decision: "approved",
      by: "U0TUCSSUP1",
      reason: null,
      at: new Date(),
    });
    expect(decision.kind).toBe("approved");
    const again = await approvals.decide({
      requestId: request.id,
      role: "supervisor",
      decision: "denied",
      by: "U0TUCSSUP2",
      reason: "late click",
      at: new Date(),
    });
    expect(again).toMatchObject({ kind: "already_decided", decidedBy: "U0TUCSSUP1" });

    await queues.enqueueBroadcastWave(request.id, 0, 0);
    const offers = await waitFor(
      () => prisma.offer.findMany({ where: { position: { requestId: request.id } }, include: { officer: true } }),
      (list) => list.length >= 30,
    );
    const offeredOfficers = [...new Set(offers.map((o) => o.officerId))];
    expect(offeredOfficers).toHaveLength(10);
    const waveJob = await waitFor(
      () => queues.broadcast.getJob(`wave-${request.id}-1`),
      (job) => job !== undefined,
    );
    expect(await waveJob?.getState()).toBe("delayed");

    const code = offers[0]?.code ?? "";
    const offerTexts = await waitFor(
      async () => fake.messages.filter((m) => m.body.includes(`YES ${code}`)),
      (list) => list.length >= 10,
    );
    expect(offerTexts).toHaveLength(10);

    const accepters = [...new Map(offers.map((o) => [o.officerId, o.officer.phone])).values()].slice(0, 3);
    for (const phone of accepters) expect((await reply(phone, `YES ${code}`)).status).toBe(200);
    const staffed = await waitFor(
      () => prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "staffed",
    );
    expect(staffed.status).toBe("staffed");
    const confirmation = await waitFor(
      async () => fake.messages.filter((m) => m.to === customerPhone),
      (list) => list.length >= 1,
    );
    expect(confirmation[0]?.body).toMatch(/fully staffed/);

    const postOrders = await waitFor(
      async () => fake.messages.filter((m) => accepters.includes(m.to) && m.body.startsWith("Post orders")),
      (list) => list.length >= 3,
    );
    expect(postOrders).toHaveLength(3);
    const noShowJob = await waitFor(
      () => queues.reminders.getJob(`noshow-${request.id}-${request.start.getTime()}`),
      (job) => job !== undefined,
    );
    expect(await noShowJob?.getState()).toBe("delayed");
    const reminderJob = await queues.reminders.getJob(`reminder-${request.id}-${request.start.getTime()}`);
    expect(await reminderJob?.getState()).toBe("delayed");
    await reminderJob?.promote();
    const reminders = await waitFor(
      async () => fake.messages.filter((m) => accepters.includes(m.to) && m.body.startsWith("Reminder")),
      (list) => list.length >= 3,
    );
    expect(reminders[0]?.body).toContain(`IN ${code}`);
    await startSoon(request.id);
    const checkIn = await reply(accepters[0] ?? "", `IN ${code}`);
    expect(checkIn.status).toBe(200);
    // The check-in is acted on by a worker: let it land before the no-show check runs.
    await waitUntilActedOn(prisma, checkIn.sid);
    await noShowJob?.promote();
    const assignments = await waitFor(
      () => prisma.assignment.findMany({ where: { position: { requestId: request.id } } }),
      (list) => list.filter((a) => a.status === "no_show").length >= 2,
    );
    expect(assignments.map((a) => a.status).sort()).toEqual(["checked_in", "no_show", "no_show"]);

    await waveJob?.promote();
    await waitFor(
      async () => (await queues.broadcast.getJob(`wave-${request.id}-1`))?.getState(),
      (state) => state === "completed",
    );
    // The two no-shows' positions are offered again (issue #16), never to the two who missed them.
    const noShows = assignments.filter((a) => a.status === "no_show").map((a) => a.officerId);
    const reoffered = await waitFor(
      () => prisma.offer.findMany({ where: { position: { requestId: request.id }, status: "sent" } }),
      (list) => list.length > 0,
    );
    expect(reoffered.filter((o) => noShows.includes(o.officerId))).toEqual([]);
    const audit = await prisma.auditEvent.findMany({ where: { entityId: request.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["request.pending_approval", "request.approved", "broadcast.wave", "request.staffed"]),
    );
  });

  it("gives 3 positions to exactly 3 of 50 officers replying at the same moment", async () => {
    const { prisma } = test.app;
    const { request } = await submitRequest(3);
    const approvals = new ApprovalRepository(prisma);
    await approvals.openApprovals(request.number, new Date());
    await approvals.decide({ requestId: request.id, role: "supervisor", decision: "approved", by: "U1", reason: null, at: new Date() });
    const positions = await prisma.position.findMany({ where: { requestId: request.id } });
    expect(positions).toHaveLength(3);
    const officers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        prisma.officer.create({
          data: {
            agencyId: "tucson-az-pd",
            badgeNumber: `RACE${round}-${i}`,
            firstName: "Race",
            lastName: `Runner${i}`,
            phone: `+1520558${String(round * 100 + i).padStart(4, "0")}`,
            rank: "officer",
            seniorityDate: new Date("2015-01-01"),
          },
        }),
      ),
    );
    const code = "RACE";
    await prisma.offer.createMany({
      data: officers.flatMap((o) => positions.map((p) => ({ positionId: p.id, officerId: o.id, code, wave: 0 }))),
    });
    const responses = await Promise.all(officers.map((o) => reply(o.phone, `YES ${code}`)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    // Workers act on the 50 replies concurrently (one job each); count once all were acted on.
    await waitUntilActedOn(prisma, responses.map((r) => r.sid), 30_000);

    const assignments = await prisma.assignment.findMany({ where: { position: { requestId: request.id } } });
    expect(assignments).toHaveLength(3);
    expect(new Set(assignments.map((a) => a.positionId)).size).toBe(3);
    expect(new Set(assignments.map((a) => a.officerId)).size).toBe(3);
    const replies = await waitFor(
      async () => officers.map((o) => fake.messages.filter((m) => m.to === o.phone).map((m) => m.body)),
      // Losers may hear "has been filled" before the answer to their own YES.
      (list) => list.every((bodies) => bodies.some((b) => b.startsWith("Confirmed") || b.includes("already been filled"))),
    );
    // Winners also get post orders after their confirmation, so look at every message each got.
    expect(replies.filter((bodies) => bodies.some((b) => b.startsWith("Confirmed")))).toHaveLength(3);
    expect(replies.filter((bodies) => bodies.some((b) => b.includes("already been filled")))).toHaveLength(47);
  });

  it("cancels by SMS with the fee shown first, releases the officers and tells them once", async () => {
    const { prisma, queues } = test.app;
    const { request, customerPhone } = await submitRequest(1);
    const approvals = new ApprovalRepository(prisma);
    await approvals.openApprovals(request.number, new Date());
    await approvals.decide({ requestId: request.id, role: "supervisor", decision: "approved", by: "U1", reason: null, at: new Date() });
    await queues.enqueueBroadcastWave(request.id, 0, 0);
    const offer = await waitFor(
      () => prisma.offer.findFirst({ where: { position: { requestId: request.id } }, include: { officer: true } }),
      (o) => o !== null,
    );
    const officerPhone = offer?.officer.phone ?? "";
    await reply(officerPhone, `YES ${offer?.code}`);
    await waitFor(
      () => prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "staffed",
    );

    await reply(customerPhone, `CANCEL ${request.number}`);
    const feeText = await waitFor(
      async () => fake.messages.filter((m) => m.to === customerPhone && m.body.includes("cancellation fee")),
      (list) => list.length >= 1,
    );
    // Approved and more than 24 h ahead: the admin fee for the first 24 h of the 4-hour shift (4 × $6.40).
    expect(feeText[0]?.body).toContain("$25.60");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("staffed");
    await reply(customerPhone, "YES");
    const told = await waitFor(
      async () => fake.messages.filter((m) => m.to === officerPhone && m.body.includes("was cancelled")),
      (list) => list.length >= 1,
    );
    expect(told).toHaveLength(1);
    const cancelled = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(cancelled).toMatchObject({ status: "cancelled", cancellationFeeCents: 2560 });
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { position: { requestId: request.id } } });
    expect(assignment.status).toBe("cancelled");
    // The fee is billed: a cancellation invoice is drafted for it.
    const billed = await waitFor(
      () => prisma.invoiceItem.findMany({ where: { requestId: request.id }, include: { invoice: true } }),
      (items) => items.length > 0,
    );
    expect(billed).toHaveLength(1);
    expect(billed[0]).toMatchObject({ kind: "cancellation_fee", totalCents: 2560, invoice: { kind: "cancellation", status: "draft", totalCents: 2560 } });

    // A re-delivered job changes nothing: no second message, no second cancellation.
    const { requestCancelledJob } = await import("../../../workers/jobs/request-cancelled.ts");
    const rerun = await requestCancelledJob.run({
      payload: { requestNumber: request.number },
      deps: test.app.workerDeps,
      attempt: 2,
    });
    expect(rerun).toEqual({ officersTold: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.messages.filter((m) => m.to === officerPhone && m.body.includes("was cancelled"))).toHaveLength(1);
  });

  it("reminds, then escalates an approval nobody decides, and still accepts a late decision", async () => {
    const { prisma, queues } = test.app;
    const { request } = await submitRequest(1);
    await queues.enqueueOpenApprovals(request.number);
    const first = await waitFor(
      () => queues.approvals.getJob(`approval-timeout-${request.id}-1`),
      (job) => job !== undefined,
    );
    expect(await first?.getState()).toBe("delayed");
    await first?.promote();
    const second = await waitFor(
      () => queues.approvals.getJob(`approval-timeout-${request.id}-2`),
      (job) => job !== undefined,
    );
    await second?.promote();
    const escalated = await waitFor(
      () => prisma.approval.findFirstOrThrow({ where: { requestId: request.id, role: "supervisor" } }),
      (a) => a.decision === "escalated",
    );
    expect(escalated).toMatchObject({ decision: "escalated", reminders: 2 });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: request.id } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["approval.reminder", "approval.escalated"]));
    const late = await new ApprovalRepository(prisma).decide({
      requestId: request.id,
      role: "supervisor",
      decision: "approved",
      by: "U0TUCSSUP2",
      reason: null,
      at: new Date(),
    });
    expect(late.kind).toBe("approved");
  });

  it("tells the customer (once) when nobody eligible is left to ask", async () => {
    const { prisma, queues } = test.app;
    const { request, customerPhone } = await submitRequest(1);
    const approvals = new ApprovalRepository(prisma);
    await approvals.openApprovals(request.number, new Date());
    await approvals.decide({ requestId: request.id, role: "supervisor", decision: "approved", by: "U1", reason: null, at: new Date() });
    // Everyone at the agency has already been asked: mark them offered without a reply.
    const position = await prisma.position.findFirstOrThrow({ where: { requestId: request.id } });
    const officers = await prisma.officer.findMany({ where: { agencyId: "tucson-az-pd" } });
    await prisma.offer.createMany({
      data: officers.map((o) => ({ positionId: position.id, officerId: o.id, code: "GONE", wave: 0, status: "declined" as const })),
    });
    await queues.enqueueBroadcastWave(request.id, 1, 0);
    await queues.enqueueBroadcastWave(request.id, 2, 0);
    const told = await waitFor(
      async () => fake.messages.filter((m) => m.to === customerPhone && m.body.includes("not yet found enough officers")),
      (list) => list.length >= 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(told).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { entityId: request.id, action: "broadcast.exhausted" } })).toBe(1);
  });

  it("runs one request from submitted to completed, never offering a shift to an officer already busy then", async () => {
    const { prisma, queues } = test.app;
    const { request, customerPhone } = await submitRequest(1);
    // The most senior Tucson officer already works a shift overlapping this one.
    const busy = await prisma.officer.findFirstOrThrow({ where: { agencyId: "tucson-az-pd", rank: "officer" }, orderBy: { seniorityDate: "asc" } });
    const other = await submitRequest(1);
    const otherPosition = await prisma.position.create({ data: { requestId: other.request.id, index: 1, rank: "officer", status: "filled" } });
    await prisma.assignment.create({
      data: { positionId: otherPosition.id, officerId: busy.id, start: request.start, end: request.end },
    });

    await queues.enqueueOpenApprovals(request.number);
    await waitFor(
      () => prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "pending_approval",
    );
    await new ApprovalRepository(prisma).decide({
      requestId: request.id,
      role: "supervisor",
      decision: "approved",
      by: "U0TUCSSUP1",
      reason: null,
      at: new Date(),
    });
    await queues.enqueueBroadcastWave(request.id, 0, 0);
    const offers = await waitFor(
      () => prisma.offer.findMany({ where: { position: { requestId: request.id } }, include: { officer: true } }),
      (list) => list.length >= 10,
    );
    expect(offers.map((o) => o.officerId)).not.toContain(busy.id);

    const taker = offers[0]!;
    await reply(taker.officer.phone, `YES ${taker.code}`);
    await waitFor(
      () => prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "staffed",
    );
    await startSoon(request.id);
    await reply(taker.officer.phone, `IN ${taker.code}`);
    await waitFor(
      () => prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "in_progress",
    );
    await reply(taker.officer.phone, `OUT ${taker.code}`);
    const completed = await waitFor(
      () => prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "completed",
    );
    expect(completed.status).toBe("completed");
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { position: { requestId: request.id } } });
    expect(assignment).toMatchObject({ officerId: taker.officerId, status: "checked_out" });
    expect(assignment.minutesWorked).not.toBeNull();
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: request.id }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(["request.pending_approval", "request.approved", "broadcast.wave", "request.staffed", "request.completed"]),
    );
    expect(fake.messages.some((m) => m.to === customerPhone && m.body.includes("fully staffed"))).toBe(true);
  });
});
