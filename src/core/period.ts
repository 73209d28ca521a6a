import { DateTime } from "luxon";
import { addDays, daysBetween, isIsoDay } from "./days";
import { PeriodError } from "./period-error";

export { PERIOD_FORMS, PeriodError } from "./period-error";

/** An inclusive span of days in the tenant's timezone. */
export interface Period {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`, included. */
  to: string;
  /** Normalised phrase for display: "last 30 days", "this month", "2026-01-01..2026-01-31". */
  label: string;
  /** Number of days from `from` to `to`, both included. */
  days: number;
}

/** What `findPeriodInTokens` falls back to when the user names no period. */
export const DEFAULT_PERIOD_DAYS = 30;
/** Largest N in `last N<unit>`. */
export const MAX_LAST_N = 730;
/** No period may be longer than this many years (ranges and `last N` alike). */
export const MAX_PERIOD_YEARS = 3;

type Unit = "day" | "week" | "month";
type Span = Omit<Period, "days">;

const UNITS: Readonly<Record<string, Unit>> = {
  d: "day",
  day: "day",
  days: "day",
  w: "week",
  wk: "week",
  wks: "week",
  week: "week",
  weeks: "week",
  m: "month",
  mo: "month",
  mos: "month",
  month: "month",
  months: "month",
};

const KEYWORDS = [
  "today",
  "yesterday",
  "this week",
  "last week",
  "this month",
  "last month",
  "this quarter",
  "last quarter",
  "this year",
  "last year",
] as const;
type Keyword = (typeof KEYWORDS)[number];

const DATE_PIECE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Starts like a date: enough to say the user meant one, so a bad one is an error, not a name. */
const LOOKS_LIKE_DATE = /^\d{4}-\d{1,2}(-\d{0,2})?$/;
/** `..` as documented, plus what phones and smart punctuation turn it into. */
const RANGE_IN_TOKEN = /^(\S*?)(?:\.{2,3}|…|–|—)(\S*)$/;
const RANGE_SEPARATORS = new Set(["..", "...", "…", "–", "—", "-", "to"]);

/**
 * The tenant's current calendar day. Throws a RangeError for an unknown IANA zone: that is a
 * configuration bug, not something the user typed.
 *
 * @example todayIn(new Date("2026-03-01T02:00:00Z"), "America/New_York") // "2026-02-28"
 */
export function todayIn(now: Date, timezone: string): string {
  const dt = DateTime.fromJSDate(now, { zone: timezone });
  const day = dt.isValid ? dt.toISODate() : null;
  if (!day) {
    throw new RangeError(
      `Cannot tell today's date (${dt.invalidReason ?? "invalid"}): check the timezone "${timezone}" is an IANA name such as Europe/Paris`,
    );
  }
  return day;
}

/**
 * The period used when none is named: the 30 days ending today.
 *
 * @example defaultPeriod(new Date("2026-03-15T12:00:00Z"), "UTC")
 * // { from: "2026-02-14", to: "2026-03-15", label: "last 30 days", days: 30 }
 */
export function defaultPeriod(now: Date, timezone: string): Period {
  return withDays(lastN(DEFAULT_PERIOD_DAYS, "day", todayIn(now, timezone), "last 30d"));
}

/**
 * Finds the first period phrase anywhere in a token list and removes it; the default period when
 * there is none. Later period phrases stay in `rest` (a compare command can call again), but any
 * malformed one throws a {@link PeriodError}. Tokens are split on whitespace first.
 *
 * @example
 * findPeriodInTokens(["roi", "last", "2", "weeks", "tiktok"], now, "Europe/Paris")
 * // { period: { label: "last 2 weeks", days: 14, … }, rest: ["roi", "tiktok"], explicit: true }
 */
export function findPeriodInTokens(
  tokens: readonly string[],
  now: Date,
  timezone: string,
): { period: Period; rest: string[]; explicit: boolean } {
  const today = todayIn(now, timezone);
  const raw = tokens.flatMap((t) => t.split(/\s+/)).filter((t) => t !== "");
  const words = raw.map(normalizeWord);
  const rest: string[] = [];
  let found: Span | undefined;

  for (let i = 0; i < raw.length; ) {
    let taken = 0;
    // Longest first, so "last 30 days" wins over "last 30" (which alone lacks a unit).
    for (const len of [3, 2, 1]) {
      if (i + len > raw.length) continue;
      const span = parseWords(words.slice(i, i + len), today, raw.slice(i, i + len).join(" "));
      if (!span) continue;
      taken = len;
      if (found) rest.push(...raw.slice(i, i + len));
      else found = span;
      break;
    }
    if (taken === 0) {
      rest.push(raw[i] as string);
      taken = 1;
    }
    i += taken;
  }

  if (!found) return { period: defaultPeriod(now, timezone), rest, explicit: false };
  return { period: withDays(found), rest, explicit: true };
}

