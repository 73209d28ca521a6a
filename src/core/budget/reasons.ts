import type { FallbackReason } from "./fit-curve";
import { type BudgetGoal, formatMarginal } from "./goal";

export interface ReasonInput {
  fromName: string;
  toName: string;
  /** Marginal return of the giver's last dollar and the receiver's next one. */
  fromMarginal: number;
  toMarginal: number;
  goal: BudgetGoal;
  currency: string;
  /** Set for a campaign whose curve fell back to its average (named in the sentence). */
  fromFallback?: FallbackReason;
  toFallback?: FallbackReason;
}

const FALLBACK_WORDS: Record<FallbackReason, string> = {
  thin: "too few days for a curve",
  flat: "spend barely varied",
  no_better: "no saturation visible yet",
};

/**
 * Why a move is proposed, in one sentence a manager can check: where the next dollar earns more.
 * Campaigns judged on their average return (no curve) say so in brackets.
 *
 * @example
 * moveReason({ fromName: "A", toName: "B", fromMarginal: 0.8, toMarginal: 3.1, goal: "revenue",
 *   currency: "USD" })
 * // "B returns about $3.10 per extra dollar at its current spend, A only $0.80."
 */
export function moveReason(input: ReasonInput): string {
  const per = (m: number) => formatMarginal(m, input.goal, input.currency);
  const verb = input.goal === "revenue" ? "returns" : "brings";
  const note = fallbackNote(input);
  return (
    `${input.toName} ${verb} about ${per(input.toMarginal)} per extra dollar at its current spend, ` +
    `${input.fromName} only ${per(input.fromMarginal)}` +
    `${note ? ` (${note})` : ""}.`
  );
}

function fallbackNote(input: ReasonInput): string | undefined {
  const { fromFallback: from, toFallback: to } = input;
  if (from && to) {
    return from === to
      ? `both on their average return: ${FALLBACK_WORDS[from]}`
      : `both on their average return: ${input.toName} ${FALLBACK_WORDS[to]}, ${input.fromName} ${FALLBACK_WORDS[from]}`;
  }
  if (to) return `${input.toName} on its average return: ${FALLBACK_WORDS[to]}`;
  if (from) return `${input.fromName} on its average return: ${FALLBACK_WORDS[from]}`;
  return undefined;
}
