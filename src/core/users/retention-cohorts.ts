import type { UserRow } from "./user-rows";

export interface CohortRow {
  /** Signup month, `YYYY-MM`. */
  cohort: string;
  /** Users who signed up that month. */
  size: number;
  /**
   * Per month offset (0 = the signup month): users of the cohort active in that month. Month 0 is
   * the whole cohort by definition (signing up is being active); null for months still to come.
   */
  retained: (number | null)[];
  /** retained / size · 100, null where retained is null or the cohort is empty. */
  rates: (number | null)[];
}

export interface RetentionCohorts {
  /** Month offsets shown: 0 … offsets − 1. */
  offsets: number;
  cohorts: CohortRow[];
  /** The month containing `today`: its column entries are partial (the month is not over). */
  current_month: string;
}

/**
 * Monthly retention cohorts: users grouped by signup month, and for each later month the share
 * still active (any event that calendar month). The triangle ends at `today`'s month, which is
 * partial. Cohorts run from `fromMonth` to today's month, empty ones included.
 *
 * @example
 * retentionCohorts(users, activeDays, "2026-01", "2026-03-15").cohorts[0]
 * // { cohort: "2026-01", size: 10, retained: [10, 6, 4], rates: [100, 60, 40] }
 */
export function retentionCohorts(
  users: readonly UserRow[],
  activeDays: ReadonlyMap<string, readonly string[]>,
  fromMonth: string,
  today: string,
): RetentionCohorts {
  const current = today.slice(0, 7);
  const months = monthRange(fromMonth, current);
  const members = new Map<string, string[]>(months.map((m) => [m, []]));
  for (const u of users) {
    if (!u.signup_date || u.signup_date > today) continue;
    members.get(u.signup_date.slice(0, 7))?.push(u.id);
  }
  const offsets = months.length;
  const cohorts = months.map((cohort, c) => {
    const ids = members.get(cohort) ?? [];
    const activeMonths = ids.map(
      (id) =>
        new Set((activeDays.get(id) ?? []).filter((d) => d <= today).map((d) => d.slice(0, 7))),
    );
    const retained = Array.from({ length: offsets }, (_, k) => {
      if (c + k >= months.length) return null;
      if (k === 0) return ids.length;
      const month = months[c + k] as string;
      return activeMonths.filter((set) => set.has(month)).length;
    });
    return {
      cohort,
      size: ids.length,
      retained,
      rates: retained.map((n) => (n === null || ids.length === 0 ? null : (n / ids.length) * 100)),
    };
  });
  return { offsets, cohorts, current_month: current };
}

/**
 * Calendar months from `from` to `to` (both `YYYY-MM`), included; empty when `to` is earlier.
 *
 * @example monthRange("2025-11", "2026-02") // ["2025-11", "2025-12", "2026-01", "2026-02"]
 */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  if (
    !Number.isInteger(y) ||
    !Number.isInteger(m) ||
    !Number.isInteger(endY) ||
    !Number.isInteger(endM)
  ) {
    throw new RangeError(`monthRange: months must be written YYYY-MM (got "${from}", "${to}")`);
  }
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * The month `n` months after `month` (before, for negative `n`), both `YYYY-MM`.
 *
 * @example addMonths("2026-02", -3) // "2025-11"
 */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
