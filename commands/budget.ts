import type { ActionClick } from "../src/bot/action";
import { defineCommand } from "../src/bot/command";
import { platformOption, typeOption } from "../src/bot/common-options";
import type { Context } from "../src/bot/context";
import { UserError } from "../src/bot/errors";
import { echo } from "../src/bot/option-values";
import type { Reply } from "../src/bot/reply";
import { BUDGET_GOALS, type BudgetGoal } from "../src/core/budget/index";
import { describeSchedule, isoWeekdayOf, WEEKDAY_WORDS } from "../src/core/schedule/schedule-spec";
import { nextSlotAfter } from "../src/core/schedule/slots";
import { decideFromClick } from "../src/reports/budget-approval";
import { buildHistoryReply } from "../src/reports/budget-history";
import {
  APPROVE_ACTION,
  batchMessage,
  noMovesReply,
  REJECT_ACTION,
} from "../src/reports/budget-message";
import { buildPlanReply } from "../src/reports/budget-plan";
import {
  BUDGET_SUBSCRIPTION_KIND,
  type BudgetSubscriptionOptions,
  computeRecommendations,
} from "../src/reports/budget-recommendations";
import { channelOf, saveChannelSubscription } from "../src/reports/channel-subscription";
import { localDateTime } from "../src/reports/local-time";
import { subscriptionSpec } from "../src/scheduler/subscription-spec";
import type { CampaignType, Platform, Subscription } from "../src/store/schema";
import { parseJsonObject } from "../src/store/subscriptions-repository";

const ACTIONS = [
  "recommend",
  "plan",
  "history",
  "approve",
  "reject",
  "subscribe",
  "unsubscribe",
] as const;
type BudgetAction = (typeof ACTIONS)[number];

/**
 * `budget recommend [total]` posts budget moves (amount, from, to, expected gain with its range,
 * one-sentence reason) with Approve / Reject buttons for managers; `budget plan <amount>` shows the
 * best split of a weekly budget (current vs proposed chart); `budget history` lists decisions;
 * `budget approve|reject <id>` decides without a button (console, CLI); `budget subscribe [day]
 * [HH:MM] [zone]` posts recommendations to this channel every week.
 */
export default defineCommand({
  name: "budget",
  description:
    "Budget moves managers approve with a click, the best split of a budget, decision history",
  examples: [
    "budget recommend",
    "budget recommend 5000",
    "budget plan 20000",
    "budget plan 20000 conversions platform:google",
    "budget history",
    "budget subscribe monday 09:00 Europe/Paris",
    "budget approve br-1a2b3c4d",
  ],
  options: [
    {
      name: "action",
      kind: "choice",
      description: "recommend, plan, history, approve, reject, subscribe or unsubscribe",
      required: true,
      choices: ACTIONS,
    },
    {
      name: "amount",
      kind: "number",
      description: "recommend: most to move in all; plan: the budget to split over the next 7 days",
    },
    {
      name: "day",
      kind: "choice",
      description: "subscribe: weekday of the weekly post (default Monday)",
      choices: WEEKDAY_WORDS,
    },
    {
      name: "time",
      kind: "time",
      description: "subscribe: local time of the weekly post (default 09:00)",
    },
    {
      name: "timezone",
      kind: "timezone",
      description: "subscribe: IANA time zone, e.g. Europe/Paris (default: the workspace's)",
    },
    {
      name: "goal",
      kind: "choice",
      description: "Maximise revenue (default) or conversions",
      choices: BUDGET_GOALS,
    },
    platformOption,
    typeOption,
    { name: "id", kind: "text", description: "approve / reject: the recommendation's id (br-…)" },
  ] as const,

  async run(ctx, args) {
    const action = args.action as BudgetAction;
    const goal = (args.goal ?? "revenue") as BudgetGoal;
    const scope = { goal, platform: args.platform, type: args.type };
    switch (action) {
      case "recommend":
        return recommend(ctx, { ...scope, totalCap: args.amount });
      case "plan":
        if (args.amount === undefined) {
          throw new UserError("How much should the plan split?", "missing_argument", [
            "Example: `/campaign budget plan 20000` splits $20,000 of spend over the next 7 days.",
          ]);
        }
        return buildPlanReply(ctx, args.amount, scope);
      case "history":
        return buildHistoryReply(ctx);
      case "approve":
      case "reject":
        return decideByText(ctx, action, args.id);
      case "subscribe":
        return subscribe(ctx, { ...args, goal });
      case "unsubscribe":
        return unsubscribe(ctx);
    }
  },

  actions: [
    { id: APPROVE_ACTION, handle: (ctx, click) => decideFromClick(ctx, click, "approved") },
    { id: REJECT_ACTION, handle: (ctx, click) => decideFromClick(ctx, click, "rejected") },
  ],
});

