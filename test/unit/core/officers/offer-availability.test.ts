import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { checkOfferAvailability, findPauseEnd, type OfferSettings } from "../../../../core/officers/index.ts";

const PHOENIX = "America/Phoenix";
const CHICAGO = "America/Chicago";
const NONE: OfferSettings = { offersPausedAt: null, offersPausedUntil: null, quietHoursStart: null, quietHoursEnd: null };
const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();

describe("checkOfferAvailability", () => {
  it("is available with no settings", () => {
    expect(checkOfferAvailability(NONE, local("2026-12-01T03:00", PHOENIX), PHOENIX)).toEqual({ kind: "available" });
  });

  it("holds a pause until RESUME, and a timed pause until its end only", () => {
    const at = local("2026-12-01T12:00", PHOENIX);
    expect(checkOfferAvailability({ ...NONE, offersPausedAt: at }, at + 365 * 86_400_000, PHOENIX)).toEqual({ kind: "paused", until: null });
    const until = at + 3 * 86_400_000;
    const timed = { ...NONE, offersPausedAt: at, offersPausedUntil: until };
    expect(checkOfferAvailability(timed, until - 1, PHOENIX)).toEqual({ kind: "paused", until });
    // An expired pause is ignored: nothing has to clear it.
    expect(checkOfferAvailability(timed, until, PHOENIX)).toEqual({ kind: "available" });
  });

  it.each([
    // [start, end, local time, quiet?]
    ["22:00", "07:00", "23:30", true],
    ["22:00", "07:00", "00:00", true],
    ["22:00", "07:00", "06:59", true],
    ["22:00", "07:00", "07:00", false],
    ["22:00", "07:00", "21:59", false],
    ["22:00", "07:00", "22:00", true],
    ["13:00", "15:30", "14:00", true],
    ["13:00", "15:30", "15:30", false],
    ["13:00", "15:30", "12:59", false],
  ])("quiet %s–%s at %s: %s", (start, end, time, quiet) => {
    const settings = { ...NONE, quietHoursStart: start, quietHoursEnd: end };
    const result = checkOfferAvailability(settings, local(`2026-12-01T${time}`, PHOENIX), PHOENIX);
    expect(result.kind).toBe(quiet ? "quiet_hours" : "available");
  });

  it("ends quiet hours at the local end time, today or tomorrow across midnight", () => {
    const settings = { ...NONE, quietHoursStart: "22:00", quietHoursEnd: "07:00" };
    expect(checkOfferAvailability(settings, local("2026-12-01T23:00", PHOENIX), PHOENIX)).toEqual({
      kind: "quiet_hours",
      endsAt: local("2026-12-02T07:00", PHOENIX),
    });
    expect(checkOfferAvailability(settings, local("2026-12-02T03:00", PHOENIX), PHOENIX)).toEqual({
      kind: "quiet_hours",
      endsAt: local("2026-12-02T07:00", PHOENIX),
    });
  });

  it("keeps the same wall-clock hours across DST changes (Chicago)", () => {
    const settings = { ...NONE, quietHoursStart: "22:00", quietHoursEnd: "07:00" };
    // Spring forward 2026-03-08 02:00 → 03:00; fall back 2026-11-01 02:00 → 01:00.
    for (const day of ["2026-03-07", "2026-03-08", "2026-10-31", "2026-11-01"]) {
      expect(checkOfferAvailability(settings, local(`${day}T21:59`, CHICAGO), CHICAGO).kind).toBe("available");
      expect(checkOfferAvailability(settings, local(`${day}T22:00`, CHICAGO), CHICAGO).kind).toBe("quiet_hours");
      expect(checkOfferAvailability(settings, local(`${day}T07:00`, CHICAGO), CHICAGO).kind).toBe("available");
      expect(checkOfferAvailability(settings, local(`${day}T06:30`, CHICAGO), CHICAGO).kind).toBe("quiet_hours");
    }
    // The night the clocks go back lasts 10 hours, the spring one 8: the end is still 07:00 local.
    const fallNight = checkOfferAvailability(settings, local("2026-10-31T22:00", CHICAGO), CHICAGO);
    expect(fallNight).toEqual({ kind: "quiet_hours", endsAt: local("2026-11-01T07:00", CHICAGO) });
    if (fallNight.kind === "quiet_hours") expect(fallNight.endsAt - local("2026-10-31T22:00", CHICAGO)).toBe(10 * 3_600_000);
    const springNight = checkOfferAvailability(settings, local("2026-03-07T22:00", CHICAGO), CHICAGO);
    if (springNight.kind === "quiet_hours") expect(springNight.endsAt - local("2026-03-07T22:00", CHICAGO)).toBe(8 * 3_600_000);
  });

  it("ends quiet hours that end inside the skipped spring hour at the first valid instant", () => {
    const settings = { ...NONE, quietHoursStart: "23:00", quietHoursEnd: "02:30" };
    const result = checkOfferAvailability(settings, local("2026-03-08T01:00", CHICAGO), CHICAGO);
    expect(result.kind).toBe("quiet_hours");
    if (result.kind === "quiet_hours") expect(DateTime.fromMillis(result.endsAt, { zone: CHICAGO }).toFormat("HH:mm")).toBe("03:30");
  });

  it("lets a pause win over quiet hours and ignores equal or malformed quiet hours", () => {
    const at = local("2026-12-01T23:00", PHOENIX);
    expect(checkOfferAvailability({ offersPausedAt: at, offersPausedUntil: null, quietHoursStart: "22:00", quietHoursEnd: "07:00" }, at, PHOENIX).kind).toBe("paused");
    expect(checkOfferAvailability({ ...NONE, quietHoursStart: "22:00", quietHoursEnd: "22:00" }, at, PHOENIX).kind).toBe("available");
    expect(checkOfferAvailability({ ...NONE, quietHoursStart: "10pm", quietHoursEnd: "07:00" }, at, PHOENIX).kind).toBe("available");
  });
});

describe("findPauseEnd", () => {
  it("ends PAUSE 3 at the same local clock time three days later, across a DST change", () => {
    const at = local("2026-03-07T18:00", CHICAGO);
    expect(DateTime.fromMillis(findPauseEnd(at, 3, CHICAGO), { zone: CHICAGO }).toISO()).toBe("2026-03-10T18:00:00.000-05:00");
    expect(findPauseEnd(at, 3, CHICAGO) - at).toBe(3 * 86_400_000 - 3_600_000);
  });
});
