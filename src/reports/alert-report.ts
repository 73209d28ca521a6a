import type { Context } from "../bot/context";
import type { Reply, ReplyChart } from "../bot/reply";
import { trendLineChart } from "../charts/builders/index";
import { kpiMeasure, type MetricName } from "../charts/measure";
import { opWords, type ThresholdOp } from "../core/anomalies/thresholds";
import { addDays, eachDay } from "../core/days";
import { sumTotals } from "../core/kpis";
import type { DayTotalsRow } from "../store/metrics-repository";
import type { AlertIncident, AlertRule, AlertScope } from "../store/schema";
import { parseJsonObject } from "../store/subscriptions-repository";
import { anomalyChart, HISTORY_DAYS, shortDay } from "./anomaly-scan";
import { DIGEST_CHART_SIZE } from "./digest-report";
import { formatMetric, metricLabel, metricValue } from "./metric";

/** The campaign ids an alert rule watches; undefined for all of the tenant's campaigns. */
export async function alertScopeIds(
  ctx: Context,
  scope: AlertScope,
): Promise<string[] | undefined> {
  if (scope.campaign_id) return [scope.campaign_id];
  if (!scope.platform && !scope.type) return undefined;
  const campaigns = await ctx.store.campaigns.list(ctx.tenant.id, {
    platform: scope.platform,
    type: scope.type,
  });
  return campaigns.map((c) => c.id);
}

/** `facebook · Spring Sale`, or `all campaigns`. */
export function scopeLabel(scope: AlertScope): string {
  const parts = [scope.platform, scope.type, scope.campaign_name].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "all campaigns";
}

/** The rule in words: `CPA above $50 over 7 days (facebook)`, `anomalies (all campaigns)`. */
export function describeRule(rule: AlertRule, currency: string): string {
  const scope = scopeLabel(parseJsonObject<AlertScope>(rule.scope));
  if (rule.kind === "anomaly") return `automatic anomaly alerts on daily metrics (${scope})`;
  const metric = rule.metric ?? "?";
  const window = rule.window_days === 1 ? "per day" : `over ${rule.window_days} days`;
  return `${metricLabel(metric)} ${opWords(rule.op as ThresholdOp)} ${formatMetric(metric, rule.value, currency)} ${window} (${scope})`;
}

/** The metric over the `windowDays` days ending `day`, from daily rows. */
export function windowValue(
  rows: readonly DayTotalsRow[],
  metric: string,
  day: string,
  windowDays: number,
) {
  const from = addDays(day, 1 - windowDays);
  const inWindow = rows.filter((r) => r.day >= from && r.day <= day);
  return inWindow.length === 0 ? null : metricValue(metric, sumTotals(inWindow));
}

/**
 * The message of one alert run: the incidents it opened (each with the chart that shows it) and
 * the ones it resolved. Rebuilt from incident rows, so a run resumed after a crash posts the same.
 */
