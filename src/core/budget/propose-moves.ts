import { type CampaignModel, expectedAt, marginalAt } from "./campaign-model";
import { type Guardrails, roundDownToStep } from "./guardrails";
import { transferGain } from "./response-curve";

/** One proposed reallocation: `amount` of weekly spend from one campaign to another. */
export interface Move {
  fromId: string;
  toId: string;
  amount: number;
  /**
   * Expected extra return over the horizon: what the receiver gains minus what the giver loses,
   * both read off their fitted curves.
   */
  gain: number;
  /** Marginal return of the giver's last dollar and the receiver's next one, before the move. */
  fromMarginal: number;
  toMarginal: number;
}

export interface MoveOptions {
  /** Most to move in all (default: whatever the guardrails allow). */
  totalCap?: number;
}

/**
 * The most that may move from `from` to `to` under the guardrails: neither campaign's weekly
 * spend changes by more than `maxChangePct`, and the giver's stored budget stays at or above both
 * `minBudget` and what it has already spent.
 *
 * @example moveLimit(a, b, DEFAULT_GUARDRAILS) // min(30 % of a's and b's weekly spend, a's spare budget)
 */
export function moveLimit(from: CampaignModel, to: CampaignModel, guardrails: Guardrails): number {
  const share = guardrails.maxChangePct / 100;
  const floor = Math.max(guardrails.minBudget, from.spentToDate);
  return Math.max(
    0,
    Math.min(share * from.weeklySpend, share * to.weeklySpend, from.budget - floor),
  );
}

/**
 * Expected change of the total return when `amount` moves from `from` to `to`, on their curves.
 *
 * @example moveGain(low, high, 0) // 0
 */
export function moveGain(from: CampaignModel, to: CampaignModel, amount: number): number {
  return transferGain(
    { value: (spend) => expectedAt(from, spend), spend: from.weeklySpend },
    { value: (spend) => expectedAt(to, spend), spend: to.weeklySpend },
    amount,
  );
}

/**
 * Where the pair's gain peaks within `[0, limit]`: the gain is concave in the amount (both curves
 * are), so its slope — receiver's marginal minus giver's marginal — falls, and bisection finds
 * where it reaches zero. Straight lines never cross: then the whole limit.
 */
function bestAmount(from: CampaignModel, to: CampaignModel, limit: number): number {
  const slope = (x: number) =>
    marginalAt(to, to.weeklySpend + x) - marginalAt(from, from.weeklySpend - x);
  if (limit <= 0 || slope(0) <= 0) return 0;
  if (slope(limit) >= 0) return limit;
  let lo = 0;
  let hi = limit;
  for (let i = 0; i < 60; i += 1) {
    const mid = (lo + hi) / 2;
    if (slope(mid) > 0) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Proposes moves from campaigns whose next dollar returns least to those whose next dollar
 * returns most, within the guardrails. Each campaign takes part in at most one move, so the moves
 * are independent: a manager may approve any subset and each delivers the gain it states, and the
 * gains add up. Pairs are picked greedily by gain; amounts are rounded down to `step` and are at
 * least `minAmount`; a move must gain at least `minGainPct` of its amount. Excluded campaigns (paused, ended, not spending) never
 * appear.
 *
 * Guarantees (checked by the property test): every move's gain is positive on the fitted curves,
 * so the proposals never lower the expected return; each amount is within {@link moveLimit}; the
 * total moved conserves the total budget (every amount leaves one campaign and reaches another).
 *
 * @example
 * proposeMoves(modelCampaigns(inputs, DEFAULT_GUARDRAILS, today), DEFAULT_GUARDRAILS)
 * // [{ fromId: "cmp-007", toId: "cmp-031", amount: 420, gain: 690.2, fromMarginal: 0.4, toMarginal: 2.9 }]
 */
export function proposeMoves(
  models: readonly CampaignModel[],
  guardrails: Guardrails,
  options: MoveOptions = {},
): Move[] {
  const pool = models.filter((m) => !m.excluded && m.fit);
  // The best pairs sit at the two ends of the marginal ranking; a few times the number of moves
  // from each end keeps the search small on thousands of campaigns.
  const breadth = Math.max(10, guardrails.maxMoves * 3);
  const byMarginal = [...pool].sort((a, b) => a.marginal - b.marginal || a.id.localeCompare(b.id));
  const givers = byMarginal.slice(0, breadth);
  const receivers = byMarginal.slice(-breadth).reverse();

  const used = new Set<string>();
  const moves: Move[] = [];
  let remaining = options.totalCap ?? Number.POSITIVE_INFINITY;
  while (
    moves.length < guardrails.maxMoves &&
    remaining >= Math.max(guardrails.step, guardrails.minAmount)
  ) {
    let best: Move | undefined;
    for (const from of givers) {
      if (used.has(from.id)) continue;
      for (const to of receivers) {
        if (to.id === from.id || used.has(to.id) || to.marginal <= from.marginal) continue;
        const limit = Math.min(moveLimit(from, to, guardrails), remaining);
        const amount = roundDownToStep(bestAmount(from, to, limit), guardrails.step);
        if (amount <= 0 || amount < guardrails.minAmount) continue;
        const gain = moveGain(from, to, amount);
        if (!(gain > 0) || gain < (guardrails.minGainPct / 100) * amount) continue;
        if (!best || gain > best.gain) {
          best = {
            fromId: from.id,
            toId: to.id,
            amount,
            gain,
            fromMarginal: from.marginal,
            toMarginal: to.marginal,
          };
        }
      }
    }
    if (!best) break;
    moves.push(best);
    used.add(best.fromId);
    used.add(best.toId);
    remaining -= best.amount;
  }
  return moves;
}
