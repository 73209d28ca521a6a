import { isUserError } from "../src/bot/errors";
import type { Reply } from "../src/bot/reply";
import { DEFAULT_GUARDRAILS } from "../src/core/budget/index";
import { describeSchedule } from "../src/core/schedule/schedule-spec";
import { loadBudgetInputs } from "../src/reports/budget-inputs";
import { batchMessage, noMovesReply } from "../src/reports/budget-message";
import {
  BUDGET_SUBSCRIPTION_KIND,
  type BudgetSubscriptionOptions,
  computeRecommendations,
  summarizeBatch,
} from "../src/reports/budget-recommendations";
import { defineSlotJob } from "../src/scheduler/slot-job";
import {
  isChannelAccessError,
  subscriptionSchedule,
  subscriptionSpec,
} from "../src/scheduler/subscription-spec";
import type { NewBudgetRecommendation, Subscription } from "../src/store/schema";
import { parseJsonObject } from "../src/store/subscriptions-repository";

/**
 * `budget-weekly`: each channel subscribed with `/campaign budget subscribe` gets budget
 * recommendations with Approve / Reject buttons at its weekly slot. The scheduler's slot engine
 * makes each slot run once; the recommendations of a slot are stored in the same transaction as
 * its delivery rows (batch id = the run key), so a resumed run posts exactly the same moves and a
 * rerun never creates a second set. Weekly posts have no requester: any manager may approve them.
 */
export default defineSlotJob<Subscription>({
  name: "budget-weekly",
  description:
    "post budget recommendations with Approve / Reject buttons to subscribed channels, weekly",
  listSubjects: (store, platforms) =>
    store.subscriptions.listActive(BUDGET_SUBSCRIPTION_KIND, platforms),
  findSubject: async (store, id) => {
    const subscription = await store.subscriptions.byId(id);
    return subscription?.kind === BUDGET_SUBSCRIPTION_KIND ? subscription : undefined;
  },
  schedule: subscriptionSchedule,
  prepare: async ({ ctx, run, subject }) => {
    const options = parseJsonObject<BudgetSubscriptionOptions>(subject.options);
    let rows: NewBudgetRecommendation[] = [];
    try {
      rows = (
        await computeRecommendations(ctx, {
          goal: options.goal ?? "revenue",
          platform: options.platform,
          type: options.type,
          requestedBy: null,
          batchId: run.run_key,
        })
      ).rows;
    } catch (error) {
      // No campaigns or no recent data: the message says so (render), nothing to store.
      if (!isUserError(error)) throw error;
    }
    return {
      channels: [{ platform: subject.platform, channelId: subject.channel_id }],
      write: (trx) => trx.budget.createBatch(rows),
    };
  },
  render: async ({ ctx, run, subject }) => {
    const stored = await ctx.store.budget.listBatch(ctx.tenant.id, run.run_key);
    if (stored.length > 0) return batchMessage(ctx, run.run_key, stored);
    const options = parseJsonObject<BudgetSubscriptionOptions>(subject.options);
    const goal = options.goal ?? "revenue";
    try {
      const inputs = await loadBudgetInputs(
        ctx,
        { goal, platform: options.platform, type: options.type },
        DEFAULT_GUARDRAILS,
      );
      return noMovesReply(summarizeBatch(inputs, { goal }), ctx.tenant);
    } catch (error) {
      if (!isUserError(error)) throw error;
      return {
        title: "No budget recommendations this week",
        text: [error.message, ...error.hints].join("\n"),
        data: { batch: null, recommendations: [], error: { code: error.code } },
      };
    }
  },
  failureNotice: ({ run, subject: s }, delivery, error): Reply => ({
    title: "Your weekly budget review could not be posted",
    text: [
      `The ${describeSchedule(subscriptionSpec(s))} budget review \`${s.id}\` for channel \`${delivery.channel_id}\` (due ${run.scheduled_for}) could not be posted: ${error}.`,
      isChannelAccessError(error)
        ? "Invite adpulse to the channel (`/invite @adpulse` in Slack), then the next one goes out."
        : "The next one will try again; `/campaign budget unsubscribe` in that channel stops them.",
    ].join("\n"),
    tone: "bad",
    data: {
      failure: { subscription: s.id, run_key: run.run_key, channel: delivery.channel_id, error },
    },
  }),
});