export async function buildAlertMessage(
  ctx: Context,
  rule: AlertRule,
  runKey: string,
  incidents: readonly AlertIncident[],
): Promise<Reply> {
  const currency = ctx.tenant.currency;
  const scope = parseJsonObject<AlertScope>(rule.scope);
  const opened = incidents.filter((i) => i.opened_run_key === runKey);
  const resolved = incidents.filter((i) => i.resolved_run_key === runKey);
  const lastDay = [...opened.map((i) => i.last_day), ...resolved.map((i) => i.last_day)]
    .sort()
    .at(-1);
  const rows = lastDay
    ? await ctx.store.metrics.totalsByDay(
        ctx.tenant.id,
        { from: addDays(lastDay, -HISTORY_DAYS - 28), to: lastDay },
        { campaignIds: await alertScopeIds(ctx, scope) },
      )
    : [];

  const lines: string[] = [];
  const charts: ReplyChart[] = [];
  for (const incident of opened) {
    lines.push(`- :warning: ${openedLine(rule, incident, currency)}`);
    if (charts.length < 3) charts.push(incidentChart(rule, incident, rows, currency));
  }
  for (const incident of resolved) {
    lines.push(`- :white_check_mark: ${resolvedLine(rule, incident, currency)}`);
  }
  const what = rule.kind === "anomaly" ? "anomaly" : "threshold";
  const title =
    opened.length > 0
      ? `Alert: ${opened.map((i) => metricLabel(i.key)).join(", ")} ${what}${opened.length > 1 ? "s" : ""} — ${scopeLabel(scope)}`
      : `Resolved: ${resolved.map((i) => metricLabel(i.key)).join(", ")} — ${scopeLabel(scope)}`;
  return {
    title,
    text: lines.join("\n"),
    charts,
    tone: opened.length > 0 ? "bad" : "good",
    context: `Rule ${rule.id}: ${describeRule(rule, currency)} · ${currency} · ${ctx.tenant.timezone}`,
    data: {
      alert: {
        rule: rule.id,
        kind: rule.kind,
        opened: opened.map(incidentData),
        resolved: resolved.map(incidentData),
      },
    },
  };
}

function incidentData(i: AlertIncident) {
  return {
    incident: i.id,
    metric: i.key,
    day: i.day,
    last_day: i.last_day,
    value: i.value,
    expected: i.expected,
    score: i.score === null ? null : Math.round(i.score * 100) / 100,
    resolved_value: i.resolved_value,
  };
}

function openedLine(rule: AlertRule, i: AlertIncident, currency: string): string {
  const label = metricLabel(i.key);
  if (rule.kind === "anomaly") {
    const usual = formatMetric(i.key, i.expected, currency);
    const ratio =
      i.expected && i.value !== null && i.expected > 0
        ? ` (${(i.value / i.expected).toFixed(1)}×)`
        : "";
    return `**${label}** on ${shortDay(i.day)}: ${formatMetric(i.key, i.value, currency)}, usually ${usual} on that weekday${ratio}.`;
  }
  const window =
    rule.window_days === 1
      ? `on ${shortDay(i.day)}`
      : `over the ${rule.window_days} days to ${shortDay(i.day)}`;
  return `**${label}** ${window} is ${formatMetric(i.key, i.value, currency)}, ${opWords(rule.op as ThresholdOp)} your limit of ${formatMetric(i.key, rule.value, currency)}.`;
}

function resolvedLine(rule: AlertRule, i: AlertIncident, currency: string): string {
  const label = metricLabel(i.key);
  const now = formatMetric(i.key, i.resolved_value, currency);
  if (rule.kind === "anomaly") {
    return `**${label}** is back in its usual range (${now} on ${shortDay(i.last_day)}).`;
  }
  return `**${label}** is back within your limit (${now} on ${shortDay(i.last_day)}; limit ${opWords(rule.op as ThresholdOp)} ${formatMetric(i.key, rule.value, currency)}).`;
}

function incidentChart(
  rule: AlertRule,
  incident: AlertIncident,
  rows: readonly DayTotalsRow[],
  currency: string,
): ReplyChart {
  if (rule.kind === "anomaly") {
    return anomalyChart(rows, incident.key, incident.day, currency, DIGEST_CHART_SIZE);
  }
  const days = eachDay(addDays(incident.day, -27), incident.day);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return trendLineChart({
    id: `alert-${incident.key}-${incident.day}`,
    title: `${metricLabel(incident.key)} per day against your limit`,
    labels: days,
    granularity: "day",
    measure: kpiMeasure(incident.key as MetricName, currency),
    series: [
      {
        name: metricLabel(incident.key),
        values: days.map((d) => {
          const row = byDay.get(d);
          return row ? metricValue(incident.key, row) : null;
        }),
      },
      { name: "limit", values: days.map(() => rule.value), dashed: true },
    ],
    ...DIGEST_CHART_SIZE,
  });
}
