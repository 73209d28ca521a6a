import type { CampaignStatus } from "../../store/schema";
import { type CurveFit, type FitOptions, fitResponseCurve, type SpendPoint } from "./fit-curve";
import type { Guardrails } from "./guardrails";
import { HORIZON_DAYS, horizonMarginal, horizonValue } from "./response-curve";

/** What the budget core needs to know about one campaign (the caller reads it from the store). */
export interface CampaignInput {
  id: string;
  name: string;
  status: CampaignStatus;
  /** Last day of the flight, or null while open-ended. */
  endDate: string | null;
  /** Stored total budget of the flight. */
  budget: number;
  /** Spent since the flight started (a budget never drops below it). */
  spentToDate: number;
  /** Daily spend and return over the lookback window (days without delivery may be left out). */
  days: readonly SpendPoint[];
  /** Spend over the last {@link HORIZON_DAYS} days: the current weekly run rate. */
  weeklySpend: number;
}

/** Why a campaign is not moved. */
export type Exclusion = "status" | "ended" | "no_recent_spend" | "no_data";

export interface CampaignModel extends CampaignInput {
  fit?: CurveFit;
  /** Undefined when the campaign takes part in proposals. */
  excluded?: Exclusion;
  /** Marginal return of its next dollar at the current weekly spend (0 when excluded). */
  marginal: number;
  /** Expected return over the horizon at the current weekly spend. */
  expected: number;
}

/**
 * Fits each campaign's response curve and decides whether it may be moved: its status must be in
 * the guardrails' list (active), its flight must not have ended before `today`, and it must have
 * spent in the last week (a campaign not spending cannot absorb or give a weekly amount).
 *
 * @example
 * modelCampaigns(inputs, DEFAULT_GUARDRAILS, "2026-11-22").filter((m) => !m.excluded)
 */
export function modelCampaigns(
  inputs: readonly CampaignInput[],
  guardrails: Guardrails,
  today: string,
  fitOptions: Partial<FitOptions> = {},
): CampaignModel[] {
  return inputs.map((input) => {
    const fit = fitResponseCurve(input.days, fitOptions);
    const excluded: Exclusion | undefined = !guardrails.statuses.includes(input.status)
      ? "status"
      : input.endDate !== null && input.endDate < today
        ? "ended"
        : !fit
          ? "no_data"
          : !(input.weeklySpend > 0)
            ? "no_recent_spend"
            : undefined;
    return {
      ...input,
      fit,
      excluded,
      marginal: fit && !excluded ? horizonMarginal(fit.curve, input.weeklySpend) : 0,
      expected: fit ? horizonValue(fit.curve, input.weeklySpend) : 0,
    };
  });
}

/** Expected return of one campaign over the horizon at a weekly spend (0 without a fit). */
export function expectedAt(model: CampaignModel, weeklySpend: number): number {
  return model.fit ? horizonValue(model.fit.curve, weeklySpend, HORIZON_DAYS) : 0;
}

/** Marginal return of one campaign at a weekly spend. */
export function marginalAt(model: CampaignModel, weeklySpend: number): number {
  return model.fit ? horizonMarginal(model.fit.curve, weeklySpend, HORIZON_DAYS) : 0;
}
