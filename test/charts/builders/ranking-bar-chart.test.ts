import { describe, expect, it } from "vitest";
import { rankingBarChart } from "../../../src/charts/builders/ranking-bar-chart";
import { money, percent } from "../../../src/charts/measure";
import { readChartMeta } from "../../../src/charts/meta";
import { palette } from "../../../src/charts/palette";

// chart.js's option types are deep unions; tests read the plain data back out.
// biome-ignore lint/suspicious/noExplicitAny: reading arbitrary config paths in assertions
const opts = (chart: { config: { options?: unknown } }) => chart.config.options as any;

const items = [
  { label: "Campaign A", value: 12 },
  { label: "Campaign B", value: 240 },
  { label: "Campaign C", value: -35 },
  { label: "Campaign D", value: null },
];

const roi = () =>
  rankingBarChart({
    id: "roi",
    title: "ROI by campaign",
    category: "Campaign",
    measure: percent("ROI"),
    items,
  });

describe("rankingBarChart", () => {
  it("draws horizontal bars, highest first, without a png", () => {
    const chart = roi();
    expect(chart.config.type).toBe("bar");
    expect(opts(chart).indexAxis).toBe("y");
    expect(chart.config.data.labels).toEqual(["Campaign B", "Campaign A", "Campaign C"]);
    expect(chart.config.data.datasets[0]?.data).toEqual([240, 12, -35]);
    expect(chart.png).toBeUndefined();
    expect(chart).toMatchObject({ id: "roi", title: "ROI by campaign", width: 1000, height: 500 });
  });

  it("titles the value axis with its unit and the category axis with what is ranked", () => {
    const { scales } = opts(roi());
    expect(scales.x.title.text).toBe("ROI (%)");
    expect(scales.y.title.text).toBe("Campaign");
    const spend = rankingBarChart({
      id: "spend",
      title: "Spend",
      category: "Campaign",
      measure: money("Spend", "EUR"),
      items,
    });
    expect(opts(spend).scales.x.title.text).toBe("Spend (EUR)");
  });

  it("colours positive bars good and negative bars bad", () => {
    expect(roi().config.data.datasets[0]?.backgroundColor).toEqual([
      palette.good,
      palette.good,
      palette.bad,
    ]);
  });

  it("skips null values by default and names them in altText", () => {
    const chart = roi();
    expect(chart.config.data.labels).not.toContain("Campaign D");
    expect(chart.altText).toContain("No data (not shown): Campaign D");
  });

  it("can show null values as 0 marked (no data)", () => {
    const chart = rankingBarChart({
      id: "roi",
      title: "ROI",
      category: "Campaign",
      measure: percent("ROI"),
      items,
      nulls: "zero",
    });
    expect(chart.config.data.labels?.at(-1)).toBe("Campaign D (no data)");
    expect(chart.config.data.datasets[0]?.data.at(-1)).toBe(0);
    expect(chart.altText).toContain("No data (shown as 0): Campaign D");
    // No value label is drawn for the placeholder bar.
    expect(opts(chart).plugins.adpulseValueLabels.labels[0].at(-1)).toBeNull();
  });

  it("mentions the top items with formatted values and the negatives in altText", () => {
    const { altText } = roi();
    expect(altText).toContain("ROI (%) by campaign");
    expect(altText).toContain("Top: Campaign B 240%, Campaign A 12.0% and Campaign C -35.0%");
    expect(altText).toContain("1 below zero");
  });

  it("puts formatted values at the bar ends and in the meta", () => {
    const chart = roi();
    expect(opts(chart).plugins.adpulseValueLabels.labels).toEqual([["240%", "12.0%", "-35.0%"]]);
    expect(readChartMeta(chart.config)).toMatchObject({
      kind: "ranking",
      labels: ["Campaign B", "Campaign A", "Campaign C"],
    });
  });

  it("ranks ascending when lower is better and keeps only `limit` bars", () => {
    const chart = rankingBarChart({
      id: "cpa",
      title: "CPA",
      category: "Campaign",
      measure: money("CPA", "USD"),
      items: [
        { label: "A", value: 30 },
        { label: "B", value: 10 },
        { label: "C", value: 20 },
      ],
      order: "asc",
      limit: 2,
    });
    expect(chart.config.data.labels).toEqual(["B", "C"]);
    expect(chart.altText).toContain("lowest first");
    expect(chart.altText).toContain("1 more not shown");
  });

  it("grows taller for long rankings so bars stay readable", () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ label: `C${i}`, value: i }));
    const chart = rankingBarChart({
      id: "r",
      title: "R",
      category: "Campaign",
      measure: percent("ROI"),
      items: many,
    });
    expect(chart.height).toBeGreaterThan(500);
  });

  it("stays JSON-serialisable apart from the inline plugins", () => {
    const { plugins: _plugins, ...config } = roi().config;
    expect(() => JSON.stringify(config)).not.toThrow();
    expect(JSON.parse(JSON.stringify(config)).options.plugins.title.text).toBe("ROI by campaign");
  });
});
