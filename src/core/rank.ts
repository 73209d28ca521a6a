export type SortOrder = "desc" | "asc";

/**
 * Sorts items by a numeric value. Items without a value (null, undefined, NaN: a KPI with a zero
 * denominator) go last whatever the order, since "no data" is neither best nor worst. Stable:
 * equal values keep their input order.
 *
 * @example
 * rankBy(campaigns, (c) => kpis[c.id].roi, "desc") // best ROI first, campaigns without spend last
 */
export function rankBy<T>(
  items: Iterable<T>,
  value: (item: T) => number | null | undefined,
  order: SortOrder = "desc",
): T[] {
  const sign = order === "desc" ? -1 : 1;
  return [...items]
    .map((item, index) => ({ item, index, v: value(item) }))
    .sort((a, b) => {
      const aMissing = !isPresent(a.v);
      const bMissing = !isPresent(b.v);
      if (aMissing || bMissing)
        return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
      return sign * ((a.v as number) - (b.v as number)) || a.index - b.index;
    })
    .map((r) => r.item);
}

export interface WinnersAndLosers<T> {
  /** Best first. */
  winners: T[];
  /** Worst first. */
  losers: T[];
}

/**
 * The best and the worst items by a value, for "top/bottom campaigns" answers. Items without a
 * value are in neither list, and no item is in both: with few items, winners take the better
 * half (rounded up) and losers the rest, each list capped at `count`.
 *
 * @example
 * winnersAndLosers(campaigns, (c) => kpis[c.id].cpa, { count: 3, higherIsBetter: false })
 * // { winners: [cheapest CPA, …], losers: [dearest CPA, …] }
 */
export function winnersAndLosers<T>(
  items: Iterable<T>,
  value: (item: T) => number | null | undefined,
  options: { count?: number; higherIsBetter?: boolean } = {},
): WinnersAndLosers<T> {
  const count = Math.max(0, Math.floor(options.count ?? 3));
  const higherIsBetter = options.higherIsBetter ?? true;
  const ranked = rankBy(items, value, higherIsBetter ? "desc" : "asc").filter((i) =>
    isPresent(value(i)),
  );
  const winnerCount = Math.min(count, Math.ceil(ranked.length / 2));
  const loserCount = Math.min(count, ranked.length - winnerCount);
  return {
    winners: ranked.slice(0, winnerCount),
    losers: ranked.slice(ranked.length - loserCount).reverse(),
  };
}

function isPresent(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && !Number.isNaN(v);
}
