import { defineCommand } from "../src/bot/command";
import { METRIC_CHOICES, platformOption, typeOption } from "../src/bot/common-options";
import type { Context } from "../src/bot/context";
import { UserError } from "../src/bot/errors";
import { echo } from "../src/bot/option-values";
import type { Reply } from "../src/bot/reply";
import { OP_WORDS, opWords } from "../src/core/anomalies/thresholds";
import { addDays } from "../src/core/days";
import { todayIn } from "../src/core/period";
import { alertScopeIds, describeRule, scopeLabel, windowValue } from "../src/reports/alert-report";
import { shortDay } from "../src/reports/anomaly-scan";
import { resolveCampaign } from "../src/reports/campaign-scope";
import { channelOf } from "../src/reports/channel-subscription";
import { formatMetric, metricLabel } from "../src/reports/metric";
import type { AlertRule, AlertScope, CampaignType, Platform } from "../src/store/schema";
import { parseJsonObject } from "../src/store/subscriptions-repository";

const WINDOWS = ["1d", "7d", "14d", "30d"] as const;

/**
 * `alert <metric> <op> <value> [window] [filters] [campaign]` watches a threshold;
 * `alert anomalies [filters]` turns on automatic anomaly alerts; `alert list`, `alert remove <id>`.
 * Rules post into the channel they were set in (jobs/alerts.ts), once per incident.
 */
export default defineCommand({
  name: "alert",
  description:
    "Alert this channel when a metric crosses a limit, or on anomalies; list or remove alerts",
  examples: [
    "alert cpa > 50 7d platform:facebook",
    'alert roi < 0 "Spring Sale"',
    "alert anomalies",
    "alert list",
    "alert remove al-1a2b3c4d",
  ],
  options: [
    {
      name: "metric",
      kind: "choice",
      description: "Metric to watch, or anomalies / list / remove",
      required: true,
      choices: [...METRIC_CHOICES, "anomalies", "list", "remove"],
    },
    {
      name: "op",
      kind: "choice",
      description: "Comparison: > >= < <= (or above, below)",
      choices: Object.keys(OP_WORDS),
    },
    { name: "value", kind: "number", description: "The limit in the metric's unit (50 = $50 CPA)" },
    {
      name: "window",
      kind: "choice",
      description: "Days the metric is computed over, ending yesterday (default 1d)",
      choices: WINDOWS,
    },
    platformOption,
    typeOption,
    {
      name: "campaign",
      kind: "campaign",
      description: "Only this campaign (for remove: the alert's id)",
    },
  ] as const,

  async run(ctx, args) {
    const channelId = channelOf(
      ctx,
      "Alerts are posted into a channel.",
      "Type the command in the channel that should receive the alerts.",
    );
    if (args.metric === "list") return listAlerts(ctx, channelId);
    if (args.metric === "remove") return removeAlert(ctx, args.campaign);
    const scope = await ruleScope(ctx, args);
    if (args.metric === "anomalies") return anomalyRule(ctx, channelId, scope);
    return thresholdRule(ctx, channelId, scope, args);
  },
});

interface RuleArgs {
  metric: string;
  op?: string;
  value?: number;
  window?: string;
  platform?: Platform;
  type?: CampaignType;
  campaign?: string;
}

async function ruleScope(ctx: Context, args: RuleArgs): Promise<AlertScope> {
  const scope: AlertScope = {
    ...(args.platform ? { platform: args.platform } : {}),
    ...(args.type ? { type: args.type } : {}),
  };
  if (args.campaign) {
    const campaign = await resolveCampaign(ctx, args.campaign);
    scope.campaign_id = campaign.id;
    scope.campaign_name = campaign.name;
  }
  return scope;
}

async function anomalyRule(ctx: Context, channelId: string, scope: AlertScope): Promise<Reply> {
  const existing = (await ctx.store.alertRules.list(ctx.tenant.id, { channelId })).find(
    (r) => r.kind === "anomaly" && r.scope === JSON.stringify(scope),
  );
  const rule =
    existing ??
    (await ctx.store.alertRules.create({
      id: ctx.ids.next("al-"),
      tenant_id: ctx.tenant.id,
      platform: ctx.platform,
      channel_id: channelId,
      owner_id: ctx.user.id,
      kind: "anomaly",
      metric: null,
      op: null,
      value: null,
      window_days: 1,
      scope: JSON.stringify(scope),
      paused: 0,
      created_at: ctx.clock.now().toISOString(),
    }));
  return {
    title: existing ? "Anomaly alerts already on" : "Anomaly alerts on",
    text: [
      `This channel gets an alert when a daily metric of ${scopeLabel(scope)} (spend, revenue, conversions, clicks, CTR, CPA, ROAS) is far from its usual value for that weekday — robust median/MAD over the last 8 weeks.`,
      "Each incident is posted once, with its chart, and once more when it is back to normal.",
      `Id \`${rule.id}\` — \`/campaign alert remove ${rule.id}\` turns it off.`,
    ].join("\n"),
    tone: "good",
    data: { rule: ruleData(rule) },
  };
}

