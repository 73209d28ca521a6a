import { DateTime } from "luxon";
import type { Context } from "../bot/context";
import type { Reply, ReplyAction } from "../bot/reply";
import { formatReturn, HORIZON_DAYS, ROI_RULES, type RoiFlag } from "../core/budget/index";
import { formatMoney, formatPercent } from "../core/format";
import type { BudgetChange, BudgetRecommendation, Tenant } from "../store/schema";
import { parseJsonObject } from "../store/subscriptions-repository";
import type { BatchSummary } from "./budget-recommendations";
import { localDateTime } from "./local-time";

/** Button ids: numbered per message (Slack refuses repeated action ids), routed by prefix. */
export const APPROVE_ACTION = "budget.approve";
export const REJECT_ACTION = "budget.reject";

/** The status a recommendation shows: a pending one past its expiry reads as expired. */
function shownStatus(rec: BudgetRecommendation, now: Date): BudgetRecommendation["status"] {
  return rec.status === "pending" && rec.expires_at <= now.toISOString() ? "expired" : rec.status;
}

/** Who decided, as people know them. */
export function deciderName(rec: BudgetRecommendation): string {
  const who = rec.decided_by_name || rec.decided_by || "someone";
  return who.startsWith("@") || who.includes(":") ? who : `@${who}`;
}

/**
 * A batch's message as it stands now, read from the store: every move with its status, buttons
 * for the ones still open. The same function renders the first post, the weekly post and the
 * update everyone sees after a decision, so the message only ever changes where a status did.
 */
export async function batchMessage(
  ctx: Context,
  batchId: string,
  /** The batch's rows when the caller has just read them. */
  stored?: readonly BudgetRecommendation[],
): Promise<Reply> {
  const recs = stored ?? (await ctx.store.budget.listBatch(ctx.tenant.id, batchId));
  const [changes, campaigns] = await Promise.all([
    ctx.store.budget.changesFor(
      ctx.tenant.id,
      recs.map((r) => r.id),
    ),
    ctx.store.campaigns.list(ctx.tenant.id, {
      ids: [...new Set(recs.flatMap((r) => [r.from_campaign, r.to_campaign]))],
    }),
  ]);
  return renderBatch({
    recs,
    changes,
    names: new Map(campaigns.map((c) => [c.id, c.name])),
    tenant: ctx.tenant,
    now: ctx.clock.now(),
  });
}

interface BatchRenderInput {
  recs: readonly BudgetRecommendation[];
  changes: readonly BudgetChange[];
  names: ReadonlyMap<string, string>;
  tenant: Tenant;
  now: Date;
}

