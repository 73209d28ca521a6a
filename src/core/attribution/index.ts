/**
 * Multi-touch attribution over path-level aggregates (pure: no I/O, no clock).
 *
 * Journeys are folded once into distinct paths ({@link foldPaths}); every model then runs over
 * the distinct paths, and each model's attributed conversions (and value) sum to the totals.
 */
export { type Absorption, absorb, type SolveMethod, type TransientChain } from "./absorbing-chain";
export { firstTouch } from "./first-touch";
export {
  type FoldedPaths,
  foldPaths,
  MAX_CHANNELS,
  PathFolder,
  type PathRow,
  type PathTotals,
  pathChannels,
} from "./fold-paths";
export { lastTouch } from "./last-touch";
export { linear } from "./linear";
export { solveDense } from "./linear-solver";
export { type MarkovOptions, type MarkovResult, markov } from "./markov";
export {
  buildMarkovChain,
  CONVERSION_STATE,
  MARKOV_ORDERS,
  type MarkovChain,
  type MarkovTransition,
  markovTransitions,
  NULL_STATE,
  START_STATE,
} from "./markov-chain";
export {
  type AllModelsResult,
  type AttributionOptions,
  isAttributionModel,
  runAllModels,
  runModel,
} from "./models";
export {
  formatPath,
  normalizeChannel,
  normalizePath,
  PATH_SEPARATOR,
  parsePath,
} from "./path-text";
export { DEFAULT_POSITION_WEIGHTS, type PositionWeights, positionBased } from "./position-based";
export { ATTRIBUTION_MODELS, type AttributionModelName, type AttributionResult } from "./result";
export { type ShapleyResult, shapley } from "./shapley";
export { DEFAULT_HALF_LIFE_DAYS, type TimeDecayOptions, timeDecay } from "./time-decay";
