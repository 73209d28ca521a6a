import type { Context } from "../bot/context";
import {
  type BudgetGoal,
  type CampaignModel,
  DEFAULT_GUARDRAILS,
  type Guardrails,
  moveGainRange,
  moveReason,
  proposeMoves,
  type RoiFlag,
  roiRules,
} from "../core/budget/index";
import type { DayRange } from "../store/metrics-repository";
import type { CampaignType, NewBudgetRecommendation, Platform } from "../store/schema";
import { type BudgetInputs, loadBudgetInputs } from "./budget-inputs";

/** The subscriptions table's `kind` for weekly budget posts (jobs/budget-weekly.ts). */
export const BUDGET_SUBSCRIPTION_KIND = "budget";

/** What a weekly budget subscription asks for, stored as the subscription's options JSON. */
export interface BudgetSubscriptionOptions {
  goal?: BudgetGoal;
  platform?: Platform;
  type?: CampaignType;
}

/** Recommendations not decided within this long can no longer be approved. */
const EXPIRY_HOURS = 72;

export interface RecommendRequest {
  goal: BudgetGoal;
  platform?: Platform;
  type?: CampaignType;
  /** Most to move in all. */
  totalCap?: number;
  /** Who asked (may not approve); null for the weekly job. */
  requestedBy: string | null;
  batchId: string;
  guardrails?: Guardrails;
}

/** The part of a batch's message besides the moves, frozen with the batch (JSON on each row). */
export interface BatchSummary {
  goal: BudgetGoal;
  window: DayRange;
  label: string;
  /** Campaigns that may be moved, and how many of them got a fitted curve. */
  considered: number;
  curves: number;
  guardrails: { maxChangePct: number; minBudget: number };
  totalCap?: number;
  rules: { cut: RoiFlag[]; scale: RoiFlag[] };
  /** ROI (%) over the window of the campaigns in the moves, shown next to their names. */
  roi?: Record<string, number | null>;
}

export interface ComputedBatch {
  rows: NewBudgetRecommendation[];
  summary: BatchSummary;
  inputs: BudgetInputs;
}

/**
 * Fits the tenant's campaigns, proposes moves within the guardrails and prepares one row per
 * move (amount, from, to, expected gain with its bootstrap range, one-sentence reason), ready to
 * be stored as one batch. Nothing is written here: the command stores the rows itself, the weekly
 * job in the same transaction as its delivery rows.
 */
export async function computeRecommendations(
  ctx: Context,
  request: RecommendRequest,
): Promise<ComputedBatch> {
  const guardrails = request.guardrails ?? DEFAULT_GUARDRAILS;
  const inputs = await loadBudgetInputs(
    ctx,
    { goal: request.goal, platform: request.platform, type: request.type },
    guardrails,
  );
  const byId = new Map(inputs.models.map((m) => [m.id, m]));
  const moves = proposeMoves(inputs.models, guardrails, { totalCap: request.totalCap });
  const now = ctx.clock.now();
  const summary = summarizeBatch(inputs, request, guardrails);
  const inMoves = new Set(moves.flatMap((m) => [m.fromId, m.toId]));
  summary.roi = Object.fromEntries(
    inputs.roiRows
      .filter((r) => inMoves.has(r.id))
      .map((r) => [r.id, r.spend > 0 ? ((r.revenue - r.spend) / r.spend) * 100 : null]),
  );
  const summaryJson = JSON.stringify(summary);
  const rows = moves.map((move, index): NewBudgetRecommendation => {
    const from = byId.get(move.fromId) as CampaignModel;
    const to = byId.get(move.toId) as CampaignModel;
    const range = moveGainRange(from, to, move.amount);
    return {
      id: ctx.ids.next("br-"),
      tenant_id: ctx.tenant.id,
      batch_id: request.batchId,
      position: index + 1,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + EXPIRY_HOURS * 3_600_000).toISOString(),
      requested_by: request.requestedBy,
      goal: request.goal,
      from_campaign: move.fromId,
      to_campaign: move.toId,
      amount: move.amount,
      expected_gain: move.gain,
      gain_low: range?.low ?? null,
      gain_high: range?.high ?? null,
      from_marginal: move.fromMarginal,
      to_marginal: move.toMarginal,
      budget_floor: Math.max(guardrails.minBudget, from.spentToDate),
      reason: moveReason({
        fromName: from.name,
        toName: to.name,
        fromMarginal: move.fromMarginal,
        toMarginal: move.toMarginal,
        goal: request.goal,
        currency: ctx.tenant.currency,
        fromFallback: from.fit?.method === "average" ? from.fit.reason : undefined,
        toFallback: to.fit?.method === "average" ? to.fit.reason : undefined,
      }),
      batch_summary: summaryJson,
      status: "pending",
    };
  });
  return { rows, summary, inputs };
}

/** The batch's message besides its moves: fitted window, counts, guardrails, ROI rules. */
export function summarizeBatch(
  inputs: BudgetInputs,
  request: Pick<RecommendRequest, "goal" | "totalCap">,
  guardrails: Guardrails = DEFAULT_GUARDRAILS,
): BatchSummary {
  const eligible = inputs.models.filter((m) => !m.excluded);
  const eligibleIds = new Set(eligible.map((m) => m.id));
  return {
    goal: request.goal,
    window: inputs.window,
    label: inputs.label,
    considered: eligible.length,
    curves: eligible.filter((m) => m.fit?.method === "curve").length,
    guardrails: { maxChangePct: guardrails.maxChangePct, minBudget: guardrails.minBudget },
    ...(request.totalCap !== undefined ? { totalCap: request.totalCap } : {}),
    // The rules of thumb look at the campaigns that could be moved (active, spending).
    rules: roiRules(inputs.roiRows.filter((r) => eligibleIds.has(r.id))),
  };
}
