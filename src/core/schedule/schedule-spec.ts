import { IANAZone } from "luxon";

/** How often a subscription fires. `hourly` is for jobs (alerts), not offered to users. */
export const SUBSCRIPTION_CADENCES = ["daily", "weekly", "monthly"] as const;
export type SubscriptionCadence = (typeof SUBSCRIPTION_CADENCES)[number];
export type Cadence = SubscriptionCadence | "hourly";

/**
 * When something fires, as a person says it: "daily at 09:00 Europe/Paris", "Mondays at 08:30
 * America/New_York", "on the 1st at 07:00 UTC". Times are local wall-clock times in `timezone`;
 * slots.ts turns them into instants, DST included.
 */
export interface ScheduleSpec {
  cadence: Cadence;
  /** Local time `HH:MM` (24 h). For `hourly` only the minutes count. */
  time: string;
  /** IANA zone, e.g. `Europe/Paris`. */
  timezone: string;
  /**
   * `weekly`: ISO weekday, 1 = Monday (default) … 7 = Sunday. `monthly`: day of the month, 1
   * (default) … 31; months without that day fire on their last day.
   */
  day?: number;
}

/**
 * Weekday words as a schedule is written, lower case, index 0 = Monday (ISO 1). Display labels
 * ("Mon") are `WEEKDAY_LABELS` in local-parts.ts.
 */
export const WEEKDAY_NAMES = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;

/** The weekday words a user may type: full names and three-letter abbreviations. */
export const WEEKDAY_WORDS = [...WEEKDAY_NAMES, ...WEEKDAY_NAMES.map((d) => d.slice(0, 3))];

/**
 * The ISO weekday (1 = Monday … 7 = Sunday) of a weekday word, full or abbreviated; 0 for a word
 * that is no weekday (options offering {@link WEEKDAY_WORDS} as choices never pass one).
 *
 * @example isoWeekdayOf("fri") // 5
 */
export function isoWeekdayOf(word: string): number {
  return WEEKDAY_NAMES.findIndex((d) => d.startsWith(word.slice(0, 3))) + 1;
}

/**
 * Reads a time of day as people type it: `09:00`, `9:00`, `9`, `9am`, `9:30pm`, `21h30`.
 * Returns `HH:MM`, or undefined when the text is not a time.
 *
 * @example parseTimeOfDay("9:30pm") // "21:30"
 * @example parseTimeOfDay("24:00") // undefined
 */
export function parseTimeOfDay(text: string): string | undefined {
  const m = /^(\d{1,2})(?:[:h.](\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[3]?.toLowerCase();
  // A bare number is a time only with am/pm or as a plain hour ("9"); "930" is not.
  if (m[2] === undefined && !meridiem && (m[1] ?? "").length > 2) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** Hours and minutes of a valid `HH:MM`; throws a RangeError otherwise (a bug, not user input). */
export function timeParts(time: string): { hour: number; minute: number } {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) throw new RangeError(`"${time}" is not a time written HH:MM`);
  return { hour, minute };
}

/**
 * True for an IANA zone name luxon (and Intl) know, e.g. `Europe/Paris`, `UTC`.
 *
 * @example isTimeZone("America/New_York") // true
 * @example isTimeZone("Europe/Pariss") // false
 */
export function isTimeZone(zone: string): boolean {
  return zone.length > 0 && IANAZone.isValidZone(zone);
}

/**
 * The zone's canonical spelling (`europe/paris` → `Europe/Paris`), or undefined when unknown.
 *
 * @example canonicalTimeZone("america/new_york") // "America/New_York"
 */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!isTimeZone(zone)) return undefined;
  const lower = zone.toLowerCase();
  if (lower === "utc" || lower === "etc/utc" || lower === "z") return "UTC";
  const known = Intl.supportedValuesOf("timeZone").find((z) => z.toLowerCase() === lower);
  return known ?? zone;
}

/**
 * The schedule in words, for lists and message footers.
 *
 * @example describeSchedule({ cadence: "weekly", time: "09:00", timezone: "Europe/Paris" })
 * // "Mondays at 09:00 Europe/Paris"
 */
export function describeSchedule(spec: ScheduleSpec): string {
  const at = `at ${spec.time} ${spec.timezone}`;
  switch (spec.cadence) {
    case "hourly":
      return `hourly at :${spec.time.slice(3)} ${spec.timezone}`;
    case "daily":
      return `daily ${at}`;
    case "weekly": {
      const name = WEEKDAY_NAMES[(spec.day ?? 1) - 1] ?? "monday";
      return `${name.charAt(0).toUpperCase()}${name.slice(1)}s ${at}`;
    }
    case "monthly":
      return `monthly on the ${ordinal(spec.day ?? 1)} ${at}`;
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}
