import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { createStaffingFixture, HOUR_MS, MINUTE_MS, requireAgency } from "./staffing-fixture.ts";

const TUCSON = "tucson-az-pd";

describe("a YES is honoured only when every rule allows it, and otherwise says why", () => {
  let test: TestApp;
  let fixture: ReturnType<typeof createStaffingFixture>;
  /** Tucson without the rest rule, so two shifts can reach the 24-hour cap on their own. */
  let noRest: ReturnType<typeof createStaffingFixture>;

  beforeAll(async () => {
    test = await startTestApp("accept-rules");
    fixture = createStaffingFixture(test.app.prisma);
    const tucson = requireAgency(TUCSON);
    const relaxed: AgencyConfig = { ...tucson, dispatch: { ...tucson.dispatch, minRestHours: 0 } };
    noRest = createStaffingFixture(test.app.prisma, (id) => (id === TUCSON ? relaxed : requireAgency(id)));
  });
  afterAll(async () => {
    await test.close();
  });

  /** Each test on its own days, so one officer's shifts never meet across tests. */
  let day = 0;
  const nextDay = () => new Date(Date.UTC(2027, 0, 1) + (day++ * 10 + 1) * 24 * HOUR_MS);
  const early = (start: Date) => new Date(start.getTime() - 2 * 24 * HOUR_MS);

  it("says a cancelled request was cancelled", async () => {
    const start = nextDay();
    const officer = await fixture.makeOfficer(TUCSON);
    const { request, code } = await fixture.makeOfferedRequest({ agencyId: TUCSON, start, offerTo: [officer] });
    // As request-cancelled does: the request, its offers and positions.
    await test.app.prisma.request.update({ where: { id: request.id }, data: { status: "cancelled" } });
    await test.app.prisma.offer.updateMany({ where: { code }, data: { status: "withdrawn" } });
    await test.app.prisma.position.updateMany({ where: { requestId: request.id }, data: { status: "cancelled" } });
    expect(await fixture.text(officer, `YES ${code}`, early(start))).toBe(`Request #${request.number} was cancelled. Thank you for answering.`);
    expect(await test.app.prisma.assignment.count({ where: { officerId: officer.id } })).toBe(0);
  });

  it("never confirms a YES on a completed request", async () => {
    const start = nextDay();
    const officer = await fixture.makeOfficer(TUCSON);
    const { request, code } = await fixture.makeOfferedRequest({ agencyId: TUCSON, start, offerTo: [officer] });
    await test.app.prisma.request.update({ where: { id: request.id }, data: { status: "completed" } });
    expect(await fixture.text(officer, `YES ${code}`, early(start))).toBe(`Request #${request.number} is already over. Thank you for answering.`);
    expect(await test.app.prisma.assignment.count({ where: { officerId: officer.id } })).toBe(0);
  });

  it("says the open position needs a sergeant when only that one is left", async () => {
    const start = nextDay();
    const [winner, late] = [await fixture.makeOfficer(TUCSON), await fixture.makeOfficer(TUCSON)];
    const { request, code, positions } = await fixture.makeOfferedRequest({
      agencyId: TUCSON,
      start,
      ranks: ["officer", "sergeant"],
      offerTo: [winner, late],
    });
    // Officers are offered only what they may fill: drop the sergeant position's offers.
    await test.app.prisma.offer.deleteMany({ where: { positionId: positions[1]!.id } });
    expect(await fixture.text(winner, `YES ${code}`, early(start))).toMatch(/^Confirmed/);
    expect(await fixture.text(late, `YES ${code}`, early(start))).toBe(`The open position on #${request.number} needs a sergeant.`);
  });

  it("says filled when every position is taken", async () => {
    const start = nextDay();
    const [winner, late] = [await fixture.makeOfficer(TUCSON), await fixture.makeOfficer(TUCSON)];
    const { code } = await fixture.makeOfferedRequest({ agencyId: TUCSON, start, offerTo: [winner, late] });
    await fixture.text(winner, `YES ${code}`, early(start));
    expect(await fixture.text(late, `YES ${code}`, early(start))).toBe("Sorry, that shift has already been filled. Thank you for answering.");
  });

  it("refuses an expired offer and one whose shift has started, saying when it expired", async () => {
    const start = new Date("2027-03-07T01:00:00Z");
    const officer = await fixture.makeOfficer(TUCSON);
    const expiresAt = new Date("2027-03-06T20:00:00Z");
    const { code } = await fixture.makeOfferedRequest({ agencyId: TUCSON, start, offerTo: [officer], offerExpiresAt: expiresAt });
    expect(await fixture.text(officer, `YES ${code}`, new Date(expiresAt.getTime() + MINUTE_MS))).toBe(
      "Sorry, that offer expired at 1:00 PM on Sat Mar 6. Thank you for answering.",
    );
    const other = await fixture.makeOfficer(TUCSON);
    const started = await fixture.makeOfferedRequest({
      agencyId: TUCSON,
      start: new Date("2027-03-08T01:00:00Z"),
      offerTo: [other],
      offerExpiresAt: new Date("2027-03-09T00:00:00Z"),
    });
    expect(await fixture.text(other, `YES ${started.code}`, new Date("2027-03-08T01:05:00Z"))).toBe(
      "Sorry, that offer expired at 6:00 PM on Sun Mar 7. Thank you for answering.",
    );
    expect(await test.app.prisma.assignment.count({ where: { officerId: { in: [officer.id, other.id] } } })).toBe(0);
  });

  it("refuses a second shift that would leave under 8 hours of rest", async () => {
    const morning = nextDay();
    const officer = await fixture.makeOfficer(TUCSON);
    const first = await fixture.makeOfferedRequest({ agencyId: TUCSON, start: morning, offerTo: [officer] });
    const second = await fixture.makeOfferedRequest({
      agencyId: TUCSON,
      start: new Date(morning.getTime() + 8 * HOUR_MS),
      offerTo: [officer],
    });
    expect(await fixture.text(officer, `YES ${first.code}`, early(morning))).toMatch(/^Confirmed/);
    expect(await fixture.text(officer, `YES ${second.code}`, early(morning))).toBe(
      `Sorry, you can't take #${second.request.number}: it would leave you less than 8 hours of rest between off-duty shifts.`,
    );
  });

  it("refuses a second shift that would pass 16 hours in 24 (rest rule off)", async () => {
    const start = nextDay();
    const officer = await noRest.makeOfficer(TUCSON);
    const first = await noRest.makeOfferedRequest({ agencyId: TUCSON, start, hours: 9, offerTo: [officer] });
    const second = await noRest.makeOfferedRequest({
      agencyId: TUCSON,
      start: new Date(start.getTime() + 10 * HOUR_MS),
      hours: 8,
      offerTo: [officer],
    });
    expect(await noRest.text(officer, `YES ${first.code}`, early(start))).toMatch(/^Confirmed/);
    expect(await noRest.text(officer, `YES ${second.code}`, early(start))).toBe(
      `Sorry, you can't take #${second.request.number}: it would put you over 16 hours of work in 24 hours.`,
    );
  });

  it("counts regular duty toward the 24-hour cap", async () => {
    const start = nextDay();
    const officer = await fixture.makeOfficer(TUCSON, {
      regularDuty: [{ start: new Date(start.getTime() - 10 * HOUR_MS).toISOString(), end: start.toISOString() }],
    });
    const { request, code } = await fixture.makeOfferedRequest({ agencyId: TUCSON, start, hours: 7, offerTo: [officer] });
    expect(await fixture.text(officer, `YES ${code}`, early(start))).toBe(
      `Sorry, you can't take #${request.number}: it would put you over 16 hours of work in 24 hours.`,
    );
  });

  it("refuses the shift that would pass 64 off-duty hours in 7 days", async () => {
    const first = nextDay();
    day += 1;
    const officer = await fixture.makeOfficer(TUCSON);
    const replies: (string | null)[] = [];
    for (let i = 0; i < 7; i++) {
      const start = new Date(first.getTime() + i * 24 * HOUR_MS);
      const { code } = await fixture.makeOfferedRequest({ agencyId: TUCSON, start, hours: 10, offerTo: [officer] });
      replies.push(await fixture.text(officer, `YES ${code}`, early(first)));
    }
    expect(replies.slice(0, 6).every((r) => r?.startsWith("Confirmed"))).toBe(true);
    expect(replies[6]).toMatch(/it would put you over 64 off-duty hours in 7 days\.$/);
  });

  it("lets only officers who live in Mesquite bring a car there", async () => {
    const start = nextDay();
    const commuter = await fixture.makeOfficer("mesquite-tx-pd", { assignedVehicle: "MPD-12", livesInCity: false });
    const resident = await fixture.makeOfficer("mesquite-tx-pd", { assignedVehicle: "MPD-14", livesInCity: true });
    const { request, code } = await fixture.makeOfferedRequest({
      agencyId: "mesquite-tx-pd",
      start,
      vehicles: 1,
      offerTo: [commuter, resident],
    });
    expect(await fixture.text(commuter, `YES ${code}`, early(start))).toBe(
      `Sorry, you can't take #${request.number}: a police car may be used only by an officer who lives in Mesquite and has an assigned car.`,
    );
    expect(await fixture.text(resident, `YES ${code}`, early(start))).toMatch(/^Confirmed/);
  });

  it("lets community service officers take traffic control only where the agency allows it", async () => {
    const start = nextDay();
    const tucsonCso = await fixture.makeOfficer(TUCSON, { communityServiceOfficer: true });
    const traffic = await fixture.makeOfferedRequest({
      agencyId: TUCSON,
      start,
      eventType: "road construction traffic control",
      offerTo: [tucsonCso],
    });
    expect(await fixture.text(tucsonCso, `YES ${traffic.code}`, early(start))).toMatch(/^Confirmed/);

    const security = await fixture.makeOfferedRequest({
      agencyId: TUCSON,
      start: new Date(start.getTime() + 2 * 24 * HOUR_MS),
      eventType: "store security",
      offerTo: [tucsonCso],
    });
    expect(await fixture.text(tucsonCso, `YES ${security.code}`, early(start))).toMatch(
      /^Sorry, you can't take #\d+: community service officers may fill only traffic-control positions/,
    );

    const rockportCso = await fixture.makeOfficer("rockport-tx-pd", { communityServiceOfficer: true });
    const rockport = await fixture.makeOfferedRequest({
      agencyId: "rockport-tx-pd",
      start,
      eventType: "parade traffic control",
      offerTo: [rockportCso],
    });
    expect(await fixture.text(rockportCso, `YES ${rockport.code}`, early(start))).toMatch(/community service officers/);
  });

  it("decides two YES of one officer at once one after the other: only one of two clashing shifts is theirs", async () => {
    const start = nextDay();
    const officer = await fixture.makeOfficer(TUCSON);
    const a = await fixture.makeOfferedRequest({ agencyId: TUCSON, start, offerTo: [officer] });
    const b = await fixture.makeOfferedRequest({ agencyId: TUCSON, start: new Date(start.getTime() + 6 * HOUR_MS), offerTo: [officer] });
    const outcomes = await Promise.all([
      fixture.shifts.acceptOffer(officer.id, a.code, early(start)),
      fixture.shifts.acceptOffer(officer.id, b.code, early(start)),
    ]);
    expect(outcomes.filter((o) => o.kind === "accepted")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "ineligible")).toHaveLength(1);
    expect(await test.app.prisma.assignment.count({ where: { officerId: officer.id } })).toBe(1);
  });
});
