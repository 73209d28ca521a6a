import type { CampaignStatus } from "../../store/schema";

/**
 * The limits every budget proposal stays within, whatever the curves say. Curves fitted on a few
 * weeks are only trustworthy near the spend they saw, and a manager approving a move needs it to
 * be modest and reversible.
 */
export interface Guardrails {
  /** Most a campaign's weekly spend may change, in percent of its current weekly spend. */
  maxChangePct: number;
  /** A giving campaign's stored budget never drops below this (nor below what it has spent). */
  minBudget: number;
  /** Only campaigns with these statuses are moved: paused, ended and draft ones are left alone. */
  statuses: readonly CampaignStatus[];
  /** Amounts are whole multiples of this (rounded down, so limits still hold). */
  step: number;
  /** Smaller moves are not worth a manager's decision. */
  minAmount: number;
  /** A move must be expected to gain at least this percent of the amount moved. */
  minGainPct: number;
  /** Most moves proposed at once (each is one decision for a manager). */
  maxMoves: number;
}

export const DEFAULT_GUARDRAILS: Readonly<Guardrails> = Object.freeze({
  maxChangePct: 30,
  minBudget: 500,
  statuses: ["active"] as const,
  step: 10,
  minAmount: 100,
  minGainPct: 1,
  maxMoves: 5,
});

/**
 * Rounds an amount down to the guardrails' step.
 *
 * @example roundDownToStep(1234.5, 10) // 1230
 */
export function roundDownToStep(amount: number, step: number): number {
  if (!(amount > 0)) return 0;
  if (!(step > 0)) return amount;
  // The epsilon keeps 30.000000000004 from becoming 20 after float noise.
  return Math.floor(amount / step + 1e-9) * step;
}
