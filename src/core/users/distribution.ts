export interface Share {
  key: string;
  count: number;
  /** count / total · 100; null when there is nothing to share. */
  share: number | null;
}

/**
 * Counts items per key with each key's share of the total. Keys listed in `order` come first in
 * that order (zero counts included, so a chart always shows every gender or age group); other keys
 * follow, largest first.
 *
 * @example
 * shareBy(users, (u) => u.gender, ["female", "male", "other", "unknown"])
 * // [{ key: "female", count: 6, share: 60 }, { key: "male", count: 4, share: 40 }, { key: "other", count: 0, share: 0 }, …]
 */
export function shareBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  order: readonly string[] = [],
): Share[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = items.length;
  const listed = new Set(order);
  const rest = [...counts]
    .filter(([k]) => !listed.has(k))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return [...order.map((k) => [k, counts.get(k) ?? 0] as const), ...rest].map(([key, count]) => ({
    key,
    count,
    share: total > 0 ? (count / total) * 100 : null,
  }));
}
