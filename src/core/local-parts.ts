import { isoWeekdayOfEpoch, MS_PER_DAY, utcDayOf } from "./days";
import { assertTimeZone, zoneOffsetMinutes } from "./schedule/local-time";

/** Where a UTC instant falls on the tenant's wall clock. */
export interface LocalParts {
  /** Local calendar day, `YYYY-MM-DD`. */
  day: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local hour, 0–23. */
  hour: number;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/**
 * Short English weekday labels for display, index 0 = Monday (ISO 1). Not the words a user types
 * for a schedule: those are `WEEKDAY_NAMES` in schedule/schedule-spec.ts.
 */
export const WEEKDAY_LABELS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/**
 * Returns a function mapping stored UTC instants (`toISOString()` text) to local day, weekday and
 * hour in `zone`. This runs for every user event and post, so offsets come from the scheduler's
 * memo ({@link zoneOffsetMinutes}, one luxon lookup per zone and quarter hour) and the weekday is
 * counted from the epoch day rather than parsed back from the day text. DST is handled per
 * instant. Throws a RangeError for an unknown zone (a configuration bug, not user input) when
 * called, before any instant is converted.
 *
 * @example
 * const local = localPartsIn("Europe/Paris");
 * local("2026-07-04T17:30:00.000Z"); // { day: "2026-07-04", weekday: 6, hour: 19 }
 */
export function localPartsIn(zone: string): (instant: string) => LocalParts {
  assertTimeZone(zone);
  return (instant) => {
    const ms = Date.parse(instant);
    if (!Number.isFinite(ms)) throw new RangeError(`"${instant}" is not an ISO instant`);
    // The wall-clock time read as if it were UTC: its UTC day and hour are the local ones.
    const wall = ms + zoneOffsetMinutes(zone, ms) * MS_PER_MINUTE;
    const epochDay = Math.floor(wall / MS_PER_DAY);
    return {
      day: utcDayOf(wall),
      weekday: isoWeekdayOfEpoch(epochDay),
      hour: Math.floor((wall - epochDay * MS_PER_DAY) / MS_PER_HOUR),
    };
  };
}

/**
 * Hours between two instants (`to − from`), as a fraction.
 *
 * @example hoursBetween("2026-01-01T00:00:00.000Z", "2026-01-01T06:30:00.000Z") // 6.5
 */
export function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / MS_PER_HOUR;
}
