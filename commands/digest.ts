import { defineCommand } from "../src/bot/command";
import { METRIC_CHOICES, platformOption, typeOption } from "../src/bot/common-options";
import type { Context } from "../src/bot/context";
import { UserError } from "../src/bot/errors";
import { echo } from "../src/bot/option-values";
import type { Reply } from "../src/bot/reply";
import { LATE_POLICIES } from "../src/core/schedule/due";
import {
  describeSchedule,
  isoWeekdayOf,
  type SubscriptionCadence,
  WEEKDAY_WORDS,
} from "../src/core/schedule/schedule-spec";
import { nextSlotAfter } from "../src/core/schedule/slots";
import { channelOf, saveChannelSubscription } from "../src/reports/channel-subscription";
import { buildDigest } from "../src/reports/digest-report";
import { localDateTime } from "../src/reports/local-time";
import { subscriptionSpec } from "../src/scheduler/subscription-spec";
import type {
  CampaignType,
  Platform,
  Subscription,
  SubscriptionOptions,
} from "../src/store/schema";
import { parseJsonObject } from "../src/store/subscriptions-repository";

const CADENCES = ["daily", "weekly", "monthly"] as const;
const ACTIONS = [...CADENCES, "list", "pause", "resume", "remove", "test", "history"] as const;

/**
 * `digest daily|weekly|monthly HH:MM [timezone] [options]` subscribes the channel it is typed in;
 * `digest list|pause|resume|remove|test|history [id]` manage it. The scheduler (jobs/digest.ts)
 * posts each subscription exactly once per slot at its local time.
 */
export default defineCommand({
  name: "digest",
  description:
    "Subscribe this channel to a daily, weekly or monthly KPI digest; list or manage digests",
  examples: [
    "digest daily 09:00 Europe/Paris",
    "digest weekly friday 16:30 America/New_York platform:facebook",
    "digest monthly 08:00 late:skip",
    "digest list",
    "digest test",
    "digest history",
    "digest pause dg-1a2b3c4d",
  ],
  options: [
    {
      name: "action",
      kind: "choice",
      description:
        "daily, weekly or monthly to subscribe; list, pause, resume, remove, test, history",
      required: true,
      choices: ACTIONS,
    },
    {
      name: "day",
      kind: "choice",
      description: "Weekly digests: the weekday (default Monday)",
      choices: WEEKDAY_WORDS,
    },
    { name: "time", kind: "time", description: "Local time of day, e.g. 09:00" },
    {
      name: "timezone",
      kind: "timezone",
      description: "IANA time zone, e.g. Europe/Paris (default: the workspace's)",
    },
    {
      name: "metric",
      kind: "metric",
      description: "Rank top and bottom campaigns by this metric (default roi)",
      choices: METRIC_CHOICES,
    },
    {
      name: "late",
      kind: "choice",
      description: "If adpulse was down at digest time: once (post it late, default) or skip",
      choices: LATE_POLICIES,
    },
    platformOption,
    typeOption,
    {
      name: "id",
      kind: "text",
      description: "Digest id (for pause, resume, remove, test, history)",
    },
  ] as const,

  async run(ctx, args) {
    const channelId = channelOf(
      ctx,
      "Digests are posted into a channel.",
      "Type the command in the channel that should receive the digest.",
    );
    const action = args.action as (typeof ACTIONS)[number];
    if ((CADENCES as readonly string[]).includes(action)) {
      return subscribe(ctx, channelId, action as SubscriptionCadence, args);
    }
    if (action === "list") return listDigests(ctx, channelId);
    if (action === "history") return history(ctx, channelId, args.id);
    const target = await findTarget(ctx, channelId, args.id, action);
    if (action === "test") return testDigest(ctx, target);
    return manage(ctx, target, action as "pause" | "resume" | "remove");
  },
});

interface SubscribeArgs {
  day?: string;
  time?: string;
  timezone?: string;
  metric?: string;
  late?: string;
  platform?: Platform;
  type?: CampaignType;
  id?: string;
}

