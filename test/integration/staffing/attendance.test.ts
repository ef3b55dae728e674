import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeForgottenCheckOutsJob } from "../../../workers/jobs/close-forgotten-check-outs.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { createStaffingFixture, HOUR_MS, MINUTE_MS } from "./staffing-fixture.ts";

const TUCSON = "tucson-az-pd";

describe("attendance: IN/OUT windows, completion, forgotten check-outs, late DROP", () => {
  let test: TestApp;
  let fixture: ReturnType<typeof createStaffingFixture>;

  beforeAll(async () => {
    test = await startTestApp("attendance");
    fixture = createStaffingFixture(test.app.prisma);
  });
  afterAll(async () => {
    await test.close();
  });

  /** A Tucson shift at `start` (a Saturday 6 PM local = 01:00Z Sunday) taken by the first officer. */
  async function takenShift(start: Date, positions = 1) {
    const officers = await Promise.all(Array.from({ length: positions }, () => fixture.makeOfficer(TUCSON)));
    const offered = await fixture.makeOfferedRequest({
      agencyId: TUCSON,
      start,
      ranks: Array.from({ length: positions }, () => "officer" as const),
      offerTo: officers,
    });
    const at = new Date(start.getTime() - 3 * 24 * HOUR_MS);
    expect(await fixture.text(officers[0]!, `YES ${offered.code}`, at)).toMatch(/^Confirmed/);
    return { ...offered, officers };
  }

  const statusOf = async (requestId: string) =>
    (await test.app.prisma.request.findUniqueOrThrow({ where: { id: requestId } })).status;

  it("refuses IN 43 hours ahead and says when check-in opens, in the agency's time", async () => {
    // Sat Dec 19 2026 6:00 PM in Phoenix.
    const start = new Date("2026-12-20T01:00:00Z");
    const { request, code, officers } = await takenShift(start);
    const reply = await fixture.text(officers[0]!, `IN ${code}`, new Date(start.getTime() - 43 * HOUR_MS));
    expect(reply).toBe(`Check-in for #${request.number} opens at 5:00 PM on Sat Dec 19 (60 minutes before the start).`);
    expect(await statusOf(request.id)).toBe("staffed");
    const assignment = await test.app.prisma.assignment.findFirstOrThrow({ where: { officerId: officers[0]!.id } });
    expect(assignment).toMatchObject({ status: "assigned", checkedInAt: null });
  });

  it("refuses OUT before IN, and IN after the shift ended", async () => {
    const start = new Date("2026-12-21T01:00:00Z");
    const { request, code, officers } = await takenShift(start);
    const officer = officers[0]!;
    expect(await fixture.text(officer, `OUT ${code}`, new Date(start.getTime() - 30 * MINUTE_MS))).toBe(
      `You have not checked in for #${request.number}, so there is nothing to check out of. Reply IN ${code} when you arrive.`,
    );
    expect(await fixture.text(officer, `IN ${code}`, new Date(start.getTime() + 4 * HOUR_MS))).toBe(
      `Shift #${request.number} ended at 10:00 PM on Sun Dec 20, so check-in is closed. If you worked it, tell your supervisor.`,
    );
    expect(await statusOf(request.id)).toBe("staffed");
  });

  it("opens at checkInOpensMinutesBefore, goes in progress on the first IN, and schedules the forgotten check-out", async () => {
    const start = new Date("2026-12-22T01:00:00Z");
    const { request, code, officers } = await takenShift(start);
    const reply = await fixture.text(officers[0]!, `IN ${code}`, new Date(start.getTime() - 60 * MINUTE_MS));
    expect(reply).toBe(`Checked in for request #${request.number}. Reply OUT ${code} when you leave.`);
    expect(await statusOf(request.id)).toBe("in_progress");
    const closeAt = new Date(start.getTime() + 4 * HOUR_MS + 30 * MINUTE_MS);
    expect(fixture.effects.checkOutCloses.filter((c) => c.requestId === request.id)).toEqual([
      { requestId: request.id, closeAt },
      { requestId: request.id, closeAt },
    ]);
  });

  it("completes only when every position is settled, never while one is still offered", async () => {
    const start = new Date("2026-12-23T01:00:00Z");
    const { request, code, officers } = await takenShift(start, 2);
    const [first, second] = officers as [(typeof officers)[0], (typeof officers)[0]];
    await fixture.text(first, `IN ${code}`, new Date(start.getTime() - 30 * MINUTE_MS));
    const out = await fixture.text(first, `OUT ${code}`, new Date(start.getTime() - 29 * MINUTE_MS));
    expect(out).toBe(`Checked out of request #${request.number}: 0.02 hours.`);
    // The second position is still offered: the request is not over.
    expect(await statusOf(request.id)).toBe("in_progress");

    expect(await fixture.text(second, `YES ${code}`, new Date(start.getTime() - 20 * MINUTE_MS))).toMatch(/^Confirmed/);
    await fixture.text(second, `IN ${code}`, new Date(start.getTime() - 10 * MINUTE_MS));
    expect(await statusOf(request.id)).toBe("in_progress");
    expect(fixture.effects.invoiceDrafts).not.toContain(request.id);
    await fixture.text(second, `OUT ${code}`, new Date(start.getTime() + 4 * HOUR_MS));
    expect(await statusOf(request.id)).toBe("completed");
    // The last check-out hands the finished request to invoicing, once.
    expect(fixture.effects.invoiceDrafts.filter((id) => id === request.id)).toHaveLength(1);
    const audit = await test.app.prisma.auditEvent.count({ where: { entityId: request.id, action: "request.completed" } });
    expect(audit).toBe(1);
  });

  it("stops waiting for a position nobody took once the shift has ended", async () => {
    const start = new Date("2026-12-25T01:00:00Z");
    const { request, code, officers } = await takenShift(start, 2);
    await fixture.text(officers[0]!, `IN ${code}`, start);
    await fixture.text(officers[0]!, `OUT ${code}`, new Date(start.getTime() + 4 * HOUR_MS));
    expect(await statusOf(request.id)).toBe("completed");
  });

  it("counts a no-show as settled", async () => {
    const start = new Date("2026-12-24T01:00:00Z");
    const { request, code, officers, positions } = await takenShift(start, 2);
    await fixture.text(officers[1]!, `YES ${code}`, new Date(start.getTime() - 2 * HOUR_MS));
    await fixture.text(officers[0]!, `IN ${code}`, new Date(start.getTime() - 5 * MINUTE_MS));
    await test.app.prisma.assignment.updateMany({ where: { positionId: positions[1]!.id }, data: { status: "no_show" } });
    await fixture.text(officers[0]!, `OUT ${code}`, new Date(start.getTime() + 4 * HOUR_MS));
    expect(await statusOf(request.id)).toBe("completed");
  });

  it("closes a forgotten check-out at the scheduled end, tells the officer and flags it to the supervisor", async () => {
    const { prisma } = test.app;
    // Ended 40 minutes ago: past the 30-minute grace on the real clock the job reads.
    const start = new Date(Date.now() - 4 * HOUR_MS - 40 * MINUTE_MS);
    const officer = await fixture.makeOfficer(TUCSON);
    const { request, code } = await fixture.makeOfferedRequest({
      agencyId: TUCSON,
      start,
      offerTo: [officer],
      offerExpiresAt: null,
      offerSentAt: new Date(start.getTime() - 2 * HOUR_MS),
    });
    expect(await fixture.text(officer, `YES ${code}`, new Date(start.getTime() - HOUR_MS))).toMatch(/^Confirmed/);
    const checkedInAt = new Date(start.getTime() + 10 * MINUTE_MS);
    await fixture.text(officer, `IN ${code}`, checkedInAt);

    const result = await closeForgottenCheckOutsJob.run({ payload: { requestId: request.id }, deps: test.app.workerDeps, attempt: 1 });
    expect(result).toEqual({ closed: 1, completed: true });
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { officerId: officer.id } });
    expect(assignment.status).toBe("checked_out");
    expect(assignment.checkedOutAt).toEqual(request.end);
    expect(assignment.autoClosedAt).not.toBeNull();
    expect(assignment.minutesWorked).toBe(230);
    expect(await statusOf(request.id)).toBe("completed");
    expect(await test.app.queues.maintenance.getJob(`invoice-draft-${request.id}`)).toBeDefined();
    const told = (await fixture.textsTo(officer)).filter((t) => t.startsWith("You did not check out"));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`#${request.number}`);
    expect(told[0]).toContain("3.83 hours");
    const notice = await test.app.queues.slack.getJob(`notice-${request.id}-auto-check-out-${assignment.id}`);
    expect(notice?.data.text).toMatch(/^<@U\w+>.*did not check out of #\d+; closed at the scheduled end/);

    // A re-run (a retried job) closes nothing and texts nobody twice.
    await closeForgottenCheckOutsJob.run({ payload: { requestId: request.id }, deps: test.app.workerDeps, attempt: 2 });
    expect((await fixture.textsTo(officer)).filter((t) => t.startsWith("You did not check out"))).toHaveLength(1);
  });

  it("leaves a shift that has not reached its grace alone", async () => {
    const start = new Date(Date.now() - 4 * HOUR_MS - 10 * MINUTE_MS);
    const officer = await fixture.makeOfficer(TUCSON);
    const { request, code } = await fixture.makeOfferedRequest({ agencyId: TUCSON, start, offerTo: [officer] });
    await fixture.text(officer, `YES ${code}`, new Date(start.getTime() - HOUR_MS));
    await fixture.text(officer, `IN ${code}`, start);
    const result = await closeForgottenCheckOutsJob.run({ payload: { requestId: request.id }, deps: test.app.workerDeps, attempt: 1 });
    expect(result).toMatchObject({ notDueUntil: expect.any(String) });
    expect((await test.app.prisma.assignment.findFirstOrThrow({ where: { officerId: officer.id } })).status).toBe("checked_in");
  });

  it("keeps a shift dropped inside the call-off deadline and flags the supervisor; earlier it is released", async () => {
    const start = new Date("2026-12-26T01:00:00Z");
    const late = await takenShift(start);
    const reply = await fixture.text(late.officers[0]!, `DROP ${late.code}`, new Date(start.getTime() - 5 * HOUR_MS));
    expect(reply).toBe(
      `#${late.request.number} starts in less than 12 hours, so it can't be dropped by text and is still yours. Please call your supervisor now.`,
    );
    const kept = await test.app.prisma.assignment.findFirstOrThrow({ where: { positionId: late.positions[0]!.id } });
    expect(kept.status).toBe("assigned");
    expect(await statusOf(late.request.id)).toBe("staffed");
    expect(fixture.effects.rebroadcasts).not.toContain(late.request.id);
    const flag = fixture.effects.staffNotices.find((n) => n.requestId === late.request.id && n.key.startsWith("drop-late"));
    expect(flag?.text).toMatch(/^<@U0TUCSSUP1>.*asked to drop #\d+ less than 12 hours before the start/);

    const early = await takenShift(new Date("2026-12-27T01:00:00Z"));
    const dropped = await fixture.text(early.officers[0]!, `DROP ${early.code}`, new Date("2026-12-26T12:00:00Z"));
    expect(dropped).toBe(`You dropped request #${early.request.number}; it will be offered to other officers.`);
    expect(fixture.effects.rebroadcasts).toContain(early.request.id);
    expect(await statusOf(early.request.id)).toBe("staffing");
  });
});
