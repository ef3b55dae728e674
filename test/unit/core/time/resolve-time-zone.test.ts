import fc from "fast-check";
import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { resolveTimeZone } from "../../../../core/time/index.ts";

/** Zones with DST on the hour, none, half-hour offsets and changes, and one south of the equator. */
const ZONES = ["America/Phoenix", "America/Chicago", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Europe/London", "America/St_Johns", "Pacific/Chatham"];
const YEARS_MS = { min: Date.UTC(1890, 0, 1), max: Date.UTC(2060, 0, 1) };

describe("resolveTimeZone", () => {
  it("gives the zone's own offset at any instant, also at and around its changes", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer(YEARS_MS), (name, ts) => {
        const own = IANAZone.create(name);
        expect(resolveTimeZone(name).offset(ts)).toBe(own.offset(ts));
      }),
      { numRuns: 1_000 },
    );
    for (const name of ZONES) {
      const own = IANAZone.create(name);
      const zone = resolveTimeZone(name);
      // Every hour of a year, and every minute of an hour with a change in it.
      for (let hour = Date.UTC(2026, 0, 1); hour < Date.UTC(2027, 0, 1); hour += 3_600_000) {
        const changes = own.offset(hour) !== own.offset(hour + 3_599_999);
        for (let ts = hour; ts < hour + 3_600_000; ts += changes ? 60_000 : 1_799_999) {
          if (zone.offset(ts) !== own.offset(ts)) expect({ name, ts, offset: zone.offset(ts) }).toEqual({ name, ts, offset: own.offset(ts) });
        }
      }
    }
  });

  it("builds the same DateTime as the zone's name, local times in gaps and overlaps included", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2035, 0, 1)), noInvalidDate: true }),
        (name, date) => {
          const local = date.toISOString().slice(0, 16);
          const byName = DateTime.fromISO(local, { zone: name });
          const byZone = DateTime.fromISO(local, { zone: resolveTimeZone(name) });
          expect(byZone.toISO()).toBe(byName.toISO());
          expect(byZone.plus({ days: 1 }).toISO()).toBe(byName.plus({ days: 1 }).toISO());
          expect(byZone.setLocale("es-US").toFormat("ccc d 'de' LLL h:mm a ZZZZ")).toBe(byName.setLocale("es-US").toFormat("ccc d 'de' LLL h:mm a ZZZZ"));
          expect(DateTime.fromJSDate(date, { zone: resolveTimeZone(name) }).toISO()).toBe(DateTime.fromJSDate(date, { zone: name }).toISO());
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("hands over names luxon reads otherwise, so an unknown zone stays invalid", () => {
    expect(resolveTimeZone("utc").isUniversal).toBe(true);
    expect(resolveTimeZone("Mars/Olympus_Mons").isValid).toBe(false);
    expect(DateTime.fromISO("2026-05-01T10:00", { zone: resolveTimeZone("Mars/Olympus_Mons") }).isValid).toBe(false);
    expect(resolveTimeZone("America/Phoenix")).toBe(resolveTimeZone("America/Phoenix"));
  });
});