async function recommend(
  ctx: Context,
  request: { goal: BudgetGoal; platform?: Platform; type?: CampaignType; totalCap?: number },
): Promise<Reply> {
  if (request.totalCap !== undefined && !(request.totalCap > 0)) {
    throw new UserError("The most to move must be a positive amount.", "invalid_amount", [
      "Example: `/campaign budget recommend 5000` moves at most $5,000 in all.",
    ]);
  }
  const batchId = ctx.ids.next("bb-");
  const computed = await computeRecommendations(ctx, {
    ...request,
    requestedBy: ctx.user.id,
    batchId,
  });
  if (computed.rows.length === 0) return noMovesReply(computed.summary, ctx.tenant);
  await ctx.store.budget.createBatch(computed.rows);
  return batchMessage(ctx, batchId);
}

/** `budget approve|reject <id>`: the buttons' decision, typed (console and CLI have no buttons). */
async function decideByText(
  ctx: Context,
  action: "approve" | "reject",
  id: string | undefined,
): Promise<Reply> {
  if (!id?.trim()) {
    throw new UserError(
      `Which recommendation should I ${action}? Give its id.`,
      "missing_argument",
      [
        "Ids (`br-…`) are in `data.recommendations` of `/campaign budget recommend`, or use the buttons.",
      ],
    );
  }
  const click: ActionClick = {
    platform: ctx.platform,
    tenantId: ctx.tenant.id,
    userId: ctx.user.id,
    userName: ctx.user.name,
    channelId: ctx.channelId,
    actionId: action === "approve" ? APPROVE_ACTION : REJECT_ACTION,
    value: id.trim(),
  };
  const outcome = await decideFromClick(ctx, click, action === "approve" ? "approved" : "rejected");
  const reply = outcome.reply ?? outcome.update;
  if (!reply) throw new Error("a budget decision produced no answer");
  return reply;
}

async function subscribe(
  ctx: Context,
  args: {
    day?: string;
    time?: string;
    timezone?: string;
    goal: BudgetGoal;
    platform?: Platform;
    type?: CampaignType;
    id?: string;
    amount?: number;
  },
): Promise<Reply> {
  const channelId = reviewChannel(ctx);
  if (args.id || args.amount !== undefined) {
    throw new UserError(
      `I didn't understand "${echo(args.id ?? String(args.amount))}".`,
      "unexpected_argument",
      ["Example: `/campaign budget subscribe monday 09:00 Europe/Paris`"],
    );
  }
  const now = ctx.clock.now();
  const day = isoWeekdayOf(args.day ?? "monday");
  const options: BudgetSubscriptionOptions = {
    goal: args.goal,
    ...(args.platform ? { platform: args.platform } : {}),
    ...(args.type ? { type: args.type } : {}),
  };
  const schedule = {
    cadence: "weekly" as const,
    time: args.time ?? "09:00",
    timezone: args.timezone ?? ctx.tenant.timezone,
    day,
    options: JSON.stringify(options),
    late_policy: "once" as const,
    paused: 0,
    active_from: now.toISOString(),
  };
  const existing = await findSubscription(ctx, channelId);
  const subscription = await saveChannelSubscription(ctx, {
    existing,
    kind: BUDGET_SUBSCRIPTION_KIND,
    idPrefix: "bs-",
    channelId,
    schedule,
    now,
  });
  const spec = subscriptionSpec(subscription);
  const next = nextSlotAfter(spec, now);
  return {
    title: existing ? "Weekly budget review rescheduled" : "Weekly budget review scheduled",
    text: [
      `This channel gets budget recommendations **${describeSchedule(spec)}**, with Approve / Reject buttons for managers (goal: ${args.goal}).`,
      `Next one: ${localDateTime(next, spec.timezone)}. \`/campaign budget unsubscribe\` stops it.`,
    ].join("\n"),
    tone: "good",
    data: {
      subscription: {
        id: subscription.id,
        channel: subscription.channel_id,
        platform: subscription.platform,
        day: subscription.day,
        time: subscription.time,
        timezone: subscription.timezone,
        options,
      },
      next_at: next.toISOString(),
    },
  };
}

async function unsubscribe(ctx: Context): Promise<Reply> {
  const channelId = reviewChannel(ctx);
  const existing = await findSubscription(ctx, channelId);
  if (!existing) {
    throw new UserError("This channel has no weekly budget review.", "no_subscription", [
      "Subscribe with `/campaign budget subscribe monday 09:00`.",
    ]);
  }
  await ctx.store.subscriptions.remove(ctx.tenant.id, existing.id);
  return {
    title: "Weekly budget review stopped",
    text: `This channel no longer gets weekly budget recommendations (\`${existing.id}\`). Recommendations already posted can still be decided until they expire.`,
    data: {
      removed: existing.id,
      options: parseJsonObject<BudgetSubscriptionOptions>(existing.options),
    },
  };
}

async function findSubscription(
  ctx: Context,
  channelId: string,
): Promise<Subscription | undefined> {
  const here = await ctx.store.subscriptions.list(ctx.tenant.id, {
    kind: BUDGET_SUBSCRIPTION_KIND,
    channelId,
  });
  return here.find((s) => s.platform === ctx.platform);
}

/** Where the weekly review is posted: the channel the command was typed in. */
function reviewChannel(ctx: Context): string {
  return channelOf(
    ctx,
    "Weekly budget reviews are posted into a channel.",
    "Type the command in the channel that should receive them.",
  );
}
