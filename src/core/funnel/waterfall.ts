/** One contributor to a total, e.g. a campaign's revenue or profit. */
export interface Contribution {
  label: string;
  value: number;
}

export interface WaterfallStep {
  label: string;
  /** The step's own contribution (negative steps pull the running total down). */
  value: number;
  /** Running total before and after this step; for the total bar, 0 and the total. */
  start: number;
  end: number;
  kind: "increase" | "decrease" | "total";
  /** Share of the total, percent; null when the total is 0. */
  share: number | null;
  /** How many contributors an "Other" step groups (1 for a named one, all for the total). */
  members: number;
}

export interface WaterfallOptions {
  /** Named steps before the rest are grouped (default 10). */
  limit?: number;
  /** Label of the grouped rest, given the count (default `Other (N)`). */
  otherLabel?: (count: number) => string;
  /** Label of the closing total bar (default `Total`). */
  totalLabel?: string;
}

/**
 * A waterfall of contributions to a total: positive contributors biggest first, then negative
 * ones (smallest loss first), the rest grouped into one "Other" step, and a closing total bar.
 * Each step floats from the running total before it to the one after, so the bars join up to the
 * total. Contributions of exactly 0 are grouped into "Other" (they do not move the total).
 *
 * @example
 * revenueWaterfall([{ label: "A", value: 50 }, { label: "B", value: -20 }, { label: "C", value: 30 }])
 * // A 0→50, C 50→80, B 80→60 (decrease), Total 0→60
 */
export function revenueWaterfall(
  contributions: readonly Contribution[],
  options: WaterfallOptions = {},
): WaterfallStep[] {
  const limit = Math.max(1, options.limit ?? 10);
  const otherLabel = options.otherLabel ?? ((n: number) => `Other (${n})`);
  const total = contributions.reduce((sum, c) => sum + c.value, 0);
  const share = (v: number) => (total !== 0 ? (v / total) * 100 : null);
  // Gains biggest first, then losses from the smallest; zero moves nothing and goes to "Other".
  const gains = contributions.filter((c) => c.value > 0).sort((a, b) => b.value - a.value);
  const losses = contributions.filter((c) => c.value < 0).sort((a, b) => b.value - a.value);
  const ordered = [...gains, ...losses];
  // Keep the biggest movers by size, in the gains-then-losses order.
  const bySize = [...ordered].sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  const kept = new Set(bySize.slice(0, limit));
  const named = ordered.filter((c) => kept.has(c));
  const rest = contributions.filter((c) => !kept.has(c));

  const steps: WaterfallStep[] = [];
  let running = 0;
  const push = (label: string, value: number, members: number) => {
    const start = running;
    running = tidy(running + value);
    steps.push({
      label,
      value,
      start,
      end: running,
      kind: value < 0 ? "decrease" : "increase",
      share: share(value),
      members,
    });
  };
  for (const c of named) push(c.label, c.value, 1);
  if (rest.length > 0)
    push(otherLabel(rest.length), tidy(rest.reduce((s, c) => s + c.value, 0)), rest.length);
  steps.push({
    label: options.totalLabel ?? "Total",
    value: tidy(total),
    start: 0,
    end: tidy(total),
    kind: "total",
    share: total !== 0 ? 100 : null,
    members: contributions.length,
  });
  return steps;
}

/** Removes float dust from running sums of money (0.1 + 0.2). */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
