import type { Context } from "../bot/context";
import type { Reply } from "../bot/reply";
import { formatMoney } from "../core/format";
import { parseJsonObject } from "../store/subscriptions-repository";
import { deciderName } from "./budget-message";
import { localDateTime } from "./local-time";

/**
 * `/campaign budget history`: the latest decisions (who, what, when, budgets before and after),
 * newest first, and the budget entries of the append-only audit log (refused clicks included).
 * `data.decisions` is what `adpulse ask "/campaign budget history" --json` lists.
 */
export async function buildHistoryReply(ctx: Context, limit = 20): Promise<Reply> {
  const [decisions, audit] = await Promise.all([
    ctx.store.budget.decisions(ctx.tenant.id, limit),
    ctx.store.audit.list(ctx.tenant.id, { action: "budget.", limit }),
  ]);
  const ids = [
    ...new Set(
      decisions.flatMap((d) => [d.recommendation.from_campaign, d.recommendation.to_campaign]),
    ),
  ];
  const campaigns = await ctx.store.campaigns.list(ctx.tenant.id, { ids });
  const names = new Map(campaigns.map((c) => [c.id, c.name]));
  const name = (id: string) => names.get(id) ?? id;
  const currency = ctx.tenant.currency;
  const zone = ctx.tenant.timezone;

  const data = decisions.map(({ recommendation: r, changes }) => {
    const side = (id: string) => {
      const change = changes.find((c) => c.campaign_id === id);
      return { id, name: name(id), before: change?.before ?? null, after: change?.after ?? null };
    };
    return {
      id: r.id,
      status: r.status,
      decided_by: r.decided_by,
      decided_by_name: r.decided_by_name,
      decided_at: r.decided_at,
      requested_by: r.requested_by,
      amount: r.amount,
      goal: r.goal,
      expected_gain: r.expected_gain,
      from: side(r.from_campaign),
      to: side(r.to_campaign),
    };
  });
  const budgets = (d: (typeof data)[number]["from"]) =>
    d.before === null || d.after === null
      ? "unchanged"
      : `${formatMoney(d.before, currency)} → ${formatMoney(d.after, currency)}`;

  return {
    title: `Budget decisions — ${decisions.length === 0 ? "none yet" : `the last ${decisions.length}`}`,
    text:
      decisions.length === 0
        ? "No budget recommendation has been approved or rejected yet. `/campaign budget recommend` posts some with Approve / Reject buttons."
        : "Newest first. Approved moves changed the stored budgets shown; every decision and refused click is in the audit log.",
    table: decisions.length
      ? {
          columns: [
            "When",
            "Decision",
            "By",
            "Move",
            "From (before → after)",
            "To (before → after)",
          ],
          rows: decisions.map(({ recommendation: r }, i) => {
            const d = data[i] as (typeof data)[number];
            return [
              r.decided_at ? localDateTime(r.decided_at, zone) : "—",
              r.status,
              deciderName(r),
              `${formatMoney(r.amount, currency)}: ${name(r.from_campaign)} → ${name(r.to_campaign)}`,
              budgets(d.from),
              budgets(d.to),
            ];
          }),
        }
      : undefined,
    ephemeral: true,
    data: {
      decisions: data,
      audit: audit.map((a) => ({
        at: a.at,
        actor: a.actor,
        action: a.action,
        subject: a.subject,
        details: parseJsonObject<Record<string, unknown>>(a.details),
      })),
    },
  };
}