async function subscribe(
  ctx: Context,
  channelId: string,
  cadence: SubscriptionCadence,
  args: SubscribeArgs,
): Promise<Reply> {
  if (args.id) {
    throw new UserError(`I didn't understand "${echo(args.id)}".`, "unexpected_argument", [
      "Time zones are IANA names such as `Europe/Paris`; times look like `09:00`.",
      `Example: \`/campaign digest ${cadence} 09:00 Europe/Paris\``,
    ]);
  }
  if (!args.time) {
    throw new UserError(`A ${cadence} digest needs a time of day.`, "missing_argument", [
      `Example: \`/campaign digest ${cadence} 09:00 ${ctx.tenant.timezone}\``,
    ]);
  }
  if (args.day && cadence !== "weekly") {
    throw new UserError("A weekday only applies to weekly digests.", "unexpected_argument", [
      "Example: `/campaign digest weekly friday 16:00`",
    ]);
  }
  const now = ctx.clock.now();
  const day =
    cadence === "weekly" ? isoWeekdayOf(args.day ?? "monday") : cadence === "monthly" ? 1 : null;
  const options: SubscriptionOptions = {
    ...(args.platform ? { platform: args.platform } : {}),
    ...(args.type ? { type: args.type } : {}),
    ...(args.metric ? { metric: args.metric } : {}),
  };
  const schedule = {
    cadence,
    time: args.time,
    timezone: args.timezone ?? ctx.tenant.timezone,
    day,
    options: JSON.stringify(options),
    late_policy: (args.late ?? "once") as "once" | "skip",
    paused: 0,
    active_from: now.toISOString(),
  };

  // One digest per cadence per channel: subscribing again reschedules it.
  const existing = (
    await ctx.store.subscriptions.list(ctx.tenant.id, { kind: "digest", channelId })
  ).find((s) => s.cadence === cadence && s.platform === ctx.platform);
  const subscription = await saveChannelSubscription(ctx, {
    existing,
    kind: "digest",
    idPrefix: "dg-",
    channelId,
    schedule,
    now,
  });
  const spec = subscriptionSpec(subscription);
  const next = nextSlotAfter(spec, now);
  const covers = {
    daily: "yesterday against the day before",
    weekly: "the last 7 days against the 7 before",
    monthly: "last month against the month before",
  }[cadence];
  return {
    title: existing ? "Digest rescheduled" : "Digest scheduled",
    text: [
      `This channel gets a **${describeSchedule(spec)}** digest: ${covers}, top and bottom campaigns, anomalies and recommendations.`,
      `Next one: ${localDateTime(next, spec.timezone)}. If adpulse is down at that time it is ${subscription.late_policy === "skip" ? "skipped" : "posted once, marked late"}.`,
      `Id \`${subscription.id}\` — \`/campaign digest test ${subscription.id}\` sends one now.`,
    ].join("\n"),
    tone: "good",
    data: { subscription: subscriptionData(subscription), next_at: next.toISOString() },
  };
}

async function listDigests(ctx: Context, channelId: string): Promise<Reply> {
  const all = await ctx.store.subscriptions.list(ctx.tenant.id, { kind: "digest" });
  const now = ctx.clock.now();
  if (all.length === 0) {
    return {
      title: "No digests yet",
      text: "Subscribe this channel with `/campaign digest daily 09:00` (add a time zone such as `Europe/Paris`).",
      ephemeral: true,
      data: { subscriptions: [] },
    };
  }
  return {
    title: `Digests — ${all.length}`,
    table: {
      columns: ["Id", "Channel", "Schedule", "Filters", "If late", "Status", "Next"],
      rows: all.map((s) => [
        s.id,
        s.channel_id === channelId ? `${s.channel_id} (here)` : s.channel_id,
        describeSchedule(subscriptionSpec(s)),
        filtersLabel(parseJsonObject<SubscriptionOptions>(s.options)),
        s.late_policy,
        s.paused ? "paused" : "active",
        s.paused ? "—" : localDateTime(nextSlotAfter(subscriptionSpec(s), now), s.timezone),
      ]),
    },
    context: "`/campaign digest pause|resume|remove|test|history <id>`",
    ephemeral: true,
    data: { subscriptions: all.map(subscriptionData) },
  };
}

async function findTarget(
  ctx: Context,
  channelId: string,
  id: string | undefined,
  action: string,
): Promise<Subscription> {
  if (id) {
    const found = await ctx.store.subscriptions.get(ctx.tenant.id, id.trim().toLowerCase());
    if (found?.kind !== "digest") {
      throw new UserError(`There is no digest "${echo(id)}".`, "unknown_digest", [
        "`/campaign digest list` shows every digest and its id.",
      ]);
    }
    return found;
  }
  const here = await ctx.store.subscriptions.list(ctx.tenant.id, { kind: "digest", channelId });
  if (here.length === 1) return here[0] as Subscription;
  throw new UserError(
    here.length === 0
      ? "This channel has no digest."
      : `This channel has ${here.length} digests: say which one.`,
    here.length === 0 ? "no_digest" : "which_digest",
    here.length === 0
      ? ["Subscribe with `/campaign digest daily 09:00`, or see all with `/campaign digest list`."]
      : here.map(
          (s) =>
            `\`/campaign digest ${action} ${s.id}\` — ${describeSchedule(subscriptionSpec(s))}`,
        ),
  );
}