async function thresholdRule(
  ctx: Context,
  channelId: string,
  scope: AlertScope,
  args: RuleArgs,
): Promise<Reply> {
  const op = args.op ? OP_WORDS[args.op] : undefined;
  if (!op || args.value === undefined) {
    throw new UserError(
      `An alert on ${metricLabel(args.metric)} needs a comparison and a limit.`,
      "missing_argument",
      [
        `Example: \`/campaign alert ${args.metric} > 50 7d\` (or \`alert anomalies\` for automatic alerts).`,
      ],
    );
  }
  const windowDays = Number((args.window ?? "1d").replace("d", ""));
  const now = ctx.clock.now();
  const rule = await ctx.store.alertRules.create({
    id: ctx.ids.next("al-"),
    tenant_id: ctx.tenant.id,
    platform: ctx.platform,
    channel_id: channelId,
    owner_id: ctx.user.id,
    kind: "threshold",
    metric: args.metric,
    op,
    value: args.value,
    window_days: windowDays,
    scope: JSON.stringify(scope),
    paused: 0,
    created_at: now.toISOString(),
  });
  const currency = ctx.tenant.currency;
  // The value right now, so the user sees whether the rule would fire today.
  const day = addDays(todayIn(now, ctx.tenant.timezone), -1);
  const rows = await ctx.store.metrics.totalsByDay(
    ctx.tenant.id,
    { from: addDays(day, 1 - windowDays), to: day },
    { campaignIds: await alertScopeIds(ctx, scope) },
  );
  const current = windowValue(rows, args.metric, day, windowDays);
  return {
    title: "Alert set",
    text: [
      `This channel is alerted when **${describeRule(rule, currency)}** — checked every hour on the last complete day; posted once when breached, once when back to normal.`,
      `Right now: ${formatMetric(args.metric, current, currency)} ${windowDays === 1 ? `on ${shortDay(day)}` : `over the ${windowDays} days to ${shortDay(day)}`} (limit: ${opWords(op)} ${formatMetric(args.metric, args.value, currency)}).`,
      `Id \`${rule.id}\` — \`/campaign alert remove ${rule.id}\` removes it.`,
    ].join("\n"),
    tone: "good",
    data: { rule: ruleData(rule), current },
  };
}

async function listAlerts(ctx: Context, channelId: string): Promise<Reply> {
  const [rules, open] = await Promise.all([
    ctx.store.alertRules.list(ctx.tenant.id),
    ctx.store.alertIncidents.listOpen(ctx.tenant.id),
  ]);
  if (rules.length === 0) {
    return {
      title: "No alerts yet",
      text: "Set one with `/campaign alert cpa > 50 7d` or `/campaign alert anomalies`.",
      ephemeral: true,
      data: { rules: [] },
    };
  }
  const currency = ctx.tenant.currency;
  return {
    title: `Alerts — ${rules.length}`,
    table: {
      columns: ["Id", "Channel", "Rule", "Open incidents"],
      rows: rules.map((r) => [
        r.id,
        r.channel_id === channelId ? `${r.channel_id} (here)` : r.channel_id,
        describeRule(r, currency),
        open
          .filter((i) => i.rule_id === r.id)
          .map((i) => `${i.key} since ${i.day}`)
          .join(", ") || "—",
      ]),
    },
    ephemeral: true,
    data: {
      rules: rules.map(ruleData),
      open: open.map((i) => ({ rule: i.rule_id, metric: i.key, since: i.day, value: i.value })),
    },
  };
}

async function removeAlert(ctx: Context, id: string | undefined): Promise<Reply> {
  if (!id) {
    throw new UserError("Which alert? Give its id.", "missing_argument", [
      "`/campaign alert list` shows every alert and its id.",
    ]);
  }
  const rule = await ctx.store.alertRules.get(ctx.tenant.id, id.trim().toLowerCase());
  if (!rule) {
    throw new UserError(`There is no alert "${echo(id)}".`, "unknown_alert", [
      "`/campaign alert list` shows every alert and its id.",
    ]);
  }
  await ctx.store.alertRules.remove(ctx.tenant.id, rule.id);
  return {
    title: "Alert removed",
    text: `No more alerts for ${describeRule(rule, ctx.tenant.currency)}.`,
    data: { removed: rule.id },
  };
}

function ruleData(rule: AlertRule) {
  return {
    id: rule.id,
    kind: rule.kind,
    channel: rule.channel_id,
    metric: rule.metric,
    op: rule.op,
    value: rule.value,
    window_days: rule.window_days,
    scope: parseJsonObject<AlertScope>(rule.scope),
  };
}
