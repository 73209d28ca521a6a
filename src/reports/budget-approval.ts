import type { ActionClick, ActionOutcome } from "../bot/action";
import type { Context } from "../bot/context";
import type { Reply } from "../bot/reply";
import { hasPermission } from "../core/permissions";
import type { BudgetDecision } from "../store/budget-recommendations-repository";
import type { BudgetRecommendation } from "../store/schema";
import { batchMessage, deciderName } from "./budget-message";
import { localDateTime } from "./local-time";

/**
 * An Approve or Reject click on a budget recommendation. Checked on every click, in this order:
 * the recommendation exists in the clicker's tenant; the clicker is a manager (granted role or
 * ADPULSE_MANAGERS) — otherwise a private refusal and a `budget.denied` audit row; it is still
 * open; whoever asked for it does not approve it (four-eyes). Then the store decides exactly once
 * (see BudgetRecommendationsRepository.decide): the winner's click updates the message for
 * everyone, every other click is told privately who decided first. The amount applied is the
 * stored one; the button only carries the recommendation's id.
 */
export async function decideFromClick(
  ctx: Context,
  click: ActionClick,
  decision: BudgetDecision,
): Promise<ActionOutcome> {
  const tenantId = ctx.tenant.id;
  const rec = await ctx.store.budget.get(tenantId, click.value.trim());
  if (!rec) {
    return {
      reply: refusal("This recommendation is unknown here", "unknown_recommendation", [
        "It may belong to another workspace, or have been removed. Ask again with `/campaign budget recommend`.",
      ]),
    };
  }
  if (click.channelId && click.messageId) {
    await ctx.store.budget.recordMessage(tenantId, rec.batch_id, {
      platform: click.platform,
      channelId: click.channelId,
      messageId: click.messageId,
    });
  }
  const now = ctx.clock.now();
  const verb = decision === "approved" ? "approve" : "reject";
  const deny = (reason: string) =>
    ctx.store.audit.append({
      tenantId,
      actor: ctx.user.id,
      action: "budget.denied",
      subject: rec.id,
      details: { decision: verb, reason },
      at: now,
    });

  if (!(await hasPermission(ctx, "approve_budget"))) {
    await deny("not_manager");
    return {
      reply: refusal("Only managers decide budget moves", "not_manager", [
        `You are not a manager here, so nothing changed. An admin can make you one with \`/campaign roles grant @you manager\`.`,
      ]),
    };
  }
  if (rec.status !== "pending") {
    if (rec.status === "expired") await deny("expired");
    return { reply: settledReply(rec, ctx) };
  }
  if (decision === "approved" && rec.requested_by === ctx.user.id) {
    await deny("self_approval");
    return {
      reply: refusal("Someone else must approve this", "self_approval", [
        "You asked for these recommendations, so another manager has to approve them (four-eyes rule). You may still reject it.",
      ]),
    };
  }

  const result = await ctx.store.budget.decide({
    tenantId,
    id: rec.id,
    decision,
    by: ctx.user.id,
    byName: ctx.user.name,
    now,
  });
  switch (result.outcome) {
    case "decided":
      ctx.log.info(
        { recommendation: rec.id, decision, changes: result.changes.length },
        "budget recommendation decided",
      );
      return { update: await batchMessage(ctx, rec.batch_id) };
    case "already_decided":
      return { reply: settledReply(result.recommendation, ctx) };
    case "expired":
      await deny("expired");
      return {
        update: await batchMessage(ctx, rec.batch_id),
        reply: settledReply(result.recommendation, ctx),
      };
    case "stale":
      return {
        update: await batchMessage(ctx, rec.batch_id),
        reply: refusal("Budgets changed since this was recommended", "stale", [
          `Nothing was applied (${result.note}). Ask for fresh recommendations with \`/campaign budget recommend\`.`,
        ]),
      };
    case "not_found":
      return { reply: refusal("This recommendation is unknown here", "unknown_recommendation") };
  }
}

/** The private answer to a click on a recommendation that is no longer open. */
function settledReply(rec: BudgetRecommendation, ctx: Context): Reply {
  const zone = ctx.tenant.timezone;
  const at = rec.decided_at ? localDateTime(rec.decided_at, zone) : "";
  switch (rec.status) {
    case "approved":
    case "rejected":
      return refusal(
        `Already ${rec.status} by ${deciderName(rec)}`,
        "already_decided",
        [`${deciderName(rec)} ${rec.status} it at ${at}, first; your click changed nothing.`],
        { decided_by: rec.decided_by, decided_at: rec.decided_at, status: rec.status },
      );
    case "expired":
      return refusal("This recommendation has expired", "expired", [
        `It was open until ${localDateTime(rec.expires_at, zone)} and can no longer be approved; nothing changed. Ask for fresh ones with \`/campaign budget recommend\`.`,
      ]);
    default:
      return refusal("This recommendation was withdrawn", "superseded", [
        `${rec.status_note ?? "Budgets changed since it was made"}; nothing changed. Ask for fresh ones with \`/campaign budget recommend\`.`,
      ]);
  }
}

function refusal(
  title: string,
  code: string,
  lines: string[] = [],
  extra: Record<string, unknown> = {},
): Reply {
  return {
    title,
    text: lines.join("\n") || undefined,
    ephemeral: true,
    tone: "bad",
    data: { error: { code, message: title, ...extra } },
  };
}