/**
 * Parses text that must be exactly one period phrase (an option value, a CLI flag); empty text
 * gives the default period.
 *
 * @example parsePeriod("last month", new Date("2026-03-15T12:00:00Z"), "UTC")
 * // { from: "2026-02-01", to: "2026-02-28", label: "last month", days: 28 }
 */
export function parsePeriod(text: string, now: Date, timezone: string): Period {
  const { period, rest } = findPeriodInTokens([text], now, timezone);
  if (rest.length > 0) {
    throw new PeriodError(`"${text.trim().slice(0, 80)}" is not a period`, text);
  }
  return period;
}

/**
 * The same number of days just before `p`, for "vs previous period" comparisons.
 *
 * @example previousPeriod({ from: "2026-02-01", to: "2026-02-28", label: "last month", days: 28 })
 * // { from: "2026-01-04", to: "2026-01-31", label: "previous 28 days", days: 28 }
 */
export function previousPeriod(p: Period): Period {
  const to = addDays(p.from, -1);
  const from = addDays(to, 1 - p.days);
  const label = p.days === 1 ? "previous day" : `previous ${p.days} days`;
  return { from, to, label, days: p.days };
}

function withDays(span: Span): Period {
  return { ...span, days: daysBetween(span.from, span.to) + 1 };
}

