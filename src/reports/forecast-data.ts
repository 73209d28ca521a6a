import type { Context } from "../bot/context";
import { addDays, eachDay } from "../core/days";
import { emptyTotals } from "../core/kpis";
import { type CampaignScope, scopeCampaignIds } from "./campaign-scope";
import { metricValue } from "./metric";

export interface DailySeries {
  days: string[];
  /** The metric per day; null where a ratio has no denominator that day. */
  values: (number | null)[];
}

/**
 * One metric per day over `from`..`to` for the campaigns in scope. Days without rows count as zero
 * delivery (totals 0, ratios null), so the series has no gaps in time.
 */
export async function loadDailySeries(
  ctx: Context,
  scope: CampaignScope,
  metric: string,
  from: string,
  to: string,
): Promise<DailySeries> {
  const rows = await ctx.store.metrics.totalsByDay(
    ctx.tenant.id,
    { from, to },
    { campaignIds: scopeCampaignIds(scope) },
  );
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const days = eachDay(from, to);
  return { days, values: days.map((d) => metricValue(metric, byDay.get(d) ?? emptyTotals())) };
}

/**
 * Drops leading days before the first delivery (a campaign that started in June has no history
 * in May; zeros there would teach the model a fake launch).
 *
 * @example trimLeading({ days: ["a", "b", "c"], values: [0, null, 5] }) // { days: ["c"], values: [5] }
 */
export function trimLeading(series: DailySeries): DailySeries {
  const start = series.values.findIndex((v) => v !== null && v !== 0);
  if (start <= 0) return start < 0 ? { days: [], values: [] } : series;
  return { days: series.days.slice(start), values: series.values.slice(start) };
}

/**
 * Fills null values by linear interpolation between their neighbours (the nearest value at the
 * ends), for ratios that are undefined on a day without delivery.
 *
 * @example fillGaps([1, null, 3, null]) // [1, 2, 3, 3]
 */
export function fillGaps(values: readonly (number | null)[]): number[] {
  const known = values.flatMap((v, i) => (v === null ? [] : [i]));
  if (known.length === 0) return values.map(() => 0);
  return values.map((v, i) => {
    if (v !== null) return v;
    const before = [...known].reverse().find((k) => k < i);
    const after = known.find((k) => k > i);
    if (before === undefined) return values[after as number] as number;
    if (after === undefined) return values[before] as number;
    const a = values[before] as number;
    const b = values[after] as number;
    return a + ((b - a) * (i - before)) / (after - before);
  });
}

/** `n` days starting the day after `day`. */
export function daysAfter(day: string, n: number): string[] {
  return eachDay(addDays(day, 1), addDays(day, n));
}
