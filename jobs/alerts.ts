import { detectDailyAnomaly } from "../src/core/anomalies/detect-anomaly";
import {
  type IncidentAction,
  type IncidentState,
  nextIncidentAction,
} from "../src/core/anomalies/incidents";
import { breaches, type ThresholdOp } from "../src/core/anomalies/thresholds";
import { addDays } from "../src/core/days";
import { todayIn } from "../src/core/period";
import {
  alertScopeIds,
  buildAlertMessage,
  describeRule,
  windowValue,
} from "../src/reports/alert-report";
import { anomalyOptionsFor, metricSeries, WATCHED_METRICS } from "../src/reports/anomaly-scan";
import { defineSlotJob, type PreparedRun } from "../src/scheduler/slot-job";
import type { AlertIncident, AlertRule, AlertScope } from "../src/store/schema";
import type { Store } from "../src/store/store";
import { parseJsonObject } from "../src/store/subscriptions-repository";

/**
 * Alert rules are evaluated hourly (at :05 UTC) on the last complete day of data in the tenant's
 * timezone. Evaluating the same day again is harmless: an open incident stays open silently.
 */
const ALERT_SCHEDULE = { cadence: "hourly", time: "00:05", timezone: "UTC" } as const;

interface Evaluation {
  key: string;
  breached: boolean;
  value: number | null;
  expected: number | null;
  score: number | null;
}

function stateOf(incident: AlertIncident | undefined): IncidentState | undefined {
  if (!incident) return undefined;
  return {
    status: incident.status,
    resolvedAt: incident.resolved_at ? new Date(incident.resolved_at) : undefined,
    resolveNotified: incident.resolve_notified === 1,
  };
}

/**
 * `alerts`: threshold rules (`/campaign alert cpa > 50 7d`) and automatic anomaly detection
 * (`/campaign alert anomalies`), each posting once when an incident opens and once when it
 * resolves (incidents.ts), with the chart that shows it.
 */
export default defineSlotJob<AlertRule>({
  name: "alerts",
  description:
    "evaluate alert rules and anomaly detection on the last complete day; post incidents",
  listSubjects: (store, platforms) => store.alertRules.listActive(platforms),
  findSubject: (store, id) => store.alertRules.byId(id),
  schedule: (rule) => ({
    spec: ALERT_SCHEDULE,
    latePolicy: "once",
    activeFrom: new Date(rule.created_at),
  }),

  async prepare({ ctx, run, subject: rule }): Promise<PreparedRun> {
    const slot = new Date(run.scheduled_for);
    const day = addDays(todayIn(slot, ctx.tenant.timezone), -1);
    const scope = parseJsonObject<AlertScope>(rule.scope);
    const rows = await ctx.store.metrics.totalsByDay(
      ctx.tenant.id,
      { from: addDays(day, -7 * 8 - rule.window_days), to: day },
      { campaignIds: await alertScopeIds(ctx, scope) },
    );
    // No rows for the day yet (import not in): judge nothing, keep every incident as it is.
    if (!rows.some((r) => r.day === day)) return { channels: [] };

    const evaluations: Evaluation[] = [];
    if (rule.kind === "threshold" && rule.metric && rule.op && rule.value !== null) {
      const value = windowValue(rows, rule.metric, day, rule.window_days);
      evaluations.push({
        key: rule.metric,
        breached: breaches(value, rule.op as ThresholdOp, rule.value),
        value,
        expected: rule.value,
        score: null,
      });
    } else if (rule.kind === "anomaly") {
      for (const metric of WATCHED_METRICS) {
        const verdict = detectDailyAnomaly(
          metricSeries(rows, metric),
          day,
          anomalyOptionsFor(metric),
        );
        if (!verdict) continue;
        evaluations.push({
          key: metric,
          breached: verdict.anomalous,
          value: verdict.value,
          expected: verdict.expected,
          score: verdict.score,
        });
      }
    }

    const latest = await ctx.store.alertIncidents.latestByKey(rule.id);
    const at = run.scheduled_for;
    const changes: Array<(trx: Store) => Promise<void>> = [];
    let announces = false;
    for (const e of evaluations) {
      const incident = latest.get(e.key);
      const action: IncidentAction = nextIncidentAction(stateOf(incident), e.breached, slot);
      if (action === "open") {
        announces = true;
        // Derived from the rule, metric and slot: a re-prepared run cannot open it twice.
        const id = `in:${rule.id}:${e.key}:${run.scheduled_for}`;
        changes.push((trx) =>
          trx.alertIncidents.insert({
            id,
            tenant_id: rule.tenant_id,
            rule_id: rule.id,
            key: e.key,
            status: "open",
            day,
            last_day: day,
            value: e.value,
            expected: e.expected,
            score: e.score,
            opened_at: at,
            last_seen_at: at,
            resolved_at: null,
            resolved_value: null,
            opened_run_key: run.run_key,
            resolved_run_key: null,
            resolve_notified: 0,
          }),
        );
      } else if (incident && (action === "keep" || action === "reopen")) {
        changes.push((trx) =>
          trx.alertIncidents.update(incident.id, {
            status: "open",
            last_seen_at: at,
            last_day: day,
            resolved_at: null,
          }),
        );
      } else if (incident && (action === "resolve" || action === "resolve-quietly")) {
        if (action === "resolve") announces = true;
        changes.push((trx) =>
          trx.alertIncidents.update(incident.id, {
            status: "resolved",
            resolved_at: at,
            resolved_value: e.value,
            last_day: day,
            ...(action === "resolve" ? { resolved_run_key: run.run_key, resolve_notified: 1 } : {}),
          }),
        );
      }
    }
    return {
      channels: announces ? [{ platform: rule.platform, channelId: rule.channel_id }] : [],
      write: async (trx) => {
        for (const change of changes) await change(trx);
      },
    };
  },

  async render({ ctx, run, subject: rule }) {
    const incidents = await ctx.store.alertIncidents.announcedBy(run.run_key);
    return buildAlertMessage(ctx, rule, run.run_key, incidents);
  },

  failureNotice: ({ ctx, subject: rule }, delivery, error) => ({
    title: "An alert could not be posted",
    text: `Alert rule \`${rule.id}\` (${describeRule(rule, ctx.tenant.currency)}) could not post into channel \`${delivery.channel_id}\`: ${error}.`,
    tone: "bad",
    data: { failure: { rule: rule.id, channel: delivery.channel_id, error } },
  }),
});