function normalizeWord(token: string): string {
  let w = token.toLowerCase().replace(/^[,;:!?()"'“”‘’`*_]+|[,;:!?()"'“”‘’`*_]+$/g, "");
  // A sentence's full stop ("… last month.") is not part of the phrase; a range's ".." is.
  if (w.endsWith(".") && !w.endsWith("..")) w = w.slice(0, -1);
  return w;
}

/** A period for exactly these words, null when they are not one, PeriodError when malformed. */
function parseWords(words: string[], today: string, input: string): Span | null {
  const text = words.join(" ");
  if ((KEYWORDS as readonly string[]).includes(text)) return keywordSpan(text as Keyword, today);

  const [first = "", second = "", third = ""] = words;
  const isLast = first === "last" || first === "past";

  if (words.length === 3) {
    if (isLast && /^\d+$/.test(second) && third in UNITS) {
      return lastN(Number(second), UNITS[third] as Unit, today, input);
    }
    if (
      RANGE_SEPARATORS.has(second) &&
      LOOKS_LIKE_DATE.test(first) &&
      LOOKS_LIKE_DATE.test(third)
    ) {
      return rangeSpan(first, third, input);
    }
    return null;
  }

  if (words.length === 2) {
    if (isLast && /^\d/.test(second)) return lastCompact(second, today, input);
    // "2026-01-01.. 2026-01-31" or "2026-01-01 ..2026-01-31"
    if (RANGE_IN_TOKEN.test(first + second) && LOOKS_LIKE_DATE.test(first.replace(/\W+$/, ""))) {
      return singleToken(first + second, input);
    }
    return null;
  }

  return words.length === 1 ? singleToken(first, input) : null;
}

/** `30d`, `2weeks`, `7` after "last". */
function lastCompact(word: string, today: string, input: string): Span {
  const m = /^(\d+)([a-z]*)$/.exec(word);
  if (!m) {
    throw new PeriodError(`"${input}" is not a whole number of days, weeks or months`, input);
  }
  const [, digits = "", unitText = ""] = m;
  if (unitText === "") {
    throw new PeriodError(
      `"${input}" needs a unit: last ${digits}d, ${digits}w or ${digits}m`,
      input,
    );
  }
  const unit = UNITS[unitText];
  if (!unit)
    throw new PeriodError(`unknown unit "${unitText}" in "${input}": use d, w or m`, input);
  return lastN(Number(digits), unit, today, input);
}

function lastN(n: number, unit: Unit, today: string, input: string): Span {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_LAST_N) {
    throw new PeriodError(`"${input}": the number must be between 1 and ${MAX_LAST_N}`, input);
  }
  let from: string;
  if (unit === "day") from = addDays(today, 1 - n);
  else if (unit === "week") from = addDays(today, 1 - 7 * n);
  // Calendar months, so "last 1m" on Mar 15 starts Feb 16 whatever February's length.
  else from = addDays(utcDay(today).minus({ months: n }).toISODate() as string, 1);
  checkLength(from, today, input);
  return { from, to: today, label: `last ${n} ${unit}${n === 1 ? "" : "s"}` };
}

function keywordSpan(keyword: Keyword, today: string): Span {
  const t = utcDay(today);
  const iso = (d: DateTime) => d.toISODate() as string;
  const span = (from: DateTime, to: DateTime): Span => ({
    from: iso(from),
    to: iso(to),
    label: keyword,
  });
  switch (keyword) {
    case "today":
      return span(t, t);
    case "yesterday":
      return span(t.minus({ days: 1 }), t.minus({ days: 1 }));
    case "this week": // luxon weeks are ISO weeks: Monday first
      return span(t.startOf("week"), t);
    case "last week":
      return span(t.startOf("week").minus({ weeks: 1 }), t.startOf("week").minus({ days: 1 }));
    case "this month":
      return span(t.startOf("month"), t);
    case "last month":
      return span(t.startOf("month").minus({ months: 1 }), t.startOf("month").minus({ days: 1 }));
    case "this quarter":
      return span(t.startOf("quarter"), t);
    case "last quarter":
      return span(
        t.startOf("quarter").minus({ quarters: 1 }),
        t.startOf("quarter").minus({ days: 1 }),
      );
    case "this year":
      return span(t.startOf("year"), t);
    case "last year":
      return span(t.startOf("year").minus({ years: 1 }), t.startOf("year").minus({ days: 1 }));
  }
}

/** One token: a keyword, a single day or a `..` range; null when it is none of those. */
function singleToken(word: string, input: string): Span | null {
  const range = RANGE_IN_TOKEN.exec(word);
  if (range) {
    const [, left = "", right = ""] = range;
    if (!LOOKS_LIKE_DATE.test(left) && !LOOKS_LIKE_DATE.test(right)) return null;
    if (!DATE_PIECE.test(left) || !DATE_PIECE.test(right)) {
      throw new PeriodError(`"${input}" is not a range: write YYYY-MM-DD..YYYY-MM-DD`, input);
    }
    return rangeSpan(left, right, input);
  }
  if (DATE_PIECE.test(word)) {
    const day = toDay(word, input);
    return { from: day, to: day, label: day };
  }
  if (LOOKS_LIKE_DATE.test(word)) {
    throw new PeriodError(`"${input}" is not a date: write YYYY-MM-DD`, input);
  }
  return null;
}

function rangeSpan(left: string, right: string, input: string): Span {
  if (!DATE_PIECE.test(left) || !DATE_PIECE.test(right)) {
    throw new PeriodError(`"${input}" is not a range: write YYYY-MM-DD..YYYY-MM-DD`, input);
  }
  const from = toDay(left, input);
  const to = toDay(right, input);
  if (to < from) {
    throw new PeriodError(`"${input}" ends (${to}) before it starts (${from})`, input);
  }
  checkLength(from, to, input);
  return { from, to, label: `${from}..${to}` };
}

/** Validates and zero-pads a `YYYY-M-D` piece. */
function toDay(piece: string, input: string): string {
  const m = DATE_PIECE.exec(piece);
  const day = m ? `${m[1]}-${(m[2] ?? "").padStart(2, "0")}-${(m[3] ?? "").padStart(2, "0")}` : "";
  if (!isIsoDay(day)) {
    const where = piece === input ? "" : ` in "${input}"`;
    throw new PeriodError(`"${piece}"${where} is not a real date`, input);
  }
  return day;
}

function checkLength(from: string, to: string, input: string): void {
  // Calendar years, so a range may span a leap day and still be "3 years".
  const limit = utcDay(from).plus({ years: MAX_PERIOD_YEARS }).toISODate() as string;
  if (to >= limit) {
    throw new PeriodError(
      `"${input}" is longer than ${MAX_PERIOD_YEARS} years: pick a shorter period`,
      input,
    );
  }
}

function utcDay(day: string): DateTime {
  return DateTime.fromISO(day, { zone: "utc" });
}
