import { IANAZone } from "luxon";

/** Where a UTC instant falls on the tenant's wall clock. */
export interface LocalParts {
  /** Local calendar day, `YYYY-MM-DD`. */
  day: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local hour, 0–23. */
  hour: number;
}

const MS_PER_HOUR = 3_600_000;

/** Short English weekday names, index 0 = Monday (ISO 1). */
export const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/**
 * Returns a function mapping stored UTC instants (`toISOString()` text) to local day, weekday and
 * hour in `zone`. The zone is resolved once, so converting thousands of posts or events stays
 * cheap; DST is handled per instant (the offset is looked up at each instant). Throws a
 * RangeError for an unknown zone: a configuration bug, not user input.
 *
 * @example
 * const local = localPartsIn("Europe/Paris");
 * local("2026-07-04T17:30:00.000Z"); // { day: "2026-07-04", weekday: 6, hour: 19 }
 */
export function localPartsIn(zone: string): (instant: string) => LocalParts {
  const tz = IANAZone.create(zone);
  if (!tz.isValid) throw new RangeError(`"${zone}" is not an IANA time zone`);
  return (instant) => {
    const ms = Date.parse(instant);
    if (!Number.isFinite(ms)) throw new RangeError(`"${instant}" is not an ISO instant`);
    const local = new Date(ms + tz.offset(ms) * 60_000);
    const day = local.toISOString().slice(0, 10);
    // getUTCDay: 0 = Sunday; ISO wants 7.
    const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
    return { day, weekday, hour: local.getUTCHours() };
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
