import { describe, expect, it } from "vitest";
import { barLineChart } from "../../../src/charts/builders/bar-line-chart";
import { forecastChart } from "../../../src/charts/builders/forecast-chart";
import { heatmapChart, wrapLabel } from "../../../src/charts/builders/heatmap-chart";
import { labelledBarChart } from "../../../src/charts/builders/labelled-bar-chart";
import { waterfallChart } from "../../../src/charts/builders/waterfall-chart";
import { colorFor, colorScaleFor, textColorOn } from "../../../src/charts/color-scale";
import { count, money, percent } from "../../../src/charts/measure";
import { readChartMeta } from "../../../src/charts/meta";
import { palette } from "../../../src/charts/palette";
import { createChartRasterizer } from "../../../src/charts/rasterizer";
import { renderChartForTerminal } from "../../../src/charts/terminal";
import { decodePng, pixelAt } from "../png";

// biome-ignore lint/suspicious/noExplicitAny: reading arbitrary config paths in assertions
const opts = (chart: { config: { options?: unknown } }) => chart.config.options as any;
const rasterizer = createChartRasterizer();

const heatmap = () =>
  heatmapChart({
    id: "heat",
    title: "Engagement rate by posting time",
    rows: ["Mon", "Tue"],
    columns: ["09", "18"],
    rowTitle: "Posting day",
    columnTitle: "Hour",
    measure: percent("Engagement rate"),
    values: [
      [1, 3],
      [null, 5],
    ],
    emptyLabel: "fewer than 3 posts",
  });

describe("colour scales", () => {
  it("runs light to dark blue, and red through white to blue around the middle", () => {
    const seq = colorScaleFor([1, 5, 9, null], "sequential");
    expect(seq).toMatchObject({ min: 1, max: 9 });
    expect(colorFor(1, seq)).toBe("#EFF3FF");
    expect(colorFor(9, seq)).toBe("#08519C");
    expect(colorFor(100, seq)).toBe("#08519C");
    const div = colorScaleFor([-1, 3], "diverging");
    // Symmetric around 0, so −3 and +3 are equally strong.
    expect([div.min, div.mid, div.max]).toEqual([-3, 0, 3]);
    expect(colorFor(0, div)).toBe("#F7F7F7");
    expect(textColorOn("#08519C")).toBe("#FFFFFF");
    expect(textColorOn("#EFF3FF")).toBe(palette.text);
  });
});

describe("heatmapChart", () => {
  it("is a scatter on two category axes with the matrix in its meta and a titled key", () => {
    const chart = heatmap();
    expect(chart.config.type).toBe("scatter");
    const { scales, plugins } = opts(chart);
    expect(scales.x.type).toBe("category");
    expect(scales.y.labels).toEqual([["Mon"], ["Tue"]]);
    expect(scales.x.title.text).toBe("Hour");
    expect(plugins.adpulseHeatmap.key).toMatchObject({
      title: "Engagement rate (%)",
      minLabel: "1.0%",
      maxLabel: "5.0%",
      emptyLabel: "fewer than 3 posts",
    });
    expect(plugins.adpulseHeatmap.colors[1][0]).toBeNull();
    expect(readChartMeta(chart.config)?.heatmap?.values).toEqual([
      [1, 3],
      [null, 5],
    ]);
    expect(chart.altText).toContain("Highest: Tue · 18 5.0%");
    expect(chart.altText).toContain("1 cells without data");
  });

  it("paints each cell in its colour (checked on the PNG)", async () => {
    const chart = heatmap();
    const png = await rasterizer.render(chart);
    const pixels = await decodePng(png);
    // Find the darkest-blue cell (Tue 18 = 5 %, the top of the scale) by scanning the plot.
    let found = false;
    for (let y = 0; y < pixels.height && !found; y += 4) {
      for (let x = 0; x < pixels.width - 200 && !found; x += 4) {
        const [r, g, b] = pixelAt(pixels, x, y);
        if (r === 0x08 && g === 0x51 && b === 0x9c) found = true;
      }
    }
    expect(found).toBe(true);
  });

  it("wraps long category labels onto lines", () => {
    expect(wrapLabel("Points redeemed (% of earned)", 16)).toEqual([
      "Points redeemed",
      "(% of earned)",
    ]);
    expect(wrapLabel("Short", 16)).toEqual(["Short"]);
    expect(wrapLabel("Engagement rate (%) per reached person", 10, 2)).toEqual([
      "Engagement",
      "rate (%) …",
    ]);
  });

  it("prints as a shaded grid in the terminal", () => {
    const text = renderChartForTerminal(heatmap(), 60);
    const lines = text.split("\n");
    expect(lines[0]).toBe("Engagement rate by posting time");
    expect(lines.find((l) => l.startsWith("Mon"))).toBe("Mon ░░▓▓");
    expect(lines.find((l) => l.startsWith("Tue"))).toBe("Tue ··██");
    expect(text).toContain("Highest: Tue 18 5.0%");
  });
});

