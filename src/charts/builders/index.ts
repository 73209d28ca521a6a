/**
 * Pure chart builders: data in, `ReplyChart` (chart.js config + altText, no PNG) out. No I/O and
 * no clock, so commands can build charts in tests and the rasterizer draws them later.
 */
export type { ChartBaseInput } from "./chart-base";
export {
  type ComparisonBarChartInput,
  type ComparisonMetric,
  comparisonBarChart,
} from "./comparison-bar-chart";
export { type DoughnutChartInput, type DoughnutSlice, doughnutChart } from "./doughnut-chart";
export { type GaugeChartInput, gaugeChart, gaugeColor, gaugePercent } from "./gauge-chart";
export { type RankingBarChartInput, type RankingItem, rankingBarChart } from "./ranking-bar-chart";
export { type ScatterChartInput, type ScatterPoint, scatterChart } from "./scatter-chart";
export {
  type TrendGranularity,
  type TrendLineChartInput,
  type TrendSeries,
  trendLineChart,
} from "./trend-line-chart";
