/**
 * Calendar arithmetic on ISO day strings (`YYYY-MM-DD`).
 *
 * Store rows already carry days in the tenant's timezone, so once "today" is known every further
 * step is pure calendar math. Doing it on UTC midnights means DST never adds or drops a day.
 */

/** Milliseconds in a calendar day of UTC (which has no DST). */
export const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `text` is a real calendar day written `YYYY-MM-DD`.
 *
 * @example isIsoDay("2024-02-29") // true
 * @example isIsoDay("2026-02-30") // false
 */
export function isIsoDay(text: string): boolean {
  const m = DAY_PATTERN.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls Feb 30 over to Mar 2 and maps years 0–99 to 1900+: a round trip catches both.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Days since 1970-01-01 for an ISO day; throws a RangeError for anything else.
 *
 * @example dayToEpoch("1970-01-02") // 1
 */
export function dayToEpoch(day: string): number {
  if (!isIsoDay(day)) throw new RangeError(`"${day}" is not a calendar day written YYYY-MM-DD`);
  return Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
}

/**
 * The ISO day `epoch` days after 1970-01-01.
 *
 * @example epochToDay(1) // "1970-01-02"
 */
export function epochToDay(epoch: number): string {
  return utcDayOf(epoch * MS_PER_DAY);
}

/**
 * The UTC calendar day of an instant in epoch milliseconds. Shift the instant by a zone's offset
 * first to get that zone's local day.
 *
 * @example utcDayOf(Date.parse("2026-03-01T23:30:00Z")) // "2026-03-01"
 */
export function utcDayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Moves a day by `n` calendar days (negative goes back).
 *
 * @example addDays("2026-02-27", 2) // "2026-03-01"
 */
export function addDays(day: string, n: number): string {
  return epochToDay(dayToEpoch(day) + n);
}

/**
 * `to − from` in days: 0 for the same day, negative when `to` is earlier.
 *
 * @example daysBetween("2026-01-01", "2026-01-31") // 30
 */
export function daysBetween(from: string, to: string): number {
  return dayToEpoch(to) - dayToEpoch(from);
}

/**
 * ISO weekday: 1 = Monday … 7 = Sunday.
 *
 * @example isoWeekday("2026-03-01") // 7 (a Sunday)
 */
export function isoWeekday(day: string): number {
  return isoWeekdayOfEpoch(dayToEpoch(day));
}

/**
 * ISO weekday of the day `epoch` days after 1970-01-01, for loops that already count in epoch
 * days (no day text to parse).
 *
 * @example isoWeekdayOfEpoch(0) // 4 (1970-01-01 was a Thursday)
 */
export function isoWeekdayOfEpoch(epoch: number): number {
  // The double modulo keeps days before 1970 (negative epochs) in 1–7.
  return ((((epoch + 3) % 7) + 7) % 7) + 1;
}

/**
 * The Monday that starts the ISO week containing `day`.
 *
 * @example startOfIsoWeek("2026-03-01") // "2026-02-23"
 */
export function startOfIsoWeek(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/**
 * Every day from `from` to `to`, both included; empty when `to` is before `from`.
 *
 * @example eachDay("2026-02-27", "2026-03-01") // ["2026-02-27", "2026-02-28", "2026-03-01"]
 */
export function eachDay(from: string, to: string): string[] {
  const start = dayToEpoch(from);
  const end = dayToEpoch(to);
  const out: string[] = [];
  for (let e = start; e <= end; e++) out.push(epochToDay(e));
  return out;
}
