import { type CampaignModel, expectedAt, marginalAt } from "./campaign-model";
import type { Guardrails } from "./guardrails";
import { transferGain } from "./response-curve";

export interface PlanLine {
  id: string;
  /** Weekly spend now. */
  current: number;
  /** `amount` split in proportion to current spend: the starting point. */
  baseline: number;
  proposed: number;
  /** Marginal return of the next dollar at the proposed spend. */
  marginal: number;
}

export interface Plan {
  amount: number;
  lines: PlanLine[];
  /** Expected return over the horizon of the proposed split. */
  expected: number;
  /** ... of the proportional split of the same amount. */
  baselineExpected: number;
  /** ... of today's spend (which may not add up to `amount`). */
  currentExpected: number;
}

/**
 * The best split of `amount` (weekly spend) across the campaigns that may be moved. It starts
 * from the proportional split (each campaign's share of current spend) and repeatedly moves a
 * step from the campaign whose last dollar returns least to the one whose next dollar returns
 * most, keeping only steps that raise the expected return and shrinking the step when none does.
 * On concave curves this converges to equal marginal returns (or a guardrail). Each campaign stays
 * within `maxChangePct` of its proportional share, where its curve was fitted.
 *
 * So the plan never expects less than the proportional split, and it always spends exactly
 * `amount`.
 *
 * @example planAllocation(models, 20_000, DEFAULT_GUARDRAILS).expected // ≥ baselineExpected
 */
export function planAllocation(
  models: readonly CampaignModel[],
  amount: number,
  guardrails: Guardrails,
): Plan {
  const pool = models.filter((m) => !m.excluded && m.fit);
  const currentTotal = pool.reduce((sum, m) => sum + m.weeklySpend, 0);
  if (pool.length === 0 || !(amount > 0) || !(currentTotal > 0)) {
    return { amount, lines: [], expected: 0, baselineExpected: 0, currentExpected: 0 };
  }
  const share = guardrails.maxChangePct / 100;
  const baseline = pool.map((m) => (m.weeklySpend * amount) / currentTotal);
  const lo = baseline.map((b) => b * (1 - share));
  const hi = baseline.map((b) => b * (1 + share));
  const spend = [...baseline];
  const eps = amount * 1e-9;

  let step = amount / 50;
  const minStep = Math.max(amount * 1e-6, 1e-6);
  for (let iteration = 0; iteration < 50_000 && step >= minStep; iteration += 1) {
    let receiver = -1;
    let giver = -1;
    pool.forEach((m, i) => {
      const s = spend[i] as number;
      if (s < (hi[i] as number) - eps) {
        if (
          receiver < 0 ||
          marginalAt(m, s) > marginalAt(pool[receiver] as CampaignModel, spend[receiver] as number)
        ) {
          receiver = i;
        }
      }
    });
    pool.forEach((m, i) => {
      const s = spend[i] as number;
      if (i !== receiver && s > (lo[i] as number) + eps) {
        if (
          giver < 0 ||
          marginalAt(m, s) < marginalAt(pool[giver] as CampaignModel, spend[giver] as number)
        ) {
          giver = i;
        }
      }
    });
    if (receiver < 0 || giver < 0) break;
    const to = pool[receiver] as CampaignModel;
    const from = pool[giver] as CampaignModel;
    const sTo = spend[receiver] as number;
    const sFrom = spend[giver] as number;
    const x = Math.min(step, (hi[receiver] as number) - sTo, sFrom - (lo[giver] as number));
    const gain = transferGain(
      { value: (s) => expectedAt(from, s), spend: sFrom },
      { value: (s) => expectedAt(to, s), spend: sTo },
      x,
    );
    if (gain > 0) {
      spend[receiver] = sTo + x;
      spend[giver] = sFrom - x;
    } else {
      step /= 4;
    }
  }

  const lines = pool.map((m, i) => ({
    id: m.id,
    current: m.weeklySpend,
    baseline: baseline[i] as number,
    proposed: spend[i] as number,
    marginal: marginalAt(m, spend[i] as number),
  }));
  return {
    amount,
    lines,
    expected: pool.reduce((sum, m, i) => sum + expectedAt(m, spend[i] as number), 0),
    baselineExpected: pool.reduce((sum, m, i) => sum + expectedAt(m, baseline[i] as number), 0),
    currentExpected: pool.reduce((sum, m) => sum + expectedAt(m, m.weeklySpend), 0),
  };
}
