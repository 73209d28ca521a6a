import { IANAZone } from "luxon";
import { MS_PER_DAY as DAY, dayToEpoch, epochToDay } from "../days";

const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;

// luxon reads an offset through Intl.DateTimeFormat#formatToParts (≈ 30 µs each here), and a
// scheduler tick asks for thousands. Offsets only change at quarter-hour boundaries in today's tz
// database (transitions fall on :00, :30 or :45), so one answer per zone and quarter hour is
// exact. A pure memo; it is cleared when large so a long-running process stays bounded.
const offsetMemo = new Map<string, number>();
const zoneMemo = new Map<string, IANAZone>();
const MEMO_LIMIT = 200_000;

function zoneOf(zone: string): IANAZone {
  let tz = zoneMemo.get(zone);
  if (!tz) {
    tz = IANAZone.create(zone);
    if (!tz.isValid) throw new RangeError(`"${zone}" is not an IANA time zone`);
    zoneMemo.set(zone, tz);
  }
  return tz;
}

/**
 * Throws a RangeError unless `zone` is an IANA zone luxon knows, so a bad configured zone fails
 * where it is read, not at the first conversion.
 *
 * @example assertTimeZone("Mars/Base") // RangeError: "Mars/Base" is not an IANA time zone
 */
export function assertTimeZone(zone: string): void {
  zoneOf(zone);
}

/**
 * The zone's UTC offset in minutes at an instant (Paris in winter: 60).
 *
 * @example zoneOffsetMinutes("America/New_York", Date.parse("2026-07-01T12:00:00Z")) // -240
 */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const key = `${zone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsetMemo.get(key);
  if (offset === undefined) {
    offset = zoneOf(zone).offset(Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR);
    if (offsetMemo.size >= MEMO_LIMIT) offsetMemo.clear();
    offsetMemo.set(key, offset);
  }
  return offset;
}

/**
 * The calendar day of an instant in a zone.
 *
 * @example localDayOf(new Date("2026-03-01T02:00:00Z"), "America/New_York") // "2026-02-28"
 */
export function localDayOf(at: Date, zone: string): string {
  const ms = at.getTime();
  return epochToDay(Math.floor((ms + zoneOffsetMinutes(zone, ms) * MINUTE) / DAY));
}

/** How a local wall-clock time mapped onto the timeline. */
export type LocalTimeFit =
  /** The time happens exactly once that day. */
  | "exact"
  /** It happens twice (clocks fall back): the first occurrence was taken. */
  | "first-of-two"
  /** It never happens (clocks spring forward): the first valid instant after was taken. */
  | "after-gap";

export interface LocalInstant {
  instant: Date;
  fit: LocalTimeFit;
}

/**
 * The instant at which a local wall-clock time happens in `zone` on `day`. DST is decided here,
 * once, instead of by whoever fires the job:
 * - on a fall-back day a time in the repeated hour happens twice: the **first** occurrence wins,
 *   so 01:30 America/New_York on 2026-11-01 is 05:30Z (EDT), not 06:30Z;
 * - on a spring-forward day a time in the skipped hour never happens: the **first valid instant
 *   after it** wins, so 02:30 America/New_York on 2026-03-08 is 03:00 EDT = 07:00Z.
 * (luxon alone picks the later occurrence and shifts gap times by the offset change, 03:30.)
 *
 * @example localTimeToInstant("2026-03-29", 2, 30, "Europe/Paris")
 * // { instant: 2026-03-29T01:00:00.000Z, fit: "after-gap" }
 */
export function localTimeToInstant(
  day: string,
  hour: number,
  minute: number,
  zone: string,
): LocalInstant {
  assertTimeZone(zone);
  // The wall time read as if it were UTC; the real instant is this minus the zone's offset.
  const wall = dayToEpoch(day) * DAY + (hour * 60 + minute) * MINUTE;
  const exact = instantsFor(zone, wall);
  if (exact.length > 0) {
    return {
      instant: new Date(exact[0] as number),
      fit: exact.length > 1 ? "first-of-two" : "exact",
    };
  }
  // In a gap: walk the wall clock forward to the first minute that exists (gaps are ≤ 2 h).
  for (let step = 1; step <= 24 * 60; step += 1) {
    const later = instantsFor(zone, wall + step * MINUTE);
    if (later.length > 0) return { instant: new Date(later[0] as number), fit: "after-gap" };
  }
  throw new RangeError(`no valid local time after ${day} ${hour}:${minute} in ${zone}`);
}

/** Every instant (ascending) whose local time in `zone` is the wall time `wall`. */
function instantsFor(zone: string, wall: number): number[] {
  // The offsets in force a day either side cover both sides of any transition near this time.
  const offsets = new Set([
    zoneOffsetMinutes(zone, wall - DAY),
    zoneOffsetMinutes(zone, wall),
    zoneOffsetMinutes(zone, wall + DAY),
  ]);
  const found: number[] = [];
  for (const offset of offsets) {
    const instant = wall - offset * MINUTE;
    if (zoneOffsetMinutes(zone, instant) === offset && !found.includes(instant))
      found.push(instant);
  }
  return found.sort((a, b) => a - b);
}