async function manage(
  ctx: Context,
  target: Subscription,
  action: "pause" | "resume" | "remove",
): Promise<Reply> {
  const now = ctx.clock.now();
  const what = `${describeSchedule(subscriptionSpec(target))} digest \`${target.id}\``;
  if (action === "remove") {
    await ctx.store.subscriptions.remove(ctx.tenant.id, target.id);
    return {
      title: "Digest removed",
      text: `The ${what} will not be posted any more.`,
      data: { removed: target.id },
    };
  }
  const paused = action === "pause" ? 1 : 0;
  // Resuming starts afresh: slots missed while paused are not posted late.
  await ctx.store.subscriptions.update(
    ctx.tenant.id,
    target.id,
    action === "resume" ? { paused, active_from: now.toISOString() } : { paused },
    now,
  );
  const next = nextSlotAfter(subscriptionSpec(target), now);
  return {
    title: action === "pause" ? "Digest paused" : "Digest resumed",
    text:
      action === "pause"
        ? `The ${what} is paused: \`/campaign digest resume ${target.id}\` brings it back.`
        : `The ${what} is back. Next one: ${localDateTime(next, target.timezone)}.`,
    data: { subscription: { ...subscriptionData(target), paused: paused === 1 } },
  };
}

async function testDigest(ctx: Context, target: Subscription): Promise<Reply> {
  return buildDigest(ctx, {
    cadence: target.cadence,
    slot: ctx.clock.now(),
    timezone: target.timezone,
    options: parseJsonObject<SubscriptionOptions>(target.options),
    subscriptionId: target.id,
    schedule: describeSchedule(subscriptionSpec(target)),
    test: true,
  });
}

async function history(ctx: Context, channelId: string, id: string | undefined): Promise<Reply> {
  const subs = id
    ? [await findTarget(ctx, channelId, id, "history")]
    : await ctx.store.subscriptions.list(ctx.tenant.id, { kind: "digest", channelId });
  const runs = await ctx.store.jobRuns.history(ctx.tenant.id, "digest", {
    subjectIds: subs.map((s) => s.id),
    limit: 15,
  });
  const zoneOf = new Map(subs.map((s) => [s.id, s.timezone]));
  const rows = runs.map((r) => {
    const status =
      r.status === "skipped"
        ? "skipped (late)"
        : (r.delivery?.status ?? (r.status === "done" ? (r.outcome ?? "done") : "running"));
    const detail =
      r.delivery?.status === "failed"
        ? (r.delivery.last_error ?? "")
        : r.delivery?.status === "sent"
          ? `sent ${r.delivery.sent_at?.slice(11, 16) ?? ""} UTC`
          : (r.delivery?.last_error ?? "");
    return [
      localDateTime(new Date(r.scheduled_for), zoneOf.get(r.subject_id) ?? ctx.tenant.timezone),
      r.subject_id,
      `${status}${r.late ? ", late" : ""}${r.missed ? ` (${r.missed} missed before)` : ""}`,
      r.delivery?.attempts ?? 0,
      detail,
    ];
  });
  const failed = runs.filter((r) => r.delivery?.status === "failed").length;
  return {
    title: `Digest history — ${id ? `\`${subs[0]?.id}\`` : "this channel"}`,
    text:
      runs.length === 0
        ? "Nothing posted yet."
        : failed > 0
          ? `${failed} of the last ${runs.length} digests failed; the owner was told each time.`
          : `The last ${runs.length} digests, newest first.`,
    table: runs.length
      ? { columns: ["Due", "Digest", "Status", "Attempts", "Detail"], rows }
      : undefined,
    tone: failed > 0 ? "bad" : undefined,
    ephemeral: true,
    data: {
      runs: runs.map((r) => ({
        run_key: r.run_key,
        subscription: r.subject_id,
        scheduled_for: r.scheduled_for,
        status: r.status,
        outcome: r.outcome,
        late: r.late === 1,
        missed: r.missed,
        delivery: r.delivery,
      })),
    },
  };
}

function subscriptionData(s: Subscription) {
  return {
    id: s.id,
    channel: s.channel_id,
    platform: s.platform,
    owner: s.owner_id,
    cadence: s.cadence,
    time: s.time,
    day: s.day,
    timezone: s.timezone,
    options: parseJsonObject<SubscriptionOptions>(s.options),
    late_policy: s.late_policy,
    paused: s.paused === 1,
  };
}

function filtersLabel(options: SubscriptionOptions): string {
  const parts = [options.platform, options.type, options.metric ? `by ${options.metric}` : ""];
  return parts.filter(Boolean).join(" · ") || "all campaigns";
}
