import { describe, expect, it } from "vitest";
import { bubbleChart } from "../../../src/charts/builders/bubble-chart";
import { comparisonBarChart } from "../../../src/charts/builders/comparison-bar-chart";
import { labelledBarChart } from "../../../src/charts/builders/labelled-bar-chart";
import { rankingBarChart } from "../../../src/charts/builders/ranking-bar-chart";
import { count, money, percent } from "../../../src/charts/measure";

// biome-ignore lint/suspicious/noExplicitAny: reading arbitrary config paths in assertions
const scales = (chart: { config: { options?: unknown } }) => (chart.config.options as any).scales;

// xTitle / yTitle replace only the scale titles: everything else, alt text included, is the
// builder's own output.
describe("axis title overrides", () => {
  const base = { id: "c", title: "Chart", groupTitle: "Model", groups: ["A", "B"] };
  const layouts = {
    "one metric": [{ measure: count("Conversions"), values: [1, 2] }],
    "shared unit": [
      { measure: count("email"), values: [1, 2] },
      { measure: count("search"), values: [3, 4] },
    ],
    "two units": [
      { measure: money("Spend", "USD"), values: [1, 2] },
      { measure: percent("ROI"), values: [3, 4] },
    ],
  };

  for (const [layout, metrics] of Object.entries(layouts)) {
    it(`comparisonBarChart, ${layout}: x and y titled as asked, y1 and alt text untouched`, () => {
      const plain = comparisonBarChart({ ...base, metrics });
      const titled = comparisonBarChart({ ...base, metrics, xTitle: "Channel", yTitle: "Credit" });
      expect(scales(titled).x.title.text).toBe("Channel");
      expect(scales(titled).y.title.text).toBe("Credit");
      expect(scales(titled).y1?.title.text).toBe(scales(plain).y1?.title.text);
      expect(titled.altText).toBe(plain.altText);
      expect({ ...scales(titled), x: undefined, y: undefined }).toEqual({
        ...scales(plain),
        x: undefined,
        y: undefined,
      });
    });
  }

  it("comparisonBarChart keeps its own titles without overrides", () => {
    const chart = comparisonBarChart({ ...base, metrics: layouts["shared unit"] });
    expect(scales(chart).x.title.text).toBe("Metric");
    expect(scales(chart).y.title.text).toBe("email / search (count)");
  });

  it("labelledBarChart replaces the value axis title, log-scale note included", () => {
    const input = {
      id: "f",
      title: "Funnel",
      category: "Step",
      measure: count("Volume"),
      logScale: true,
      bars: [
        { label: "Impressions", value: 1000 },
        { label: "Clicks", value: 10 },
      ],
    };
    const plain = labelledBarChart(input);
    const titled = labelledBarChart({ ...input, xTitle: "People (count, log scale)" });
    expect(scales(plain).x.title.text).toBe("Volume (count), log scale");
    expect(scales(titled).x.title.text).toBe("People (count, log scale)");
    expect(scales(titled).y.title.text).toBe("Step");
    expect(titled.altText).toBe(plain.altText);
  });

  it("rankingBarChart replaces the value axis title only", () => {
    const input = {
      id: "r",
      title: "Ranking",
      category: "Influencer",
      measure: count("Score"),
      items: [{ label: "@a", value: 70 }],
    };
    const titled = rankingBarChart({ ...input, xTitle: "Score (0–100)" });
    expect(scales(titled).x.title.text).toBe("Score (0–100)");
    expect(scales(titled).y.title.text).toBe("Influencer");
    expect(titled.altText).toBe(rankingBarChart(input).altText);
  });

  it("bubbleChart replaces either axis title", () => {
    const input = {
      id: "b",
      title: "Bubbles",
      x: money("Cost", "USD"),
      y: count("Score"),
      size: count("Reach"),
      logX: true,
      points: [{ label: "@a", x: 100, y: 50, size: 1000 }],
    };
    const plain = bubbleChart(input);
    const titled = bubbleChart({ ...input, yTitle: "Score (0–100)" });
    expect(scales(titled).x.title.text).toBe(scales(plain).x.title.text);
    expect(scales(titled).y.title.text).toBe("Score (0–100)");
    expect(scales(bubbleChart({ ...input, xTitle: "Fee" })).x.title.text).toBe("Fee");
    expect(titled.altText).toBe(plain.altText);
  });
});
