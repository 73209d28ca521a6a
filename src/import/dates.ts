import { DateTime } from "luxon";
import { isIsoDay } from "../core/days";

/**
 * Dates as exports write them: `2026-03-01`, `2026/03/01`, `20260301`, `03/01/2026` (or
 * `01/03/2026`, see {@link DayOrder}), `01.03.2026`, `1 Mar 2026`, `1-Mar-26`, `Mar 1, 2026`,
 * `Sunday, March 1, 2026`, with or without a time after them. Month names are English.
 */

/** How `03/01/2026` is read: month first (US exports) or day first (most of the world). */
export type DayOrder = "mdy" | "dmy";

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:$|[T\s,])/;
const DAY_MONTH_NAME =
  /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([a-z]+)\.?,?[\s\-/.]+(\d{4}|\d{2})(?:$|[T\s,])/i;
const MONTH_NAME_DAY =
  /^([a-z]+)\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4})(?:$|[T\s,])/i;
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;

export type DayResult = { day: string; error?: undefined } | { day?: undefined; error: string };

function fromParts(year: number, month: number, day: number): DayResult {
  const y = year < 100 ? 2000 + year : year;
  if (y < 1900 || y > 2200) return { error: `year ${y} is out of range` };
  const iso = `${String(y).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (month < 1 || month > 12 || !isIsoDay(iso)) {
    return { error: "impossible date (no such day)" };
  }
  return { day: iso };
}

/**
 * Reads one date cell as an ISO day.
 *
 * @example parseDay("03/01/2026", "mdy") // { day: "2026-03-01" }
 * @example parseDay("1 Mar 2026", "mdy") // { day: "2026-03-01" }
 * @example parseDay("2026-02-30", "mdy") // { error: "impossible date (no such day)" }
 */
export function parseDay(raw: string, order: DayOrder): DayResult {
  const text = raw.trim().replace(WEEKDAY, "");
  let m = ISO.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [month, day] = order === "mdy" ? [a, b] : [b, a];
    if (month > 12 && day <= 12) {
      return {
        error: `does not fit the ${order === "mdy" ? "month/day/year" : "day/month/year"} order of this file's dates (pass --date-order to change it)`,
      };
    }
    return fromParts(Number(m[3]), month, day);
  }
  m = COMPACT.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_NAME.exec(text);
  if (m) {
    const month = MONTHS[(m[2] as string).toLowerCase()];
    if (month) return fromParts(Number(m[3]), month, Number(m[1]));
  }
  m = MONTH_NAME_DAY.exec(text);
  if (m) {
    const month = MONTHS[(m[1] as string).toLowerCase()];
    if (month) return fromParts(Number(m[3]), month, Number(m[2]));
  }
  return { error: `not a date (write it like 2026-03-01)` };
}

/**
 * Decides how `NN/NN/YYYY` dates are ordered from sample cells: a first part above 12 means day
 * first, a second part above 12 month first. Undefined when the samples do not tell (all
 * parts ≤ 12, or no such dates); both kinds of evidence is "conflict".
 *
 * @example detectDayOrder(["03/01/2026", "03/13/2026"]) // "mdy"
 * @example detectDayOrder(["13.03.2026"]) // "dmy"
 */
