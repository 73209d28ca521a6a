/**
 * Smoothing parameters of additive Holt-Winters with a damped trend, in the classic form:
 * level α, trend β, season γ (each 0–1) and damping φ (1 = an undamped straight-line trend).
 */
export interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** The model after the last observation: enough to forecast any horizon. */
export interface HoltWintersState {
  params: HoltWintersParams;
  seasonLength: number;
  level: number;
  trend: number;
  /** Seasonal terms for the next `seasonLength` steps: `season[0]` applies one step ahead. */
  season: number[];
}

export interface HoltWintersRun {
  state: HoltWintersState;
  /** One-step-ahead fitted values, one per observation. */
  fitted: number[];
  /** observation − fitted. */
  residuals: number[];
  /** Sum of squared residuals after the first season (the warm-up is not held against a fit). */
  sse: number;
}

/** Level, trend and seasonal terms before any smoothing: what {@link initialState} returns. */
export interface InitialState {
  level: number;
  trend: number;
  season: number[];
}

/**
 * Starting level, trend and seasonal terms from the first two seasons: level = the first season's
 * mean, trend = the change between the two seasons' means per step, each seasonal term = the
 * average deviation of that position from the trend line through the two means (measured from a
 * flat mean, a trend would leak into the seasonal terms).
 *
 * @example initialState([1, 2, 3, 4, 5, 6], 3) // { level: 2, trend: 1, season: [0, 0, 0] }
 * @example initialState([10, 20, 12, 22], 2) // { level: 15, trend: 1, season: [-4.5, 4.5] }
 */
export function initialState(values: readonly number[], seasonLength: number): InitialState {
  const m = seasonLength;
  if (values.length < 2 * m) {
    throw new RangeError(
      `Holt-Winters needs two full seasons (${2 * m} values), got ${values.length}`,
    );
  }
  const mean = (from: number) => values.slice(from, from + m).reduce((a, b) => a + b, 0) / m;
  const first = mean(0);
  const second = mean(m);
  const trend = (second - first) / m;
  const season = Array.from({ length: m }, (_, i) => {
    const along = trend * (i - (m - 1) / 2);
    return (
      ((values[i] as number) - first - along + ((values[m + i] as number) - second - along)) / 2
    );
  });
  return { level: first, trend, season };
}

/**
 * Runs additive Holt-Winters with a damped trend over `values` (equally spaced, no gaps):
 *
 *   ŷ(t)  = l(t−1) + φ·b(t−1) + s(t−m)
 *   l(t)  = α·(y(t) − s(t−m)) + (1 − α)·(l(t−1) + φ·b(t−1))
 *   b(t)  = β·(l(t) − l(t−1)) + (1 − β)·φ·b(t−1)
 *   s(t)  = γ·(y(t) − l(t−1) − φ·b(t−1)) + (1 − γ)·s(t−m)
 *
 * The state starts from {@link initialState}, placed just before the first value, so the first
 * season is fitted in-sample too; its errors are left out of `sse`. A caller running many
 * parameter sets over one series passes `init` once instead of recomputing it per run.
 *
 * @example
 * runHoltWinters([10, 20, 10, 20, 10, 20], 2, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }).fitted
 * // [10, 20, 10, 20, 10, 20]: a pure season is predicted exactly
 */
export function runHoltWinters(
  values: readonly number[],
  seasonLength: number,
  params: HoltWintersParams,
  init: InitialState = initialState(values, seasonLength),
): HoltWintersRun {
  const m = seasonLength;
  const fitted: number[] = [];
  const residuals: number[] = [];
  const end = smooth(values, m, params, init, (yhat, e) => {
    fitted.push(yhat);
    residuals.push(e);
  });
  // Rotate so that season[0] is the term for the step right after the last value.
  const offset = values.length % m;
  const season = [...end.season.slice(offset), ...end.season.slice(0, offset)];
  return {
    state: { params, seasonLength: m, level: end.level, trend: end.trend, season },
    fitted,
    residuals,
    sse: end.sse,
  };
}

/**
 * Only the `sse` of {@link runHoltWinters}, the same figure: a grid search scores thousands of
 * parameter sets and keeps one, so it skips the fitted values, residuals and final state.
 *
 * @example holtWintersSse(values, 7, params, initialState(values, 7)) // runHoltWinters(values, 7, params).sse
 */
export function holtWintersSse(
  values: readonly number[],
  seasonLength: number,
  params: HoltWintersParams,
  init: InitialState,
): number {
  return smooth(values, seasonLength, params, init).sse;
}

/** The recurrence itself, shared by the full run and the SSE-only one so they cannot drift. */
function smooth(
  values: readonly number[],
  m: number,
  params: HoltWintersParams,
  init: InitialState,
  onStep?: (yhat: number, error: number) => void,
): { level: number; trend: number; season: number[]; sse: number } {
  const { alpha, beta, gamma, phi } = params;
  // The first season's mean is the level at that season's middle; step back to just before the
  // first value, so the slope does not count the first half-season twice.
  let level = init.level - (init.trend * (m + 1)) / 2;
  let trend = init.trend;
  const season = [...init.season];
  let sse = 0;
  values.forEach((y, t) => {
    const s = season[t % m] as number;
    const base = level + phi * trend;
    const yhat = base + s;
    const e = y - yhat;
    onStep?.(yhat, e);
    if (t >= m) sse += e * e;
    const nextLevel = alpha * (y - s) + (1 - alpha) * base;
    trend = beta * (nextLevel - level) + (1 - beta) * phi * trend;
    season[t % m] = gamma * (y - base) + (1 - gamma) * s;
    level = nextLevel;
  });
  return { level, trend, season, sse };
}

/**
 * Point forecasts `horizon` steps past the state: l + (φ + φ² + … + φ^h)·b + s.
 *
 * @example forecastHoltWinters({ level: 10, trend: 1, season: [0, 5], seasonLength: 2, params }, 3)
 * // with φ = 1: [11, 17, 13]
 */
export function forecastHoltWinters(state: HoltWintersState, horizon: number): number[] {
  const { level, trend, season, seasonLength, params } = state;
  const out: number[] = [];
  let damp = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= params.phi;
    damp += power;
    out.push(level + damp * trend + (season[(h - 1) % seasonLength] as number));
  }
  return out;
}
