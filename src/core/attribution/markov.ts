import { type Absorption, absorb, type SolveMethod } from "./absorbing-chain";
import type { FoldedPaths } from "./fold-paths";
import {
  buildMarkovChain,
  type MarkovChain,
  type MarkovTransition,
  markovTransitions,
  stateLabel,
} from "./markov-chain";
import { type AttributionResult, toResult } from "./result";

export interface MarkovOptions {
  /** 1 (default) to 4: how many previous channels a state remembers. */
  order?: number;
  /** How the absorbing chain is solved (see {@link absorb}); `auto` unless testing. */
  solver?: SolveMethod;
}

export interface MarkovResult extends AttributionResult {
  model: "markov";
  order: number;
  /** P(conversion | start) in the full chain. */
  conversionProbability: number;
  /** 1 − P(conversion | channel removed) / P(conversion), per channel. */
  removalEffects: Readonly<Record<string, number>>;
  /** The same for expected conversion value (what the value attribution is based on). */
  valueRemovalEffects: Readonly<Record<string, number>>;
  /** Transient state labels; index 0 is `(start)`. */
  states: readonly string[];
  transitions: readonly MarkovTransition[];
  /** How the linear systems were solved, for transparency and tests. */
  solver: { largestBlock: number; sweeps: number; residual: number };
}

/**
 * Data-driven attribution by removal effects on the absorbing Markov chain of the journeys
 * ({@link buildMarkovChain}), computed exactly by solving the chain's linear systems, once for the
 * full chain and once per channel with that channel removed (every state containing it sends its
 * journeys to null). Attributed conversions are the removal effects scaled to sum to the total
 * conversions; value uses the removal effects on expected value and sums to the total value.
 *
 * @example
 * const result = markov(foldPaths([
 *   { path: "a > b", conversions: 1, nulls: 1 },
 *   { path: "b", nulls: 2 },
 * ]));
 * result.removalEffects // { a: 0.5, b: 1 }: without b nothing converts, without a half as much
 * result.conversions    // { a: 1/3, b: 2/3 } of the one conversion
 */
export function markov(folded: FoldedPaths, options: MarkovOptions = {}): MarkovResult {
  const order = options.order ?? 1;
  const chain = buildMarkovChain(folded, order);
  const solve = { method: options.solver ?? "auto" };
  const base = absorb(chain.transient, 0, undefined, solve);
  const solver = { largestBlock: 0, sweeps: 0, residual: 0 };
  const track = (run: Absorption) => {
    solver.largestBlock = Math.max(solver.largestBlock, run.largestBlock);
    solver.sweeps += run.sweeps;
    solver.residual = Math.max(solver.residual, run.residual);
  };
  track(base);
  const [pConversion = 0, expectedValue = 0] = base.values;
  const k = folded.channels.length;
  const effects = new Float64Array(k);
  const valueEffects = new Float64Array(k);
  const masks = removalMasks(chain);
  for (let c = 0; c < k; c++) {
    const run = absorb(chain.transient, 0, masks[c], solve);
    track(run);
    const [without = 0, valueWithout = 0] = run.values;
    effects[c] = pConversion > 0 ? 1 - without / pConversion : 0;
    valueEffects[c] = expectedValue !== 0 ? 1 - valueWithout / expectedValue : 0;
  }
  const conversions = scaleTo(effects, folded.totals.conversions);
  const value = scaleTo(valueEffects, folded.totals.value);
  const record = (values: Float64Array) =>
    Object.fromEntries(folded.channels.map((name, i) => [name, values[i] ?? 0]));
  return {
    ...toResult("markov", folded, conversions, value),
    model: "markov",
    order,
    conversionProbability: pConversion,
    removalEffects: record(effects),
    valueRemovalEffects: record(valueEffects),
    states: chain.stateChannels.map((_, s) => stateLabel(chain, s)),
    transitions: markovTransitions(chain),
    solver,
  };
}

/** For each channel, which transient states contain it. */
function removalMasks(chain: MarkovChain): Uint8Array[] {
  const k = chain.channels.length;
  const masks = Array.from({ length: k }, () => new Uint8Array(chain.transient.stateCount));
  chain.stateChannels.forEach((ids, s) => {
    for (const id of ids) (masks[id] as Uint8Array)[s] = 1;
  });
  return masks;
}

/** `weights` scaled to sum to `total` (all zero when the weights sum to zero). */
function scaleTo(weights: Float64Array, total: number): Float64Array {
  let sum = 0;
  for (const w of weights) sum += w;
  const out = new Float64Array(weights.length);
  if (sum === 0) return out;
  for (let i = 0; i < weights.length; i++) out[i] = ((weights[i] as number) / sum) * total;
  return out;
}
