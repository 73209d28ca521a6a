import { addDays } from "../days";
import { percent } from "../kpis";
import type { UserRow } from "./user-rows";

export interface ReturnWindow {
  days: number;
  /** Signed-up users whose window has fully passed by `today`. */
  eligible: number;
  /** Of those, users active on a later day within `days` days of signing up. */
  returned: number;
  /** returned / eligible · 100; null when nobody is eligible yet. */
  share: number | null;
}

export interface ReturnShare {
  /** Users who signed up within the range. */
  signed_up: number;
  /** Of them, users active on any day after their signup day, up to `today`. */
  returned: number;
  share: number | null;
  windows: ReturnWindow[];
}

/**
 * The share of users who come back after signing up: active on a later day than their signup
 * day. Users who signed up in `range` are counted; per window (7 and 30 days by default) only those
 * whose whole window lies before `today` are, so recent sign-ups do not drag the share down just
 * for not having had the time.
 *
 * @example
 * returnShare(users, activeDays, { from: "2026-03-01", to: "2026-03-31" }, "2026-04-30")
 * // { signed_up: 40, returned: 26, share: 65, windows: [{ days: 7, eligible: 40, returned: 18, share: 45 }, …] }
 */
export function returnShare(
  users: readonly UserRow[],
  activeDays: ReadonlyMap<string, readonly string[]>,
  range: { from: string; to: string },
  today: string,
  windows: readonly number[] = [7, 30],
): ReturnShare {
  const cohort = users.filter(
    (u): u is UserRow & { signup_date: string } =>
      u.signup_date !== null &&
      u.signup_date >= range.from &&
      u.signup_date <= range.to &&
      u.signup_date <= today,
  );
  const firstReturn = (u: { id: string; signup_date: string }) =>
    (activeDays.get(u.id) ?? []).find((d) => d > u.signup_date && d <= today);
  let returned = 0;
  const counts = windows.map((days) => ({ days, eligible: 0, returned: 0 }));
  for (const u of cohort) {
    const back = firstReturn(u);
    if (back) returned++;
    for (const w of counts) {
      const end = addDays(u.signup_date, w.days);
      if (end > today) continue;
      w.eligible++;
      if (back && back <= end) w.returned++;
    }
  }
  return {
    signed_up: cohort.length,
    returned,
    share: percent(returned, cohort.length),
    windows: counts.map((w) => ({ ...w, share: percent(w.returned, w.eligible) })),
  };
}
