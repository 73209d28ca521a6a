/**
 * The chart layer: pure builders (data → chart.js config + altText), one rasterizer (config →
 * PNG) and a terminal renderer (config → text).
 */
export * from "./builders/index";
export { ensureChartFonts } from "./font";
export { formatShare, formatValue, NO_VALUE } from "./format";
export {
  axisTitle,
  count,
  kpiMeasure,
  type Measure,
  type MetricName,
  money,
  percent,
  ratio,
  type Unit,
  unitLabel,
} from "./measure";
export { type ChartKind, type ChartMeta, readChartMeta } from "./meta";
export {
  categoricalColor,
  colorsFor,
  palette,
  platformColors,
  signColor,
} from "./palette";
export {
  type ChartRasterizer,
  type ChartRasterizerOptions,
  type ChartRenderTiming,
  createChartRasterizer,
} from "./rasterizer";
export { renderChartForTerminal } from "./terminal";
export { CHART_FONT_FAMILY, DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH } from "./theme";