/** Pure part of {@link batchMessage}. */
function renderBatch(input: BatchRenderInput): Reply {
  const { recs, tenant, now } = input;
  const first = recs[0];
  if (!first) {
    return {
      title: "No budget recommendations",
      text: "This batch has no moves.",
      data: { recommendations: [] },
    };
  }
  const summary = parseJsonObject<BatchSummary>(first.batch_summary);
  const currency = tenant.currency;
  const zone = tenant.timezone;
  const name = (id: string) => input.names.get(id) ?? id;
  const goal = first.goal;
  const open = recs.filter((r) => shownStatus(r, now) === "pending");
  const withRoi = (id: string) => {
    const roi = summary.roi?.[id];
    return typeof roi === "number" ? `${name(id)} (ROI ${formatPercent(roi)})` : name(id);
  };

  const lines: string[] = [intro(summary, first, tenant)];
  for (const rec of recs) {
    const range =
      rec.gain_low !== null && rec.gain_high !== null
        ? ` (80 % range ${signedRange(rec.gain_low, rec.gain_high, goal, currency)})`
        : "";
    lines.push(
      "",
      `**${rec.position}. Move ${formatMoney(rec.amount, currency)} from ${withRoi(rec.from_campaign)} to ${withRoi(rec.to_campaign)}**`,
      `Expected ${signed(rec.expected_gain, goal, currency)}${goal === "revenue" ? " of revenue" : ""} over the next ${HORIZON_DAYS} days${range}.`,
      rec.reason,
      statusLine(rec, input, now),
    );
  }
  const rules = rulesLine(summary);
  if (rules) lines.push("", rules);

  const actions: ReplyAction[] = open.flatMap((rec) => [
    {
      id: `${APPROVE_ACTION}.${rec.position}`,
      label: `Approve #${rec.position}`,
      style: "primary" as const,
      value: rec.id,
    },
    {
      id: `${REJECT_ACTION}.${rec.position}`,
      label: `Reject #${rec.position}`,
      style: "danger" as const,
      value: rec.id,
    },
  ]);
  const decided = recs.length - open.length;
  return {
    title: `Budget recommendations — ${recs.length} move${recs.length === 1 ? "" : "s"}${decided > 0 ? `, ${decided} settled` : ""}`,
    text: lines.join("\n"),
    actions,
    context: [
      `Goal: ${goal}`,
      summary.label ?? "all campaigns",
      `guardrails: ±${summary.guardrails?.maxChangePct ?? "?"} % per campaign, budgets ≥ ${formatMoney(summary.guardrails?.minBudget ?? 0, currency)}`,
      open.length > 0 ? `open until ${localDateTime(first.expires_at, zone)}` : "all settled",
    ].join(" · "),
    tone: "neutral",
    data: {
      batch: first.batch_id,
      goal,
      window: summary.window,
      expires_at: first.expires_at,
      requested_by: first.requested_by,
      recommendations: recs.map((rec) => recommendationData(rec, input)),
      rules: summary.rules ?? { cut: [], scale: [] },
    },
  };
}

function intro(summary: BatchSummary, first: BudgetRecommendation, tenant: Tenant): string {
  const window = summary.window
    ? `daily spend and ${summary.goal === "conversions" ? "conversions" : "revenue"} from ${shortDay(summary.window.from)} to ${shortDay(summary.window.to)}`
    : "recent daily data";
  const curves =
    summary.considered !== undefined
      ? ` (${summary.considered} active campaigns; ${summary.curves} with a fitted diminishing-returns curve, the others on their average return)`
      : "";
  const who = first.requested_by
    ? `Asked for by ${first.requested_by}, so another manager must approve.`
    : "Posted by the weekly budget review.";
  return [
    `Fitted on ${window}${curves}. Amounts are spend over the next ${HORIZON_DAYS} days: approving a move shifts that much budget between the two campaigns. Only managers decide. ${who}`,
    tenant.currency !== "USD" ? `Amounts in ${tenant.currency}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

function statusLine(rec: BudgetRecommendation, input: BatchRenderInput, now: Date): string {
  const zone = input.tenant.timezone;
  const currency = input.tenant.currency;
  const at = rec.decided_at ? localDateTime(rec.decided_at, zone) : "";
  switch (shownStatus(rec, now)) {
    case "pending":
      return `⏳ Waiting for a manager: open until ${localDateTime(rec.expires_at, zone)}.`;
    case "approved": {
      const changes = input.changes.filter((c) => c.recommendation_id === rec.id);
      const to = changes.find((c) => c.campaign_id === rec.to_campaign);
      const from = changes.find((c) => c.campaign_id === rec.from_campaign);
      const name = (id: string) => input.names.get(id) ?? id;
      const budgets = [
        to
          ? `${name(to.campaign_id)} budget is now ${formatMoney(to.after, currency)} (was ${formatMoney(to.before, currency)})`
          : "",
        from
          ? `${name(from.campaign_id)} ${formatMoney(from.after, currency)} (was ${formatMoney(from.before, currency)})`
          : "",
      ].filter(Boolean);
      return `✅ Approved by ${deciderName(rec)} at ${at}${budgets.length ? `; ${budgets.join(", ")}` : ""}.`;
    }
    case "rejected":
      return `❌ Rejected by ${deciderName(rec)} at ${at}; budgets unchanged.`;
    case "expired":
      return `⌛ Expired at ${localDateTime(rec.expires_at, zone)} without a decision; budgets unchanged.`;
    case "superseded":
      return `↷ Withdrawn${at ? ` at ${at}` : ""}: ${rec.status_note ?? "budgets changed since"}; ask again with \`/campaign budget recommend\`.`;
  }
}

