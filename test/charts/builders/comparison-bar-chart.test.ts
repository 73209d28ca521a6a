import { describe, expect, it } from "vitest";
import { comparisonBarChart } from "../../../src/charts/builders/comparison-bar-chart";
import { money, percent } from "../../../src/charts/measure";
import { categoricalColor, platformColors } from "../../../src/charts/palette";

// biome-ignore lint/suspicious/noExplicitAny: reading arbitrary config paths in assertions
const opts = (chart: { config: { options?: unknown } }) => chart.config.options as any;

describe("comparisonBarChart", () => {
  it("one metric: a bar per group in platform colours, y axis titled with the unit", () => {
    const chart = comparisonBarChart({
      id: "spend",
      title: "Spend by platform",
      groupTitle: "Platform",
      groups: ["facebook", "tiktok", "linkedin"],
      metrics: [{ measure: money("Spend", "USD"), values: [1200, 300, null] }],
    });
    expect(chart.config.type).toBe("bar");
    expect(opts(chart).indexAxis).toBeUndefined();
    expect(chart.config.data.labels).toEqual(["facebook", "tiktok", "linkedin"]);
    expect(chart.config.data.datasets[0]?.data).toEqual([1200, 300, null]);
    expect(chart.config.data.datasets[0]?.backgroundColor).toEqual([
      platformColors.facebook,
      platformColors.tiktok,
      platformColors.linkedin,
    ]);
    expect(opts(chart).scales.y.title.text).toBe("Spend (USD)");
    expect(opts(chart).scales.x.title.text).toBe("Platform");
    expect(opts(chart).plugins.legend.display).toBe(false);
    expect(chart.altText).toContain("highest facebook $1,200, lowest tiktok $300, 1 without data");
  });

  it("one metric over non-platform groups: one colour for every bar", () => {
    const chart = comparisonBarChart({
      id: "types",
      title: "Spend by campaign type",
      groupTitle: "Campaign type",
      groups: ["Search", "Social", "Display"],
      metrics: [{ measure: money("Spend", "USD"), values: [5200, 8100, -200] }],
    });
    expect(chart.config.data.datasets[0]?.backgroundColor).toEqual([
      categoricalColor(0),
      categoricalColor(0),
      categoricalColor(0),
    ]);
    expect(chart.altText).toContain(
      "Grouped bar chart comparing 3 campaign types (Search, Social and Display)",
    );
  });

  it("metrics sharing a unit: metrics on x, a coloured series per group with a legend", () => {
    const chart = comparisonBarChart({
      id: "rates",
      title: "Rates",
      groupTitle: "Platform",
      groups: ["facebook", "google"],
      metrics: [
        { measure: percent("CTR"), values: [1.2, 3.4] },
        { measure: percent("ROI"), values: [80, -10] },
      ],
    });
    expect(chart.config.data.labels).toEqual(["CTR", "ROI"]);
    expect(chart.config.data.datasets.map((d) => d.label)).toEqual(["facebook", "google"]);
    expect(chart.config.data.datasets.map((d) => d.data)).toEqual([
      [1.2, 80],
      [3.4, -10],
    ]);
    expect(chart.config.data.datasets.map((d) => d.backgroundColor)).toEqual([
      platformColors.facebook,
      platformColors.google,
    ]);
    expect(opts(chart).scales.y.title.text).toBe("CTR / ROI (%)");
    expect(opts(chart).plugins.legend.display).toBe(true);
    expect(opts(chart).plugins.adpulseValueLabels.labels).toEqual([
      ["1.2%", "80.0%"],
      ["3.4%", "-10.0%"],
    ]);
  });

  it("two units: groups on x, one series per metric, the second unit on a right axis", () => {
    const chart = comparisonBarChart({
      id: "a-vs-b",
      title: "Campaign A vs B",
      groupTitle: "Campaign",
      groups: ["Campaign A", "Campaign B"],
      metrics: [
        { measure: money("Spend", "USD"), values: [2000, 1500] },
        { measure: percent("ROI"), values: [12, 240] },
      ],
    });
    expect(chart.config.data.labels).toEqual(["Campaign A", "Campaign B"]);
    const [spend, roi] = chart.config.data.datasets as {
      yAxisID?: string;
      backgroundColor?: unknown;
    }[];
    expect(spend?.yAxisID).toBe("y");
    expect(roi?.yAxisID).toBe("y1");
    expect(spend?.backgroundColor).toBe(categoricalColor(0));
    expect(opts(chart).scales.y.title.text).toBe("Spend (USD)");
    expect(opts(chart).scales.y1.title.text).toBe("ROI (%)");
    expect(opts(chart).scales.y1.position).toBe("right");
    expect(chart.altText).toContain("ROI: highest Campaign B 240%, lowest Campaign A 12.0%");
  });

  it("rejects mismatched lengths and more than two units", () => {
    expect(() =>
      comparisonBarChart({
        id: "x",
        title: "x",
        groupTitle: "Platform",
        groups: ["a", "b"],
        metrics: [{ measure: percent("CTR"), values: [1] }],
      }),
    ).toThrow(/1 values for 2 groups/);
    expect(() =>
      comparisonBarChart({
        id: "x",
        title: "x",
        groupTitle: "Platform",
        groups: ["a"],
        metrics: [
          { measure: percent("CTR"), values: [1] },
          { measure: money("Spend", "USD"), values: [1] },
          { measure: money("Revenue", "EUR"), values: [1] },
        ],
      }),
    ).toThrow(/3 units/);
  });
});
