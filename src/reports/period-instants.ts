import { DateTime } from "luxon";
import { addDays } from "../core/days";
import type { Period } from "../core/period";
import type { InstantRange } from "../store/journeys-repository";

/**
 * The UTC instants a period covers in the tenant's timezone: from the start of its first day to
 * the start of the day after its last (excluded), as `toISOString()` text, which is how
 * touchpoints and posts store time and so compares correctly as text.
 *
 * @example
 * periodInstants({ from: "2026-03-01", to: "2026-03-01", label: "", days: 1 }, "Europe/Paris")
 * // { from: "2026-02-28T23:00:00.000Z", to: "2026-03-01T23:00:00.000Z" }
 */
export function periodInstants(
  period: Pick<Period, "from" | "to">,
  timezone: string,
): InstantRange {
  const start = (day: string) =>
    DateTime.fromISO(day, { zone: timezone }).startOf("day").toUTC().toJSDate().toISOString();
  return { from: start(period.from), to: start(addDays(period.to, 1)) };
}
