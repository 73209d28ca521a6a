/**
 * A campaign's diminishing-returns response: the expected daily return (revenue, or conversions)
 * at a daily spend. Two shapes:
 *
 * - `log`: `r(s) = a · ln(1 + s / b)` with `a, b > 0`. Zero at zero spend, always rising, each
 *   extra dollar buying less: the marginal return `r'(s) = a / (b + s)` starts at `a / b` (the
 *   return of the first dollar) and halves by the time spend reaches `b` more. It is the simplest
 *   concave curve with a closed-form inverse marginal, and it extrapolates gently (no hard ceiling
 *   like a Hill curve, whose plateau a few weeks of data rarely pin down).
 * - `linear`: `r(s) = rate · s` — the average ROAS (or conversions per dollar). Used when the data
 *   cannot support a curve (see fit-curve.ts); its marginal return is the average itself.
 *
 * Both are concave, which is what makes the optimizers' local moves globally sound.
 */
export type ResponseCurve =
  | { kind: "log"; a: number; b: number }
  | { kind: "linear"; rate: number };

/** The planning horizon: recommendations move spend over the next 7 days. */
export const HORIZON_DAYS = 7;

/**
 * Expected daily return at `dailySpend` (≥ 0).
 *
 * @example curveValue({ kind: "log", a: 1000, b: 500 }, 500) // 693.1… (1000 · ln 2)
 * @example curveValue({ kind: "linear", rate: 2.5 }, 100) // 250
 */
export function curveValue(curve: ResponseCurve, dailySpend: number): number {
  const s = Math.max(0, dailySpend);
  return curve.kind === "log" ? curve.a * Math.log1p(s / curve.b) : curve.rate * s;
}

/**
 * Marginal return at `dailySpend`: what the next dollar brings (marginal ROAS for revenue).
 *
 * @example curveMarginal({ kind: "log", a: 1000, b: 500 }, 500) // 1 (1000 / (500 + 500))
 */
export function curveMarginal(curve: ResponseCurve, dailySpend: number): number {
  const s = Math.max(0, dailySpend);
  return curve.kind === "log" ? curve.a / (curve.b + s) : curve.rate;
}

/**
 * Expected return over `days` when `spend` is spread evenly over them: `days · r(spend / days)`.
 * Its derivative in `spend` is the daily marginal return, so marginal ROAS reads the same per day
 * or per week.
 *
 * @example horizonValue({ kind: "linear", rate: 2 }, 700) // 1400
 */
export function horizonValue(curve: ResponseCurve, spend: number, days = HORIZON_DAYS): number {
  return days * curveValue(curve, spend / days);
}

/** Marginal return of the horizon's spend (the same figure as the daily marginal). */
export function horizonMarginal(curve: ResponseCurve, spend: number, days = HORIZON_DAYS): number {
  return curveMarginal(curve, spend / days);
}

/** One campaign's side of a budget move: its expected return at a spend, and its spend now. */
export interface MoveSide {
  value: (spend: number) => number;
  spend: number;
}

/**
 * How much the total expected return changes when `amount` moves from `from` to `to`: what the
 * receiver gains minus what the giver loses, each read off its own return. Moves, plans and their
 * bootstrap ranges all price a transfer with this one formula, so they cannot disagree.
 *
 * @example
 * transferGain({ value: (s) => 2 * s, spend: 100 }, { value: (s) => 3 * s, spend: 100 }, 10) // 10
 */
export function transferGain(from: MoveSide, to: MoveSide, amount: number): number {
  return (
    to.value(to.spend + amount) -
    to.value(to.spend) -
    (from.value(from.spend) - from.value(from.spend - amount))
  );
}
