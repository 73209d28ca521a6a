import { createRng } from "../random";
import { quantile } from "../stats";
import type { CampaignModel } from "./campaign-model";
import { type FitOptions, fitResponseCurve, type SpendPoint } from "./fit-curve";
import { horizonValue, type ResponseCurve, transferGain } from "./response-curve";

/** A central interval, e.g. the 10th to 90th percentile for `level` 0.8. */
export interface Range {
  low: number;
  high: number;
}

export interface BootstrapOptions {
  /** Resamples drawn (each refits every curve involved). */
  samples: number;
  /** Share of the resampled outcomes inside the range. */
  level: number;
  /** Same seed, same ranges: answers do not flicker between two asks. */
  seed: number;
  fit?: Partial<FitOptions>;
}

export const BOOTSTRAP_DEFAULTS: Readonly<BootstrapOptions> = Object.freeze({
  samples: 200,
  level: 0.8,
  seed: 20261122,
});

/**
 * Bootstrap over days: each sample redraws a campaign's days with replacement and refits its
 * curve (same model choice as the real fit), so a campaign with few or noisy days gets curves
 * that disagree more. Returns one curve per campaign per sample (samples where a campaign could
 * not be refitted are left out). Seeded from `options.seed` and the campaign ids.
 *
 * @example bootstrapCurves([a, b], BOOTSTRAP_DEFAULTS).length // ≤ 200
 */
export function bootstrapCurves(
  models: readonly CampaignModel[],
  options: BootstrapOptions = BOOTSTRAP_DEFAULTS,
): Map<string, ResponseCurve>[] {
  const rng = createRng(hashSeed(options.seed, models.map((m) => m.id).join("|")));
  const days = models.map((m) => m.days.filter((d) => d.spend > 0));
  const samples: Map<string, ResponseCurve>[] = [];
  for (let i = 0; i < options.samples; i += 1) {
    const sample = new Map<string, ResponseCurve>();
    models.forEach((model, k) => {
      const pool = days[k] ?? [];
      if (pool.length === 0) return;
      const drawn: SpendPoint[] = pool.map(() => pool[rng.int(0, pool.length - 1)] as SpendPoint);
      const fit = fitResponseCurve(drawn, options.fit);
      if (fit) sample.set(model.id, fit.curve);
    });
    if (sample.size === models.length) samples.push(sample);
  }
  return samples;
}

/**
 * The range of a move's gain across bootstrap samples: the same amount, refitted curves.
 *
 * @example moveGainRange(giver, receiver, 400) // { low: 310.5, high: 702.9 }
 */
export function moveGainRange(
  from: CampaignModel,
  to: CampaignModel,
  amount: number,
  options: BootstrapOptions = BOOTSTRAP_DEFAULTS,
): Range | undefined {
  const gains = bootstrapCurves([from, to], options).map((curves) => {
    const f = curves.get(from.id) as ResponseCurve;
    const t = curves.get(to.id) as ResponseCurve;
    return transferGain(
      { value: (spend) => horizonValue(f, spend), spend: from.weeklySpend },
      { value: (spend) => horizonValue(t, spend), spend: to.weeklySpend },
      amount,
    );
  });
  return centralRange(gains, options.level);
}

/**
 * The range of a total expected return `Σ F_c(spend_c)` across bootstrap samples.
 *
 * @example allocationRange(models, new Map([["a", 700], ["b", 300]])) // { low: 2100, high: 2600 }
 */
export function allocationRange(
  models: readonly CampaignModel[],
  spend: ReadonlyMap<string, number>,
  options: BootstrapOptions = BOOTSTRAP_DEFAULTS,
): Range | undefined {
  const totals = bootstrapCurves(models, options).map((curves) =>
    models.reduce(
      (sum, m) => sum + horizonValue(curves.get(m.id) as ResponseCurve, spend.get(m.id) ?? 0),
      0,
    ),
  );
  return centralRange(totals, options.level);
}

/**
 * Percentile interval with linear interpolation; undefined without values.
 *
 * @example centralRange([1, 2, 3, 4, 5], 0.5) // { low: 2, high: 4 }
 */
export function centralRange(values: readonly number[], level: number): Range | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { low: quantile(sorted, tail), high: quantile(sorted, 1 - tail) };
}

/** FNV-1a over the text, mixed with the seed. */
function hashSeed(seed: number, text: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
