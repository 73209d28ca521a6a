import type { Context } from "../bot/context";
import { UserError } from "../bot/errors";
import type { Reply, ReplyChart } from "../bot/reply";
import { comparisonBarChart } from "../charts/builders/index";
import { money } from "../charts/measure";
import {
  allocationRange,
  BOOTSTRAP_DEFAULTS,
  type CampaignModel,
  DEFAULT_GUARDRAILS,
  formatMarginal,
  formatReturn,
  type Guardrails,
  HORIZON_DAYS,
  type PlanLine,
  planAllocation,
} from "../core/budget/index";
import { formatMoney } from "../core/format";
import { type BudgetScope, loadBudgetInputs } from "./budget-inputs";

/** Bars drawn in the current-vs-proposed chart; the table lists every campaign. */
const CHART_CAMPAIGNS = 12;

/**
 * `/campaign budget plan <amount>`: the best split of `amount` of weekly spend across the active
 * campaigns (see planAllocation), its expected result with a bootstrap range, against splitting
 * it the way spend is split today, and a current-vs-proposed chart. Nothing is stored or changed.
 */
export async function buildPlanReply(
  ctx: Context,
  amount: number,
  scope: BudgetScope,
  guardrails: Guardrails = DEFAULT_GUARDRAILS,
): Promise<Reply> {
  if (!(amount > 0)) {
    throw new UserError("A plan needs a positive amount to split.", "invalid_amount", [
      "Example: `/campaign budget plan 20000` splits $20,000 of spend over the next 7 days.",
    ]);
  }
  const inputs = await loadBudgetInputs(ctx, scope, guardrails);
  const plan = planAllocation(inputs.models, amount, guardrails);
  if (plan.lines.length === 0) {
    throw new UserError(
      "No active campaign spent in the last 7 days, so there is nothing to split across.",
      "no_active_campaigns",
      ["Plans only use active campaigns with recent spend (paused and ended ones are left out)."],
    );
  }
  const currency = ctx.tenant.currency;
  const goal = scope.goal;
  const byId = new Map(inputs.models.map((m) => [m.id, m]));
  const models = plan.lines.map((l) => byId.get(l.id) as CampaignModel);
  // A plan re-fits every campaign per sample: fewer samples keep it within a couple of seconds.
  const range = allocationRange(models, new Map(plan.lines.map((l) => [l.id, l.proposed])), {
    ...BOOTSTRAP_DEFAULTS,
    samples: 100,
  });
  const lines = [...plan.lines].sort((a, b) => b.proposed - a.proposed);
  const name = (id: string) => byId.get(id)?.name ?? id;
  const currentTotal = plan.lines.reduce((sum, l) => sum + l.current, 0);
  const what = goal === "revenue" ? "revenue" : "conversions";
  const uplift = plan.expected - plan.baselineExpected;
  const rangeText = range
    ? ` (80 % range ${formatReturn(range.low, goal, currency)} to ${formatReturn(range.high, goal, currency)})`
    : "";

  return {
    title: `Best split of ${formatMoney(amount, currency)} over the next ${HORIZON_DAYS} days`,
    text: [
      `Across ${plan.lines.length} active campaigns, each kept within ±${guardrails.maxChangePct} % of its share of today's spend; curves fitted on ${inputs.window.from} to ${inputs.window.to}.`,
      `Expected ${what}: **${formatReturn(plan.expected, goal, currency)}**${rangeText} — ${formatReturn(uplift, goal, currency)} more than splitting it like today's spend.`,
      "Nothing changes until a manager approves moves: `/campaign budget recommend` posts them with Approve / Reject buttons.",
    ].join("\n"),
    fields: [
      { label: "Budget", value: `${formatMoney(amount, currency)} / ${HORIZON_DAYS} days` },
      {
        label: `Expected ${what}`,
        value: formatReturn(plan.expected, goal, currency),
        tone: "good",
      },
      { label: "Same split as today", value: formatReturn(plan.baselineExpected, goal, currency) },
      {
        label: "Spend now",
        value: `${formatMoney(currentTotal, currency)} → ${formatReturn(plan.currentExpected, goal, currency)}`,
      },
    ],
    table: {
      columns: ["Campaign", "Now / 7 d", "Proposed", "Change", `Next $ returns`],
      rows: lines.map((l) => [
        name(l.id),
        formatMoney(l.current, currency),
        formatMoney(l.proposed, currency),
        changeText(l, currency),
        formatMarginal(l.marginal, goal, currency),
      ]),
    },
    charts: [planChart(lines, name, currency)],
    context: `Goal: ${goal} · ${inputs.label} · ${currency} · ${ctx.tenant.timezone}`,
    data: {
      plan: {
        amount,
        goal,
        horizon_days: HORIZON_DAYS,
        expected: plan.expected,
        expected_range: range ?? null,
        baseline_expected: plan.baselineExpected,
        current_expected: plan.currentExpected,
        window: inputs.window,
        allocations: lines.map((l) => ({
          campaign: { id: l.id, name: name(l.id) },
          current: l.current,
          baseline: l.baseline,
          proposed: l.proposed,
          marginal: l.marginal,
        })),
      },
    },
  };
}

function changeText(line: PlanLine, currency: string): string {
  const delta = line.proposed - line.current;
  if (Math.abs(delta) < 0.5) return "—";
  return `${delta > 0 ? "+" : "−"}${formatMoney(Math.abs(delta), currency)}`;
}

/** Current vs proposed weekly spend for the campaigns the plan moves most. */
function planChart(
  lines: readonly PlanLine[],
  name: (id: string) => string,
  currency: string,
): ReplyChart {
  const shown = [...lines]
    .sort((a, b) => Math.abs(b.proposed - b.current) - Math.abs(a.proposed - a.current))
    .slice(0, CHART_CAMPAIGNS)
    .sort((a, b) => b.proposed - a.proposed);
  return comparisonBarChart({
    id: "budget-plan",
    title:
      lines.length > shown.length
        ? `Weekly spend, current vs proposed — the ${shown.length} biggest changes`
        : "Weekly spend, current vs proposed",
    groupTitle: "Split",
    groups: ["Current", "Proposed"],
    // One money measure per campaign puts the campaigns along the x axis, current and proposed
    // side by side (comparisonBarChart's shared-unit layout).
    metrics: shown.map((l) => ({
      measure: money(name(l.id), currency),
      values: [l.current, l.proposed],
    })),
    // The shared-unit layout names its axes for metrics; here they are campaigns and spend.
    xTitle: "Campaign",
    yTitle: `Weekly spend (${currency})`,
  });
}
