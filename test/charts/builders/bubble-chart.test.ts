import { describe, expect, it } from "vitest";
import { bubbleChart } from "../../../src/charts/builders/bubble-chart";
import { formatValue } from "../../../src/charts/format";
import { count, money } from "../../../src/charts/measure";
import { platformColors, withAlpha } from "../../../src/charts/palette";
import { createChartRasterizer } from "../../../src/charts/rasterizer";
import { renderChartForTerminal } from "../../../src/charts/terminal";

// biome-ignore lint/suspicious/noExplicitAny: reading arbitrary config paths in assertions
const opts = (chart: { config: { options?: unknown } }) => chart.config.options as any;

const chart = (logX = false) =>
  bubbleChart({
    id: "cost-vs-score",
    title: "Cost vs score",
    x: money("Cost", "USD"),
    y: count("Score"),
    size: count("Reach"),
    logX,
    points: [
      { label: "@a", x: 1000, y: 80, size: 40_000, group: "instagram" },
      { label: "@b", x: 4000, y: 40, size: 10_000, group: "tiktok" },
      { label: "@c", x: 250, y: 60, size: 0, group: "instagram" },
      { label: "@d", x: null, y: 50, size: 5, group: "tiktok" },
      { label: "@e", x: 0, y: 20, size: 5, group: "tiktok" },
    ],
  });

describe("bubbleChart", () => {
  it("draws one dataset per group, bubble area proportional to size", () => {
    const c = chart();
    expect(c.config.type).toBe("bubble");
    expect(c.config.data.datasets.map((d) => d.label)).toEqual(["instagram", "tiktok"]);
    // Largest size → 30 px; 10,000 is a quarter of 40,000, so its radius is 4 + 26 · √¼ = 17;
    // size 5 gives 4 + 26 · √(5 / 40,000) ≈ 4.3; size 0 the minimum, 4.
    expect(c.config.data.datasets[0]?.data).toEqual([
      { x: 1000, y: 80, r: 30, label: "@a" },
      { x: 250, y: 60, r: 4, label: "@c" },
    ]);
    expect(c.config.data.datasets[1]?.data).toEqual([
      { x: 4000, y: 40, r: 17, label: "@b" },
      { x: 0, y: 20, r: 4.3, label: "@e" },
    ]);
    expect(c.config.data.datasets[0]?.borderColor).toBe(platformColors.instagram);
    expect(c.config.data.datasets[1]?.backgroundColor).toBe(withAlpha(platformColors.tiktok, 0.55));
  });

  it("titles the axes with units and says what the bubble size means", () => {
    const c = chart();
    expect(opts(c).scales.x.title.text).toBe("Cost (USD)");
    expect(opts(c).scales.y.title.text).toBe("Score (count)");
    expect(opts(c).plugins.subtitle.text).toBe("Bubble area: Reach (count)");
    expect(opts(c).plugins.legend.display).toBe(true);
    expect(c.altText).toContain(
      "Bubble chart of Score (count) against Cost (USD) for 4 points in 2 groups",
    );
    expect(c.altText).toContain(
      `Highest Score: @a (Cost $1,000, Score 80, Reach ${formatValue(40_000, count("Reach"))})`,
    );
    expect(c.altText).toContain("Not shown for lack of data: @d");
  });

  it("pads the axes for big bubbles, but never below zero for figures that cannot be negative", () => {
    // What chart.js hands the axis callback: the data limits, before padding.
    const padded = (axis: "x" | "y", min: number, max: number) => {
      const scale = { min, max };
      opts(chart()).scales[axis].afterDataLimits(scale);
      return scale;
    };
    expect(padded("x", 0, 4000)).toEqual({ min: 0, max: 4240 });
    expect(padded("y", 20, 80)).toEqual({ min: 16.4, max: 83.6 });
    const signed = bubbleChart({
      id: "profit",
      title: "Profit",
      x: money("Profit", "USD"),
      y: count("Score"),
      size: count("Reach"),
      points: [
        { label: "@a", x: -500, y: 10, size: 1 },
        { label: "@b", x: 1500, y: 90, size: 2 },
      ],
    });
    const scale = { min: -500, max: 1500 };
    opts(signed).scales.x.afterDataLimits(scale);
    expect(scale).toEqual({ min: -620, max: 1620 });
  });

  it("can use a log x axis, leaving out points it cannot place", () => {
    const c = chart(true);
    expect(opts(c).scales.x.type).toBe("logarithmic");
    expect(opts(c).scales.x.title.text).toBe("Cost (USD), log scale");
    expect(c.altText).toContain("Not shown for lack of data: @d and @e");
  });

  it("shows in the terminal as a list with all three figures", () => {
    const text = renderChartForTerminal(chart(), 60);
    expect(text).toContain("x: Cost (USD) · y: Score (count)");
    expect(text).toMatch(/• @a \(instagram\)\s+\$1,000, 80 · Reach \S+/);
    expect(text).toContain(`Reach ${formatValue(40_000, count("Reach"))}`);
  });

  it("renders to a PNG", async () => {
    const [rendered] = await createChartRasterizer().renderAll([chart(true)]);
    expect(rendered?.renderError).toBeUndefined();
    expect(rendered?.png?.subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