export function detectDayOrder(samples: readonly string[]): DayOrder | "conflict" | undefined {
  let dayFirst = false;
  let monthFirst = false;
  for (const raw of samples) {
    const m = NUMERIC.exec(raw.trim().replace(WEEKDAY, ""));
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) dayFirst = true;
    if (b > 12 && a <= 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return "conflict";
  if (dayFirst) return "dmy";
  if (monthFirst) return "mdy";
  return undefined;
}

/**
 * Reads day cells fast: a file with a million rows has a few hundred distinct dates, so each is
 * parsed once.
 */
export class DayReader {
  private readonly cache = new Map<string, DayResult>();

  constructor(readonly order: DayOrder) {}

  read(text: string): DayResult {
    let result = this.cache.get(text);
    if (!result) {
      result = parseDay(text, this.order);
      // A file of all-distinct junk must not grow the cache without bound.
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(text, result);
    }
    return result;
  }
}

export type InstantResult = { at: string; error?: undefined } | { at?: undefined; error: string };

const ISO_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC_TIME =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?\s*(Z|UTC)?$/i;

/**
 * Reads a timestamp as a UTC instant written `YYYY-MM-DDTHH:MM:SS.sssZ`. Timestamps without a
 * zone are local time in `zone` (the tenant's timezone): analytics exports write local times.
 * Unix epochs (10 digits: seconds, 13: milliseconds) are accepted; a bare date is midnight.
 *
 * @example parseInstant("2026-03-01 10:15", "mdy", "Europe/Paris") // { at: "2026-03-01T09:15:00.000Z" }
 * @example parseInstant("2026-03-01T10:15:00Z", "mdy", "UTC") // { at: "2026-03-01T10:15:00.000Z" }
 */
export function parseInstant(raw: string, order: DayOrder, zone: string): InstantResult {
  const text = raw.trim();
  if (/^\d{10}$/.test(text)) return { at: new Date(Number(text) * 1000).toISOString() };
  if (/^\d{13}$/.test(text)) return { at: new Date(Number(text)).toISOString() };
  let parts:
    | {
        y: number;
        mo: number;
        d: number;
        h: number;
        mi: number;
        s: number;
        ms: number;
        offset?: string;
      }
    | undefined;
  const iso = ISO_TIME.exec(text);
  const numeric = iso ? null : NUMERIC_TIME.exec(text);
  if (iso) {
    const m = iso;
    parts = {
      y: Number(m[1]),
      mo: Number(m[2]),
      d: Number(m[3]),
      h: Number(m[4] ?? 0),
      mi: Number(m[5] ?? 0),
      s: Number(m[6] ?? 0),
      ms: m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0,
      offset: m[8],
    };
  } else if (numeric) {
    const m = numeric;
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [mo, d] = order === "mdy" ? [a, b] : [b, a];
    let h = Number(m[4] ?? 0);
    const meridiem = m[7]?.toLowerCase();
    if (meridiem === "pm" && h < 12) h += 12;
    if (meridiem === "am" && h === 12) h = 0;
    const y = Number(m[3]);
    parts = {
      y: y < 100 ? 2000 + y : y,
      mo,
      d,
      h,
      mi: Number(m[5] ?? 0),
      s: Number(m[6] ?? 0),
      ms: 0,
      offset: m[8],
    };
  } else {
    const day = parseDay(text, order);
    if (day.error !== undefined)
      return { error: "not a date and time (write it like 2026-03-01T10:15:00Z)" };
    const [y, mo, d] = (day.day as string).split("-").map(Number) as [number, number, number];
    parts = { y, mo, d, h: 0, mi: 0, s: 0, ms: 0 };
  }
  const dayCheck = fromParts(parts.y, parts.mo, parts.d);
  if (dayCheck.error !== undefined) return { error: dayCheck.error };
  if (parts.h > 23 || parts.mi > 59 || parts.s > 60) return { error: "impossible time" };
  const offset = parts.offset?.toUpperCase();
  if (offset === "Z" || offset === "UTC" || offset === "GMT") {
    return {
      at: new Date(
        Date.UTC(parts.y, parts.mo - 1, parts.d, parts.h, parts.mi, parts.s, parts.ms),
      ).toISOString(),
    };
  }
  if (offset) {
    const sign = offset.startsWith("-") ? -1 : 1;
    const digits = offset.slice(1).replace(":", "");
    const minutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    const utc =
      Date.UTC(parts.y, parts.mo - 1, parts.d, parts.h, parts.mi, parts.s, parts.ms) -
      minutes * 60_000;
    return { at: new Date(utc).toISOString() };
  }
  const local = DateTime.fromObject(
    {
      year: parts.y,
      month: parts.mo,
      day: parts.d,
      hour: parts.h,
      minute: parts.mi,
      second: parts.s,
      millisecond: parts.ms,
    },
    { zone },
  );
  if (!local.isValid) return { error: "impossible time" };
  return { at: local.toUTC().toISO() as string };
}
