/**
 * Splits a whole number into whole parts proportional to weights, with the largest-remainder
 * (Hamilton) method: the parts always sum to `total` exactly, which rounding each share would
 * not. Optional caps bound each part (a segment cannot have more clicks than impressions); what a
 * capped part cannot take goes to the others by weight.
 *
 * All-zero weights split evenly. Ties go to the earlier index, so results are deterministic.
 *
 * @example distributeInteger(10, [1, 1, 1]) // [4, 3, 3]
 * @example distributeInteger(5, [3, 1], [2, 10]) // [2, 3]
 */
export function distributeInteger(
  total: number,
  weights: readonly number[],
  caps?: readonly number[],
): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`distributeInteger: total must be a whole number ≥ 0, got ${total}`);
  }
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (total === 0) return out;
  if (n === 0) throw new RangeError("distributeInteger: nothing to distribute into");
  const cap = (i: number) => caps?.[i] ?? Number.POSITIVE_INFINITY;
  const room = caps ? caps.reduce((s, c) => s + Math.max(0, c), 0) : Number.POSITIVE_INFINITY;
  if (room < total) {
    throw new RangeError(`distributeInteger: caps hold ${room}, fewer than the total ${total}`);
  }

  let remaining = total;
  // Each pass fills at least one part up to its cap or places everything, so this ends.
  while (remaining > 0) {
    const open: number[] = [];
    for (let i = 0; i < n; i++) if ((out[i] as number) < cap(i)) open.push(i);
    const raw = open.map((i) => Math.max(0, weights[i] ?? 0));
    const sum = raw.reduce((s, w) => s + w, 0);
    const shares = raw.map((w) => (sum > 0 ? (remaining * w) / sum : remaining / open.length));

    const order: { i: number; frac: number }[] = [];
    let placed = 0;
    open.forEach((i, k) => {
      const share = shares[k] as number;
      const whole = Math.min(Math.floor(share), cap(i) - (out[i] as number));
      out[i] = (out[i] as number) + whole;
      placed += whole;
      order.push({ i, frac: share - Math.floor(share) });
    });
    remaining -= placed;

    order.sort((a, b) => b.frac - a.frac || a.i - b.i);
    for (const { i } of order) {
      if (remaining === 0) break;
      if ((out[i] as number) < cap(i)) {
        out[i] = (out[i] as number) + 1;
        remaining--;
      }
    }
  }
  return out;
}
