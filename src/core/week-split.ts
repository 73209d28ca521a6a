import { addDays, isoWeekday, startOfIsoWeek } from "./days";

/**
 * A day range cut into whole ISO weeks (Monday–Sunday) and the loose days at either end, so a
 * period sum can read one pre-summed row per campaign-week and only the edge days one by one.
 */
export interface WeekSplit {
  /** Mondays of the whole weeks inside the range, first and last (inclusive); absent if none. */
  weeks?: { first: string; last: string };
  /** Day ranges (inclusive) not covered by whole weeks: at most one before and one after. */
  loose: { from: string; to: string }[];
}

/**
 * @example splitIntoWeeks("2026-11-05", "2026-11-22")
 * // { weeks: { first: "2026-11-09", last: "2026-11-16" }, loose: [{ from: "2026-11-05", to: "2026-11-08" }] }
 */
export function splitIntoWeeks(from: string, to: string): WeekSplit {
  if (to < from) return { loose: [] };
  const firstMonday = isoWeekday(from) === 1 ? from : addDays(startOfIsoWeek(from), 7);
  const lastMonday = isoWeekday(to) === 7 ? startOfIsoWeek(to) : addDays(startOfIsoWeek(to), -7);
  if (firstMonday > lastMonday) return { loose: [{ from, to }] };
  const loose: { from: string; to: string }[] = [];
  if (from < firstMonday) loose.push({ from, to: addDays(firstMonday, -1) });
  const lastSunday = addDays(lastMonday, 6);
  if (lastSunday < to) loose.push({ from: addDays(lastSunday, 1), to });
  return { weeks: { first: firstMonday, last: lastMonday }, loose };
}
