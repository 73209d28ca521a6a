import { defineCommand } from "../src/bot/command";
import {
  campaignOption,
  METRIC_CHOICES,
  platformOption,
  typeOption,
} from "../src/bot/common-options";
import { UserError } from "../src/bot/errors";
import { addDays, daysBetween } from "../src/core/days";
import { backtest } from "../src/core/forecast/backtest";
import { forecastSeries } from "../src/core/forecast/forecast-series";
import { formatDelta, formatPercent } from "../src/core/format";
import { todayIn } from "../src/core/period";
import { resolveScope } from "../src/reports/campaign-scope";
import { metricForecastChart } from "../src/reports/forecast-charts";
import { daysAfter, fillGaps, loadDailySeries, trimLeading } from "../src/reports/forecast-data";
import { formatMetric, isKpi, metricLabel } from "../src/reports/metric";
import { filtersData } from "../src/reports/reply-parts";

const MIN_HORIZON = 7;
const MAX_HORIZON = 30;
const DEFAULT_HORIZON = 14;
/** History the model is fitted on, at most. */
const HISTORY_DAYS = 365;
/** Four weeks: three seasons to fit a weekly model, one to check it. */
const MIN_HISTORY_DAYS = 28;
const SEASON = 7;

export default defineCommand({
  name: "forecast",
  description: "Forecast a metric 7–30 days ahead (weekly-seasonal model), with its backtest error",
  examples: [
    "forecast spend 14",
    "forecast revenue 30 platform:google",
    'forecast conversions 7 "Spring Sale"',
  ],
  options: [
    {
      name: "metric",
      kind: "metric",
      description: "The metric to forecast",
      required: true,
      choices: METRIC_CHOICES,
    },
    {
      name: "days",
      kind: "integer",
      description: `Days ahead, ${MIN_HORIZON}–${MAX_HORIZON} (default ${DEFAULT_HORIZON})`,
      min: MIN_HORIZON,
      max: MAX_HORIZON,
    },
    campaignOption,
    platformOption,
    typeOption,
  ] as const,
  async run(ctx, { metric, days, campaign, platform, type }) {
    const horizon = days ?? DEFAULT_HORIZON;
    const scope = await resolveScope(ctx, { platform, type, campaign });
    const today = todayIn(ctx.clock.now(), ctx.tenant.timezone);
    // Today is still running: the model learns from complete days and forecasts from today on.
    const lastDay = addDays(today, -1);
    const name = scope.single?.name ?? scope.label;
    if (scope.single?.end_date && scope.single.end_date < today) {
      throw new UserError(
        `${scope.single.name} ended on ${scope.single.end_date}: there is nothing ahead to forecast.`,
        "campaign_ended",
        ["Forecast a running campaign, a platform (`platform:google`) or everything."],
      );
    }
    const range = await ctx.store.metrics.dataRange(ctx.tenant.id);
    const from =
      range && range.from > addDays(lastDay, 1 - HISTORY_DAYS)
        ? range.from
        : addDays(lastDay, 1 - HISTORY_DAYS);
    const loaded =
      from <= lastDay
        ? trimLeading(await loadDailySeries(ctx, scope, metric, from, lastDay))
        : { days: [], values: [] };
    if (loaded.days.length < MIN_HISTORY_DAYS) {
      throw new UserError(
        `Not enough history to forecast ${metricLabel(metric)} for ${name}: ${loaded.days.length} days with data, ${MIN_HISTORY_DAYS} needed.`,
        "not_enough_history",
        [
          "The weekly pattern needs four complete weeks of daily data. Try all campaigns, or a platform.",
        ],
      );
    }
    const missing = loaded.values.filter((v) => v === null).length;
    if (missing > loaded.values.length * 0.2) {
      throw new UserError(
        `${metricLabel(metric)} is undefined on ${missing} of ${loaded.values.length} days for ${name}.`,
        "sparse_metric",
        ["Forecast the totals behind it instead (e.g. `spend` or `conversions`)."],
      );
    }
    const values = fillGaps(loaded.values);
    // Money, counts and most ratios cannot go below 0; ROI can, down to −100 %.
    const floor = metric === "roi" ? -100 : 0;
    const options = { horizon, seasonLength: SEASON, floor, level: 80 as const };
    const forecast = forecastSeries(values, options);
    const check = backtest(values, options);
    const future = daysAfter(lastDay, horizon);
    const currency = ctx.tenant.currency;
    const fmt = (v: number | null) => formatMetric(metric, v, currency);
    const additive = !isKpi(metric);
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    const recent = values.slice(-horizon);
    const ahead = additive ? sum(forecast.point) : sum(forecast.point) / horizon;
    const before = additive ? sum(recent) : sum(recent) / recent.length;
    const inside = check
      ? check.actual.filter(
          (a, i) => a >= (check.lower[i] as number) && a <= (check.upper[i] as number),
        ).length
      : 0;
    const p = forecast.params;
    const lines = [
      `${metricLabel(metric)} for ${name}, next ${horizon} days (${future[0]} → ${future.at(-1)}): **${fmt(ahead)}** ${additive ? "in total" : "on average"} (${formatDelta(ahead, before)} vs the last ${horizon} days, ${fmt(before)}).`,
      `First day, ${future[0]}: ${fmt(forecast.point[0] ?? null)} (80% interval ${fmt(forecast.lower[0] ?? null)}–${fmt(forecast.upper[0] ?? null)}); by ${future.at(-1)} the interval is ${fmt(forecast.lower.at(-1) ?? null)}–${fmt(forecast.upper.at(-1) ?? null)}.`,
      check
        ? `Backtest (last ${horizon} days held out, model refitted without them): **MAPE ${formatPercent(check.mape)}**, seasonal naive ${formatPercent(check.naive_mape)}; ${inside} of ${horizon} actual days inside the 80% interval.`
        : "",
      `_Model: additive Holt-Winters with a weekly season and damped trend (α ${p.alpha}, β ${p.beta}, γ ${p.gamma}, φ ${p.phi}), least-squares fit on ${values.length} days to ${lastDay}._`,
    ].filter(Boolean);
    return {
      title: `${metricLabel(metric)} forecast — ${name} — next ${horizon} days`,
      text: lines.join("\n"),
      fields: [
        {
          label: additive ? `Forecast (${horizon} days)` : "Forecast (daily average)",
          value: fmt(ahead),
        },
        { label: `Last ${horizon} days`, value: fmt(before) },
        { label: "Backtest MAPE", value: formatPercent(check?.mape) },
        { label: "Seasonal naive MAPE", value: formatPercent(check?.naive_mape) },
      ],
      table: {
        columns: ["Day", "Forecast", "80% low", "80% high"],
        rows: future.map((d, i) => [
          d,
          fmt(forecast.point[i] ?? null),
          fmt(forecast.lower[i] ?? null),
          fmt(forecast.upper[i] ?? null),
        ]),
      },
      charts: [
        metricForecastChart(
          metric,
          `${metricLabel(metric)} — ${name}: last ${Math.min(56, values.length)} days and ${horizon}-day forecast`,
          { days: loaded.days, values },
          future,
          forecast,
          currency,
        ),
      ],
      context: `History ${loaded.days[0]} → ${lastDay} (${daysBetween(loaded.days[0] as string, lastDay) + 1} days)${scope.filtered ? ` · ${scope.label}` : ""} · ${currency} · ${ctx.tenant.timezone}`,
      data: {
        metric,
        horizon,
        filters: filtersData(scope, { platform, type }),
        history: { from: loaded.days[0], to: lastDay, days: values.length, filled_days: missing },
        model: {
          name: "holt_winters_additive_damped",
          season_length: SEASON,
          params: forecast.params,
          sigma: forecast.sigma,
          interval_level: forecast.level,
        },
        forecast: future.map((day, i) => ({
          day,
          value: forecast.point[i],
          lower: forecast.lower[i],
          upper: forecast.upper[i],
        })),
        forecast_total: additive ? ahead : null,
        forecast_average: additive ? ahead / horizon : ahead,
        last_period: { days: horizon, value: before },
        backtest: check
          ? {
              holdout_days: check.holdout,
              mape: check.mape,
              naive_mape: check.naive_mape,
              coverage: check.coverage,
              actual: check.actual,
              forecast: check.forecast,
              inside_interval: inside,
            }
          : null,
      },
    };
  },
});
