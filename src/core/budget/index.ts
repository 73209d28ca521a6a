/**
 * Budget recommendations, pure: curves fitted on each campaign's recent days, marginal returns,
 * moves within guardrails, the best split of a budget, bootstrap ranges, one-sentence reasons and
 * the ROI rules of thumb. Rows and numbers in, numbers out — the store and chat live elsewhere
 * (src/reports/budget-*.ts, commands/budget.ts).
 */
export {
  type CampaignInput,
  type CampaignModel,
  type Exclusion,
  expectedAt,
  marginalAt,
  modelCampaigns,
} from "./campaign-model";
export {
  type CurveFit,
  type FallbackReason,
  FIT_DEFAULTS,
  type FitOptions,
  fitResponseCurve,
  type SpendPoint,
} from "./fit-curve";
export { BUDGET_GOALS, type BudgetGoal, formatMarginal, formatReturn } from "./goal";
export { DEFAULT_GUARDRAILS, type Guardrails, roundDownToStep } from "./guardrails";
export { type Plan, type PlanLine, planAllocation } from "./plan-allocation";
export { type Move, type MoveOptions, moveGain, moveLimit, proposeMoves } from "./propose-moves";
export { moveReason, type ReasonInput } from "./reasons";
export {
  curveMarginal,
  curveValue,
  HORIZON_DAYS,
  horizonMarginal,
  horizonValue,
  type MoveSide,
  type ResponseCurve,
  transferGain,
} from "./response-curve";
export { ROI_RULES, type RoiFlag, type RoiRow, roiRules } from "./roi-rules";
export {
  allocationRange,
  BOOTSTRAP_DEFAULTS,
  type BootstrapOptions,
  bootstrapCurves,
  centralRange,
  moveGainRange,
  type Range,
} from "./uncertainty";
