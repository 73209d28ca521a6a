import { GlobalFonts } from "@napi-rs/canvas";
import { Chart } from "chart.js";
import { describe, expect, it } from "vitest";
import type { ReplyChart } from "../../src/bot/reply";
import { rankingBarChart } from "../../src/charts/builders/ranking-bar-chart";
import { percent } from "../../src/charts/measure";
import { type ChartRenderTiming, createChartRasterizer } from "../../src/charts/rasterizer";
import { CHART_FONT_FAMILY } from "../../src/charts/theme";
import { oneOfEachKind } from "./fixtures";
import { decodePng, differingPixels, inkedPixels, PNG_SIGNATURE, pixelAt, pngSize } from "./png";

const rasterizer = createChartRasterizer();

const ranking = (title: string) =>
  rankingBarChart({
    id: "roi",
    title,
    category: "Campaign",
    measure: percent("ROI"),
    items: [
      { label: "Campaign A", value: 120 },
      { label: "Campaign B", value: -30 },
    ],
  });

const broken = (): ReplyChart => ({
  id: "broken",
  title: "Broken",
  altText: "",
  // An unregistered chart type: chart.js throws while building the chart.
  config: { type: "nonsense" as "bar", data: { labels: ["a"], datasets: [{ data: [1] }] } },
  width: 1000,
  height: 500,
});

describe("createChartRasterizer", () => {
  it.each(oneOfEachKind().map((chart) => [chart.id, chart] as const))(
    "renders the %s chart to a non-blank PNG of the chart's size",
    async (_id, chart) => {
      const png = await rasterizer.render(chart);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      const size = pngSize(png);
      expect(size).toEqual({ width: chart.width, height: chart.height });
      expect(size.width).toBeGreaterThanOrEqual(800);
      expect(size.height).toBeGreaterThanOrEqual(400);
      const pixels = await decodePng(png);
      // White and opaque where nothing is drawn (the background plugin), ink elsewhere.
      expect(pixelAt(pixels, 1, 1)).toEqual([255, 255, 255, 255]);
      expect(inkedPixels(pixels)).toBeGreaterThan(pixels.width * pixels.height * 0.01);
    },
  );

  it("draws text: two titles of the same layout differ only in the title band", async () => {
    const a = await decodePng(await rasterizer.render(ranking("ROI by campaign")));
    const b = await decodePng(await rasterizer.render(ranking("ROI by platform")));
    const titleBand = { x: 0, y: 0, width: a.width, height: 45 };
    const below = { x: 0, y: 45, width: a.width, height: a.height - 45 };
    expect(differingPixels(a, b, titleBand)).toBeGreaterThan(100);
    expect(differingPixels(a, b, below)).toBe(0);
    expect(GlobalFonts.has(CHART_FONT_FAMILY)).toBe(true);
  });

  it("draws value labels at the bar ends", async () => {
    const withLabels = ranking("ROI");
    const withoutLabels = ranking("ROI");
    // biome-ignore lint/suspicious/noExplicitAny: switching one plugin option off for comparison
    (withoutLabels.config.options as any).plugins.adpulseValueLabels.labels = [];
    const a = await decodePng(await rasterizer.render(withLabels));
    const b = await decodePng(await rasterizer.render(withoutLabels));
    expect(differingPixels(a, b)).toBeGreaterThan(100);
  });

  it("leaves the chart's config as the builder made it, so it can be rendered again", async () => {
    const chart = ranking("ROI");
    const before = JSON.stringify({ data: chart.config.data, options: chart.config.options });
    const first = await rasterizer.render(chart);
    expect(JSON.stringify({ data: chart.config.data, options: chart.config.options })).toBe(before);
    const second = await rasterizer.render(chart);
    expect(second.equals(first)).toBe(true);
  });

  it("renderAll sets png on each chart and renderError on a failing one, without rejecting", async () => {
    const input = [ranking("ok"), broken(), ranking("also ok")];
    const output = await rasterizer.renderAll(input);
    expect(output.map((c) => c.id)).toEqual(["roi", "broken", "roi"]);
    expect(output[0]?.png?.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(output[0]?.renderError).toBeUndefined();
    expect(output[1]?.png).toBeUndefined();
    expect(output[1]?.renderError).toMatch(/"nonsense" is not a registered controller/);
    expect(output[2]?.png).toBeInstanceOf(Buffer);
    // Inputs are not modified.
    expect(input.every((c) => c.png === undefined)).toBe(true);
  });

  it("does not leave half-built charts registered in chart.js after a failure", async () => {
    await rasterizer.renderAll([broken(), broken()]);
    expect(Object.keys(Chart.instances)).toEqual([]);
  });

  it("refuses absurd canvas sizes with a message naming the limit", async () => {
    const [chart] = await rasterizer.renderAll([{ ...ranking("ROI"), width: 100_000 }]);
    expect(chart?.renderError).toMatch(/size 100000×500 is invalid.*4096/);
  });

  it("reports draw and encode timings per chart", async () => {
    const timings: ChartRenderTiming[] = [];
    const timed = createChartRasterizer({ onRender: (t) => timings.push(t) });
    await timed.renderAll([ranking("ROI"), broken()]);
    expect(timings).toHaveLength(1);
    expect(timings[0]?.id).toBe("roi");
    expect(timings[0]?.totalMs).toBeGreaterThanOrEqual(
      timings[0]?.drawMs ?? Number.POSITIVE_INFINITY,
    );
  });
});
