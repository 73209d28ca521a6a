import { describe, expect, it } from "vitest";
import { scatterChart } from "../../../src/charts/builders/scatter-chart";
import { money, percent } from "../../../src/charts/measure";
import { platformColors, withAlpha } from "../../../src/charts/palette";

// biome-ignore lint/suspicious/noExplicitAny: reading arbitrary config paths in assertions
const opts = (chart: { config: { options?: unknown } }) => chart.config.options as any;

const chart = () =>
  scatterChart({
    id: "spend-vs-roi",
    title: "Spend vs ROI",
    x: money("Spend", "USD"),
    y: percent("ROI"),
    points: [
      { label: "A", x: 1000, y: 120, group: "facebook" },
      { label: "B", x: 500, y: -30, group: "google" },
      { label: "C", x: 800, y: 60, group: "facebook" },
      { label: "D", x: null, y: 10, group: "google" },
    ],
  });

describe("scatterChart", () => {
  it("makes one dataset per group with labelled points", () => {
    const c = chart();
    expect(c.config.type).toBe("scatter");
    expect(c.config.data.datasets.map((d) => d.label)).toEqual(["facebook", "google"]);
    expect(c.config.data.datasets[0]?.data).toEqual([
      { x: 1000, y: 120, label: "A" },
      { x: 800, y: 60, label: "C" },
    ]);
    expect(c.config.data.datasets[1]?.data).toEqual([{ x: 500, y: -30, label: "B" }]);
  });

  it("titles both axes with units and shows a legend of groups in platform colours", () => {
    const c = chart();
    expect(opts(c).scales.x.title.text).toBe("Spend (USD)");
    expect(opts(c).scales.y.title.text).toBe("ROI (%)");
    expect(opts(c).plugins.legend.display).toBe(true);
    expect(c.config.data.datasets[0]?.borderColor).toBe(platformColors.facebook);
    expect(c.config.data.datasets[1]?.backgroundColor).toBe(withAlpha(platformColors.google, 0.85));
  });

  it("leaves out points missing a coordinate and says so", () => {
    const c = chart();
    const labels = c.config.data.datasets.flatMap((d) =>
      d.data.map((p) => (p as unknown as { label: string }).label),
    );
    expect(labels).not.toContain("D");
    expect(c.altText).toContain("for 3 points in 2 groups");
    expect(c.altText).toContain("Highest ROI: A (Spend $1,000, ROI 120%)");
    expect(c.altText).toContain("Lowest ROI: B (Spend $500, ROI -30.0%)");
    expect(c.altText).toContain("Not shown for lack of data: D");
  });

  it("labels points only while they are few enough not to overlap", () => {
    expect(opts(chart()).plugins.adpulsePointLabels.display).toBe(true);
    const many = scatterChart({
      id: "many",
      title: "many",
      x: percent("CTR"),
      y: percent("Conversion rate"),
      points: Array.from({ length: 25 }, (_, i) => ({ label: `P${i}`, x: i, y: i })),
    });
    expect(opts(many).plugins.adpulsePointLabels.display).toBe(false);
    // Without groups there is a single series and no legend.
    expect(opts(many).plugins.legend.display).toBe(false);
  });
});
