import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { createPrismaClient, type PrismaClient } from "../../../prisma/client.ts";
import type { WorkerDeps } from "../../../workers/registry.ts";
import { broadcastWaveJob } from "../../../workers/jobs/broadcast-wave.ts";
import { createStaffingFixture, HOUR_MS, requireAgency } from "./staffing-fixture.ts";

/**
 * PAUSE / RESUME / QUIET over the officer SMS handler, and what a wave does with them. Each test
 * has an agency of its own (Tucson's rules under another id), so a wave sees only the officers
 * made here and never offers the shared seeded roster anything.
 */
describe("officers pause offers and set quiet hours by SMS", () => {
  let prisma: PrismaClient;
  const agencies = new Map<string, AgencyConfig>();
  const getAgency = (id: string) => agencies.get(id) ?? requireAgency(id);
  let fixture: ReturnType<typeof createStaffingFixture>;

  beforeAll(async () => {
    prisma = createPrismaClient(inject("databaseUrl"));
    fixture = createStaffingFixture(prisma, getAgency);
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  async function makeAgency(): Promise<AgencyConfig> {
    const tucson = requireAgency("tucson-az-pd");
    const agency: AgencyConfig = { ...tucson, id: `pause-test-${randomBytes(4).toString("hex")}` };
    await prisma.agency.create({ data: { id: agency.id, name: agency.name, timeZone: agency.timeZone, phoneNumbers: agency.phoneNumbers } });
    agencies.set(agency.id, agency);
    return agency;
  }

  /** Runs one wave with the queues recorded; returns the officers offered and what was queued. */
  async function runWave(requestId: string, wave: number) {
    const nextWaves: number[] = [];
    const deps = {
      prisma,
      getAgency,
      async enqueueSmsBatch() {},
      async enqueueOfferSends() {},
      smsRateLimiter: { perSecond: 0, async acquire() {} },
      async enqueueSms() {},
      async postRequestNotice() {},
      async enqueueBroadcastWave(_id: string, next: number) {
        nextWaves.push(next);
      },
    } as unknown as WorkerDeps;
    await broadcastWaveJob.run({ payload: { requestId, wave }, deps } as Parameters<typeof broadcastWaveJob.run>[0]);
    const offers = await prisma.offer.findMany({ where: { position: { requestId }, wave }, select: { officerId: true } });
    return { offered: new Set(offers.map((o) => o.officerId)), nextWaves };
  }

  function makeApprovedRequest(agencyId: string) {
    const start = new Date(Date.now() + 3 * 24 * HOUR_MS);
    return prisma.request.create({
      data: {
        agencyId,
        status: "approved",
        start,
        end: new Date(start.getTime() + 4 * HOUR_MS),
        officers: 1,
        eventType: "store security",
        positions: { create: [{ index: 1, rank: "officer", status: "open" }] },
      },
    });
  }

  /** "HH:MM" local, `hours` from the real clock: waves read Date.now(). */
  const clockIn = (agency: AgencyConfig, hours: number) => DateTime.now().setZone(agency.timeZone).plus({ hours }).toFormat("HH:mm");

  it("answers PAUSE, PAUSE 3 days, RESUME, QUIET and QUIET OFF, and stores each", async () => {
    const agency = await makeAgency();
    const officer = await fixture.makeOfficer(agency.id);
    const at = DateTime.fromISO("2026-12-01T17:00", { zone: agency.timeZone }).toJSDate();

    expect(await fixture.text(officer, "PAUSE", at)).toBe("Offers paused until you text RESUME. Shifts you already hold are unchanged.");
    let row = await prisma.officer.findUniqueOrThrow({ where: { id: officer.id } });
    expect(row.offersPausedAt).toEqual(at);
    expect(row.offersPausedUntil).toBeNull();

    expect(await fixture.text(officer, "pause 3 days", at)).toBe(
      "Offers paused until 5:00 PM on Fri Dec 4. Text RESUME to get them sooner. Shifts you already hold are unchanged.",
    );
    row = await prisma.officer.findUniqueOrThrow({ where: { id: officer.id } });
    expect(row.offersPausedUntil).toEqual(DateTime.fromISO("2026-12-04T17:00", { zone: agency.timeZone }).toJSDate());

    expect(await fixture.text(officer, "QUIET 10pm-7am", at)).toBe(
      "Quiet hours set: no offer texts between 10:00 PM and 7:00 AM local time. Text QUIET OFF to clear them.",
    );
    expect(await fixture.text(officer, "RESUME", at)).toBe(
      "Welcome back: you will get shift offers again. Your quiet hours (10:00 PM to 7:00 AM) still apply.",
    );
    row = await prisma.officer.findUniqueOrThrow({ where: { id: officer.id } });
    expect([row.offersPausedAt, row.offersPausedUntil, row.quietHoursStart, row.quietHoursEnd]).toEqual([null, null, "22:00", "07:00"]);

    expect(await fixture.text(officer, "QUIET OFF", at)).toBe("Quiet hours cleared: offers may be texted at any time of day.");
    expect(await fixture.text(officer, "QUIET soon", at)).toBe("To set quiet hours, text e.g. QUIET 22-07 or QUIET 10pm-7am; QUIET OFF clears them.");
    expect(await fixture.text(officer, "HELP", at)).toContain("PAUSE");
    const audited = await prisma.auditEvent.findMany({ where: { entityId: officer.id }, orderBy: { id: "asc" }, select: { action: true, actorKind: true } });
    expect(audited.map((a) => a.action)).toEqual([
      "officer.offers_paused",
      "officer.offers_paused",
      "officer.quiet_hours_set",
      "officer.offers_resumed",
      "officer.quiet_hours_set",
    ]);
    expect(new Set(audited.map((a) => a.actorKind))).toEqual(new Set(["officer"]));
  });

  it("leaves paused officers out of waves, ignores an expired pause, and offers again after RESUME", async () => {
    const agency = await makeAgency();
    const [open, paused, expired, resumed] = await Promise.all([0, 1, 2, 3].map(() => fixture.makeOfficer(agency.id)));
    if (!open || !paused || !expired || !resumed) throw new Error("officers");
    const now = new Date();
    await fixture.text(paused, "PAUSE", now);
    await fixture.text(resumed, "PAUSE 2", now);
    await fixture.text(resumed, "RESUME", now);
    // PAUSE 1 four days ago: its end has passed, so it counts for nothing.
    await fixture.text(expired, "PAUSE 1", new Date(now.getTime() - 4 * 24 * HOUR_MS));

    const request = await makeApprovedRequest(agency.id);
    const { offered } = await runWave(request.id, 0);
    expect(offered).toEqual(new Set([open.id, expired.id, resumed.id]));
    expect(await fixture.textsTo(paused)).not.toContainEqual(expect.stringContaining(`#${request.number}`));
  });

  it("skips an officer in quiet hours for this wave only, keeps the request waiting for them, and offers a later wave", async () => {
    const agency = await makeAgency();
    const sleeper = await fixture.makeOfficer(agency.id);
    const now = new Date();
    await fixture.text(sleeper, `QUIET ${clockIn(agency, -1)}-${clockIn(agency, 1)}`, now);

    const request = await makeApprovedRequest(agency.id);
    const first = await runWave(request.id, 0);
    expect(first.offered.size).toBe(0);
    // Not "nobody left": the next wave is scheduled and nothing is reported exhausted.
    expect(first.nextWaves).toEqual([1]);
    expect(await prisma.auditEvent.count({ where: { entityId: request.id, action: "broadcast.exhausted" } })).toBe(0);

    // Later, outside the quiet hours (the window moved instead of the clock).
    await fixture.text(sleeper, `QUIET ${clockIn(agency, 2)}-${clockIn(agency, 3)}`, now);
    const second = await runWave(request.id, 1);
    expect(second.offered).toEqual(new Set([sleeper.id]));
  });
});
