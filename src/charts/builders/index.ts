/**
 * Pure chart builders: data in, `ReplyChart` (chart.js config + altText, no PNG) out. No I/O and
 * no clock, so commands can build charts in tests and the rasterizer draws them later.
 */

export { type BarLineChartInput, type BarSeries, barLineChart } from "./bar-line-chart";
export { type BubbleChartInput, type BubblePoint, bubbleChart } from "./bubble-chart";
export type { ChartBaseInput } from "./chart-base";
export {
  type ComparisonBarChartInput,
  type ComparisonMetric,
  comparisonBarChart,
} from "./comparison-bar-chart";
export { type DoughnutChartInput, type DoughnutSlice, doughnutChart } from "./doughnut-chart";
export { type ForecastChartInput, forecastChart } from "./forecast-chart";
export { type GaugeChartInput, gaugeChart, gaugeColor, gaugePercent } from "./gauge-chart";
export { type HeatmapChartInput, heatmapChart } from "./heatmap-chart";
export {
  type LabelledBar,
  type LabelledBarChartInput,
  labelledBarChart,
} from "./labelled-bar-chart";
export { type RankingBarChartInput, type RankingItem, rankingBarChart } from "./ranking-bar-chart";
export { type ScatterChartInput, type ScatterPoint, scatterChart } from "./scatter-chart";
export {
  type TrendGranularity,
  type TrendLineChartInput,
  type TrendSeries,
  trendLineChart,
} from "./trend-line-chart";
export {
  type WaterfallChartInput,
  type WaterfallStepInput,
  waterfallChart,
} from "./waterfall-chart";
