const LEVELS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] as const;

/**
 * A one-line chart of a series: one block per value, from ▁ (the minimum) to █ (the maximum).
 * Nulls become spaces, so gaps in the data stay visible. Longer series are averaged into at most
 * `maxCells` buckets; a flat series is drawn mid-height.
 *
 * @example
 * sparkline([1, 2, 3, 4, 5, 6, 7, 8]); // "▁▂▃▄▅▆▇█"
 * sparkline([3, null, 5]);             // "▁ █"
 */
export function sparkline(values: readonly (number | null)[], maxCells = values.length): string {
  const buckets = bucket(values, Math.max(1, maxCells));
  const present = buckets.filter((v): v is number => v !== null);
  if (present.length === 0) return " ".repeat(buckets.length);
  const min = Math.min(...present);
  const max = Math.max(...present);
  return buckets
    .map((v) => {
      if (v === null) return " ";
      if (max === min) return LEVELS[3];
      return LEVELS[Math.round(((v - min) / (max - min)) * (LEVELS.length - 1))];
    })
    .join("");
}

function bucket(values: readonly (number | null)[], cells: number): (number | null)[] {
  const clean = values.map((v) => (v !== null && Number.isFinite(v) ? v : null));
  if (clean.length <= cells) return clean;
  const out: (number | null)[] = [];
  for (let i = 0; i < cells; i++) {
    const slice = clean
      .slice(Math.floor((i * clean.length) / cells), Math.floor(((i + 1) * clean.length) / cells))
      .filter((v): v is number => v !== null);
    out.push(slice.length > 0 ? slice.reduce((a, b) => a + b, 0) / slice.length : null);
  }
  return out;
}
