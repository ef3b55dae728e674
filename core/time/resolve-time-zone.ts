import { Info, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from "luxon";

const MS_PER_HOUR = 3_600_000;
/** Hours remembered per zone before the memo starts over (a worker sees a few hundred a day). */
const MAX_REMEMBERED_HOURS = 4_096;

/**
 * An IANA zone whose offsets are remembered per UTC hour. Luxon asks a zone for its offset several
 * times per DateTime it builds, and each answer is an Intl formatToParts call (≈ 5 µs): about 15 of
 * them per customer turn. An hour is remembered only when its first and last millisecond have the
 * same offset (no zone changes offset twice within an hour); an hour with a change in it is asked
 * of the zone every time, so every answer is the zone's own.
 */
class RememberedZone extends Zone {
  private readonly hours = new Map<number, number | null>();

  constructor(private readonly zone: Zone) {
    super();
  }

  override get type(): string {
    return this.zone.type;
  }

  override get name(): string {
    return this.zone.name;
  }

  override get isUniversal(): boolean {
    return this.zone.isUniversal;
  }

  override get isValid(): true {
    return true;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string {
    return this.zone.offsetName(ts, options) ?? "";
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.zone.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    if (!Number.isFinite(ts)) return this.zone.offset(ts);
    const hour = Math.floor(ts / MS_PER_HOUR);
    let known = this.hours.get(hour);
    if (known === undefined) {
      const first = this.zone.offset(hour * MS_PER_HOUR);
      known = first === this.zone.offset((hour + 1) * MS_PER_HOUR - 1) ? first : null;
      if (this.hours.size >= MAX_REMEMBERED_HOURS) this.hours.clear();
      this.hours.set(hour, known);
    }
    return known ?? this.zone.offset(ts);
  }

  override equals(other: Zone): boolean {
    return this.zone.equals(other instanceof RememberedZone ? other.zone : other);
  }
}

/** One per zone name: the memo is of the time-zone database, the same for every caller. */
const zones = new Map<string, Zone>();

/**
 * The zone to hand luxon for `name` (an IANA name such as "America/Phoenix"), with the same answers
 * as the name itself would give, faster. Names luxon reads otherwise ("utc", "UTC+3", invalid ones)
 * get luxon's own zone, so an unknown zone is still an invalid DateTime.
 */
export function resolveTimeZone(name: string): Zone {
  let zone = zones.get(name);
  if (zone === undefined) {
    const own = Info.normalizeZone(name);
    zone = own.type === "iana" && own.isValid ? new RememberedZone(own) : own;
    zones.set(name, zone);
  }
  return zone;
}
