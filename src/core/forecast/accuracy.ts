/**
 * Mean absolute percentage error, percent: mean of |actual − forecast| / |actual| · 100 over the
 * points where the actual is not 0 (a percentage of nothing is undefined). Null when no point
 * qualifies.
 *
 * @example mape([100, 200, 0], [110, 180, 5]) // 10  (10 % and 10 %; the 0 is skipped)
 */
export function mape(actual: readonly number[], forecast: readonly number[]): number | null {
  let sum = 0;
  let n = 0;
  actual.forEach((a, i) => {
    const f = forecast[i];
    if (a === 0 || f === undefined || !Number.isFinite(a) || !Number.isFinite(f)) return;
    sum += Math.abs(a - f) / Math.abs(a);
    n++;
  });
  return n > 0 ? (sum / n) * 100 : null;
}

/**
 * The seasonal naive forecast: each future step repeats the value one season earlier (the same
 * weekday last week, for daily data and a weekly season). The baseline a model has to beat.
 *
 * @example seasonalNaive([1, 2, 3, 4, 5, 6, 7], 7, 3) // [1, 2, 3]
 */
export function seasonalNaive(
  history: readonly number[],
  seasonLength: number,
  horizon: number,
): number[] {
  const lastSeason = history.slice(-seasonLength);
  return Array.from({ length: horizon }, (_, h) => lastSeason[h % lastSeason.length] as number);
}

/**
 * Share of actuals inside their interval, percent; null without points.
 *
 * @example coverage([5, 9], [4, 4], [6, 6]) // 50
 */
export function coverage(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number | null {
  if (actual.length === 0) return null;
  const inside = actual.filter(
    (a, i) => a >= (lower[i] ?? Number.NaN) && a <= (upper[i] ?? Number.NaN),
  ).length;
  return (inside / actual.length) * 100;
}
