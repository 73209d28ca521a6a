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
  let room = 0;
  const cap = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    cap[i] = caps ? Math.max(0, caps[i] ?? 0) : Number.POSITIVE_INFINITY;
    room += cap[i] as number;
  }
  if (room < total) {
    throw new RangeError(`distributeInteger: caps hold ${room}, fewer than the total ${total}`);
  }

  // Demo data calls this ~20,000 times: plain loops and no per-call sorting keep it cheap.
  const frac = new Array<number>(n).fill(0);
  let remaining = total;
  // Each pass either places everything or fills a part to its cap, so this ends.
  while (remaining > 0) {
    let sum = 0;
    let open = 0;
    for (let i = 0; i < n; i++) {
      if ((out[i] as number) < (cap[i] as number)) {
        open++;
        sum += Math.max(0, weights[i] ?? 0);
      }
    }
    let placed = 0;
    for (let i = 0; i < n; i++) {
      const free = (cap[i] as number) - (out[i] as number);
      if (free <= 0) {
        frac[i] = -2;
        continue;
      }
      const share = sum > 0 ? (remaining * Math.max(0, weights[i] ?? 0)) / sum : remaining / open;
      const whole = Math.min(Math.floor(share), free);
      out[i] = (out[i] as number) + whole;
      placed += whole;
      frac[i] = share - Math.floor(share);
    }
    remaining -= placed;

    // Largest remainders get one more each; strict ">" leaves ties to the earlier index.
    while (remaining > 0) {
      let pick = -1;
      let bestFrac = -1;
      for (let i = 0; i < n; i++) {
        if ((frac[i] as number) > bestFrac && (out[i] as number) < (cap[i] as number)) {
          pick = i;
          bestFrac = frac[i] as number;
        }
      }
      if (pick < 0) break;
      out[pick] = (out[pick] as number) + 1;
      frac[pick] = -2;
      remaining--;
    }
  }
  return out;
}