describe("waterfallChart", () => {
  const chart = () =>
    waterfallChart({
      id: "wf",
      title: "Revenue by campaign",
      category: "Campaign",
      measure: money("Revenue", "USD"),
      steps: [
        { label: "A", start: 0, end: 50, kind: "increase" },
        { label: "C", start: 50, end: 80, kind: "increase" },
        { label: "B", start: 80, end: 60, kind: "decrease" },
        { label: "Total", start: 0, end: 60, kind: "total" },
      ],
    });

  it("draws floating bars from the running total, coloured by direction, each labelled", () => {
    const c = chart();
    const dataset = c.config.data.datasets[0] as { data: unknown[]; backgroundColor: string[] };
    expect(dataset.data).toEqual([
      [0, 50],
      [50, 80],
      [80, 60],
      [0, 60],
    ]);
    expect(dataset.backgroundColor.slice(0, 3)).toEqual([palette.good, palette.good, palette.bad]);
    expect(opts(c).plugins.adpulseValueLabels.labels).toEqual([
      ["+$50.00", "+$30.00", "-$20.00", "$60.00"],
    ]);
    expect(opts(c).indexAxis).toBe("y");
  });

  it("renders and prints signed bars in the terminal", async () => {
    const png = await rasterizer.render(chart());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const lines = renderChartForTerminal(chart(), 50).split("\n");
    expect(lines[0]).toBe("Revenue by campaign");
    expect(lines.find((l) => l.startsWith("B"))).toMatch(/█│ .*-\$20\.00$/);
    expect(lines.at(-1)).toMatch(/^Total .*\$60\.00$/);
  });
});

describe("forecastChart", () => {
  const chart = () =>
    forecastChart({
      id: "fc",
      title: "Spend forecast",
      measure: money("Spend", "USD"),
      level: 80,
      xTitle: "Date (daily)",
      historyLabels: ["d1", "d2", "d3"],
      history: [100, 120, 110],
      forecastLabels: ["d4", "d5"],
      forecast: [115, 118],
      lower: [100, 98],
      upper: [130, 138],
    });

  it("continues the actuals with a dashed forecast and a band filled between its bounds", () => {
    const c = chart();
    const [actual, forecast, upper, lower] = c.config.data.datasets as {
      label: string;
      data: (number | null)[];
      fill: unknown;
      borderDash?: number[];
    }[];
    expect(actual?.data).toEqual([100, 120, 110, null, null]);
    // The forecast and band start at the last actual, so the lines join.
    expect(forecast?.data).toEqual([null, null, 110, 115, 118]);
    expect(forecast?.borderDash).toEqual([8, 6]);
    expect(upper).toMatchObject({
      label: "80% prediction interval",
      fill: "+1",
      data: [null, null, 110, 130, 138],
    });
    expect(lower?.data).toEqual([null, null, 110, 100, 98]);
    expect(opts(c).plugins.adpulseForecastDivider.index).toBe(2);
    expect(c.altText).toContain("Forecast for d5: $118 ($98.00 to $138)");
  });

  it("renders, and prints history│forecast in the terminal", async () => {
    const png = await rasterizer.render(chart());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const text = renderChartForTerminal(chart(), 60);
    expect(text).toContain("│");
    expect(text).toContain("Forecast for d5: $118 (80% interval $98.00–$138)");
  });
});

describe("barLineChart and labelledBarChart", () => {
  it("stacks bars and puts a line in another unit on a right-hand axis", () => {
    const c = barLineChart({
      id: "pts",
      title: "Points",
      xTitle: "Month",
      labels: ["2026-10", "2026-11"],
      measure: count("Points"),
      bars: [
        { name: "Earned", values: [30, 40] },
        { name: "Redeemed", values: [10, 20] },
      ],
      line: { name: "Balance", values: [100, 120], measure: money("Balance", "USD") },
    });
    const sets = c.config.data.datasets as { type: string; yAxisID?: string }[];
    expect(sets.map((s) => s.type)).toEqual(["bar", "bar", "line"]);
    expect(sets[2]?.yAxisID).toBe("y1");
    expect(opts(c).scales.y1.title.text).toBe("Balance (USD)");
    expect(readChartMeta(c.config)?.kind).toBe("trend");
    expect(() =>
      barLineChart({
        id: "x",
        title: "x",
        xTitle: "x",
        labels: ["a"],
        measure: count("n"),
        bars: [{ name: "s", values: [1, 2] }],
      }),
    ).toThrow(/2 values for 1 labels/);
  });

  it("keeps the bars' order, colours groups and writes each bar's own text", () => {
    const c = labelledBarChart({
      id: "slots",
      title: "Best slots",
      category: "Slot",
      measure: percent("Engagement rate"),
      bars: [
        { label: "tiktok · Fri 16:00", value: 6, group: "tiktok", text: "6.0% · 16 posts" },
        { label: "instagram · Sun 22:00", value: 3.5, group: "instagram" },
      ],
    });
    const dataset = c.config.data.datasets[0] as { data: number[]; backgroundColor: string[] };
    expect(dataset.data).toEqual([6, 3.5]);
    expect(dataset.backgroundColor).toEqual(["#25282D", "#E1306C"]);
    expect(opts(c).plugins.adpulseValueLabels.labels).toEqual([["6.0% · 16 posts", "3.5%"]]);
    const log = labelledBarChart({
      id: "funnel",
      title: "Funnel",
      category: "Step",
      measure: count("Volume"),
      logScale: true,
      bars: [
        { label: "Impressions", value: 1_000_000 },
        { label: "Conversions", value: 2_000 },
      ],
    });
    // A decade below the smallest bar, and room above the largest for its text.
    expect(opts(log).scales.x).toMatchObject({ type: "logarithmic", min: 100, max: 100_000_000 });
  });
});