function rulesLine(summary: BatchSummary): string | undefined {
  const rules = summary.rules;
  if (!rules) return undefined;
  const list = (flags: readonly RoiFlag[]) =>
    flags.length === 0
      ? "none"
      : `${flags
          .slice(0, 5)
          .map((f) => `${f.name} (${formatPercent(f.roi)})`)
          .join(", ")}${flags.length > 5 ? ` and ${flags.length - 5} more` : ""}`;
  return [
    `**Rules of thumb** (ROI over the same days): cut below ${ROI_RULES.cutBelow} % — ${list(rules.cut)}; scale above ${ROI_RULES.scaleAbove} % — ${list(rules.scale)}.`,
    "They ignore diminishing returns, so the moves above can differ from them.",
  ].join(" ");
}

function recommendationData(rec: BudgetRecommendation, input: BatchRenderInput) {
  const changes = input.changes.filter((c) => c.recommendation_id === rec.id);
  return {
    id: rec.id,
    position: rec.position,
    from: { id: rec.from_campaign, name: input.names.get(rec.from_campaign) ?? rec.from_campaign },
    to: { id: rec.to_campaign, name: input.names.get(rec.to_campaign) ?? rec.to_campaign },
    amount: rec.amount,
    expected_gain: rec.expected_gain,
    gain_range:
      rec.gain_low !== null && rec.gain_high !== null
        ? { low: rec.gain_low, high: rec.gain_high }
        : null,
    marginal: { from: rec.from_marginal, to: rec.to_marginal },
    reason: rec.reason,
    status: shownStatus(rec, input.now),
    decided_by: rec.decided_by,
    decided_at: rec.decided_at,
    expires_at: rec.expires_at,
    changes: changes.map((c) => ({ campaign: c.campaign_id, before: c.before, after: c.after })),
  };
}

function signed(value: number, goal: BudgetRecommendation["goal"], currency: string): string {
  const text = formatReturn(Math.abs(value), goal, currency);
  return `${value < 0 ? "−" : "+"}${text}`;
}

/** `+$5,149 to +$5,433`, `+25 to +27 conversions`. */
function signedRange(
  low: number,
  high: number,
  goal: BudgetRecommendation["goal"],
  currency: string,
): string {
  if (goal === "revenue")
    return `${signed(low, goal, currency)} to ${signed(high, goal, currency)}`;
  const bare = (v: number) => signed(v, goal, currency).replace(/ conversions?$/, "");
  return `${bare(low)} to ${bare(high)} conversions`;
}

function shortDay(day: string): string {
  return DateTime.fromISO(day, { zone: "utc" }).toFormat("d LLL");
}

/** The answer when no move is worth a decision: why, and the ROI rules of thumb anyway. */
export function noMovesReply(summary: BatchSummary, tenant: Tenant): Reply {
  const rules = rulesLine(summary);
  return {
    title: "No budget moves worth making",
    text: [
      `Across ${summary.considered} active campaigns (${shortDay(summary.window.from)} to ${shortDay(summary.window.to)}), no move from a campaign whose next dollar returns less to one whose next dollar returns more gains enough within the guardrails (±${summary.guardrails.maxChangePct} % per campaign, budgets ≥ ${formatMoney(summary.guardrails.minBudget, tenant.currency)}).`,
      ...(rules ? ["", rules] : []),
    ].join("\n"),
    context: `Goal: ${summary.goal} · ${summary.label}`,
    data: {
      batch: null,
      goal: summary.goal,
      window: summary.window,
      recommendations: [],
      rules: summary.rules,
    },
  };
}
