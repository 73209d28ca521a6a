import type { Context } from "../bot/context";
import { UserError } from "../bot/errors";
import type { Subscription } from "../store/schema";

/** When a subscription fires and with which options: what subscribing again may change. */
export type SubscriptionSchedule = Pick<
  Subscription,
  "cadence" | "time" | "day" | "timezone" | "options" | "late_policy" | "paused" | "active_from"
>;

/**
 * The channel a scheduled post goes to: the one the command was typed in (the console counts as
 * one channel). A direct message has none, so the command refuses with `no_channel` and the
 * caller's own wording of what it posts and where to type it.
 *
 * @example channelOf(ctx, "Digests are posted into a channel.", "Type the command in the channel that should receive the digest.")
 */
export function channelOf(ctx: Context, message: string, hint: string): string {
  const channelId = ctx.channelId ?? (ctx.platform === "console" ? "console" : undefined);
  if (!channelId) throw new UserError(message, "no_channel", [hint]);
  return channelId;
}

/**
 * Saves a channel's subscription: reschedules `existing` when the channel has one (subscribing
 * again must not post twice), otherwise creates one owned by the user who asked. Returns the
 * stored row.
 *
 * @example
 * await saveChannelSubscription(ctx, { existing, kind: "digest", idPrefix: "dg-", channelId, schedule, now });
 */
export async function saveChannelSubscription(
  ctx: Context,
  {
    existing,
    kind,
    idPrefix,
    channelId,
    schedule,
    now,
  }: {
    existing: Subscription | undefined;
    kind: string;
    /** Start of a new subscription's id, which people type (`dg-…`): says what it is. */
    idPrefix: string;
    channelId: string;
    schedule: SubscriptionSchedule;
    /** The instant the schedule was made at (its `active_from`), stamped on the row too. */
    now: Date;
  },
): Promise<Subscription> {
  if (existing) {
    await ctx.store.subscriptions.update(ctx.tenant.id, existing.id, schedule, now);
    return (await ctx.store.subscriptions.get(ctx.tenant.id, existing.id)) ?? existing;
  }
  return ctx.store.subscriptions.create({
    id: ctx.ids.next(idPrefix),
    tenant_id: ctx.tenant.id,
    kind,
    platform: ctx.platform,
    channel_id: channelId,
    owner_id: ctx.user.id,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    ...schedule,
  });
}
