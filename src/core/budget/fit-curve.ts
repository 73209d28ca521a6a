import type { ResponseCurve } from "./response-curve";

/** One day of a campaign: what it spent and what it returned (revenue or conversions). */
export interface SpendPoint {
  spend: number;
  value: number;
}

/**
 * Why a campaign got the average-ROAS line instead of a curve:
 * - `thin`: fewer than `minPoints` days with spend;
 * - `flat`: spend barely varied, so nothing says how returns bend as it changes;
 * - `no_better`: a curve does not explain the days better than the average does (after paying
 *   for its extra parameter), or its bend lies far beyond the spend ever seen.
 */
export type FallbackReason = "thin" | "flat" | "no_better";

export interface CurveFit {
  curve: ResponseCurve;
  /** `curve`: a fitted log curve; `average`: the average return per dollar. */
  method: "curve" | "average";
  reason?: FallbackReason;
  /** Days with spend the fit used. */
  points: number;
  /** Average return per dollar over those days (`Σ value / Σ spend`). */
  average: number;
}

export interface FitOptions {
  /** Days with spend needed before a curve is tried. */
  minPoints: number;
  /** Least coefficient of variation of daily spend for a curve to be identifiable. */
  minSpendSpread: number;
}

export const FIT_DEFAULTS: Readonly<FitOptions> = { minPoints: 10, minSpendSpread: 0.08 };

// The bend `b` is searched from 1/20 of the average daily spend (strong saturation) to 50 times it
// (practically a straight line); a best `b` at the top of the range means "no bend seen".
const B_LOW = 0.05;
const B_HIGH = 50;
const GRID = 32;

/**
 * Fits `value = a · ln(1 + spend / b)` to daily points by least squares, or falls back to the
 * average return per dollar when the data is thin, flat or not better explained by a curve.
 * For a given `b` the best `a` is closed-form (`Σ y·g / Σ g²` with `g = ln(1 + s/b)`), so only
 * `b` is searched: a log-spaced grid, then golden-section refinement around the best cell. The
 * curve must beat the line on AIC (`n·ln(SSE/n) + 2k`, k = 2 against 1). Days without spend say
 * nothing about the response and are ignored. Returns undefined when nothing was spent.
 *
 * @example
 * fitResponseCurve([{ spend: 100, value: 250 }, { spend: 200, value: 500 }]).curve
 * // { kind: "linear", rate: 2.5 } — two days are too thin for a curve
 */
export function fitResponseCurve(
  points: readonly SpendPoint[],
  options: Partial<FitOptions> = {},
): CurveFit | undefined {
  const opts = { ...FIT_DEFAULTS, ...options };
  const used = points.filter((p) => p.spend > 0 && Number.isFinite(p.value));
  const totalSpend = used.reduce((sum, p) => sum + p.spend, 0);
  if (totalSpend <= 0) return undefined;
  const totalValue = used.reduce((sum, p) => sum + Math.max(0, p.value), 0);
  const average = totalValue / totalSpend;
  const line = (reason: FallbackReason): CurveFit => ({
    curve: { kind: "linear", rate: average },
    method: "average",
    reason,
    points: used.length,
    average,
  });
  if (used.length < opts.minPoints) return line("thin");

  const mean = totalSpend / used.length;
  const sd = Math.sqrt(used.reduce((sum, p) => sum + (p.spend - mean) ** 2, 0) / used.length);
  if (sd / mean < opts.minSpendSpread) return line("flat");

  const best = bestBend(used, mean);
  // A best bend in the top grid cell means the days look like a straight line.
  if (!best || best.b > mean * B_HIGH * 0.75) return line("no_better");
  const lineSse = used.reduce((sum, p) => sum + (p.value - average * p.spend) ** 2, 0);
  // A tiny floor keeps ln() finite on perfect synthetic data.
  const floor = 1e-12 * used.reduce((sum, p) => sum + p.value ** 2, 1);
  const n = used.length;
  const aicCurve = n * Math.log((best.sse + floor) / n) + 4;
  const aicLine = n * Math.log((lineSse + floor) / n) + 2;
  if (aicCurve >= aicLine) return line("no_better");
  return {
    curve: { kind: "log", a: best.a, b: best.b },
    method: "curve",
    points: n,
    average,
  };
}

interface Bend {
  a: number;
  b: number;
  sse: number;
}

/** Least squares `a` for a given bend `b`, and the fit's SSE (`Σy² − (Σgy)² / Σg²`, one pass). */
function fitForBend(points: readonly SpendPoint[], b: number, yy: number): Bend | undefined {
  let gy = 0;
  let gg = 0;
  for (const p of points) {
    const g = Math.log1p(p.spend / b);
    gy += g * p.value;
    gg += g * g;
  }
  if (gg <= 0) return undefined;
  const a = gy / gg;
  if (!(a > 0)) return undefined;
  return { a, b, sse: Math.max(0, yy - (gy * gy) / gg) };
}

function bestBend(points: readonly SpendPoint[], mean: number): Bend | undefined {
  const yy = points.reduce((sum, p) => sum + p.value * p.value, 0);
  const lo = Math.log(mean * B_LOW);
  const hi = Math.log(mean * B_HIGH);
  const at = (i: number) => lo + ((hi - lo) * i) / (GRID - 1);
  let bestIndex = -1;
  let best: Bend | undefined;
  for (let i = 0; i < GRID; i += 1) {
    const fit = fitForBend(points, Math.exp(at(i)), yy);
    if (fit && (!best || fit.sse < best.sse)) {
      best = fit;
      bestIndex = i;
    }
  }
  if (!best) return undefined;
  // Golden-section search on ln(b) within the neighbouring grid cells.
  let left = at(Math.max(0, bestIndex - 1));
  let right = at(Math.min(GRID - 1, bestIndex + 1));
  const sseAt = (x: number) => fitForBend(points, Math.exp(x), yy)?.sse ?? Number.POSITIVE_INFINITY;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = right - ratio * (right - left);
  let x2 = left + ratio * (right - left);
  let f1 = sseAt(x1);
  let f2 = sseAt(x2);
  for (let k = 0; k < 24; k += 1) {
    if (f1 < f2) {
      right = x2;
      x2 = x1;
      f2 = f1;
      x1 = right - ratio * (right - left);
      f1 = sseAt(x1);
    } else {
      left = x1;
      x1 = x2;
      f1 = f2;
      x2 = left + ratio * (right - left);
      f2 = sseAt(x2);
    }
  }
  const refined = fitForBend(points, Math.exp((left + right) / 2), yy);
  return refined && refined.sse < best.sse ? refined : best;
}
