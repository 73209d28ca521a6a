import { describe, expect, it } from "vitest";
import { doughnutChart } from "../../../src/charts/builders/doughnut-chart";
import { count, money } from "../../../src/charts/measure";
import { palette, platformColors } from "../../../src/charts/palette";

// biome-ignore lint/suspicious/noExplicitAny: reading arbitrary config paths in assertions
const opts = (chart: { config: { options?: unknown } }) => chart.config.options as any;

describe("doughnutChart", () => {
  const spend = () =>
    doughnutChart({
      id: "share",
      title: "Spend by platform",
      measure: money("Spend", "USD"),
      slices: [
        { label: "facebook", value: 300 },
        { label: "google", value: 700 },
        { label: "tiktok", value: 0 },
        { label: "linkedin", value: null },
      ],
    });

  it("puts percentages and values in the legend labels", () => {
    const c = spend();
    expect(c.config.type).toBe("doughnut");
    expect(c.config.data.labels).toEqual(["facebook  $300 (30.0%)", "google  $700 (70.0%)"]);
    expect(c.config.data.datasets[0]?.data).toEqual([300, 700]);
    expect(opts(c).plugins.legend.display).toBe(true);
    expect(opts(c).plugins.subtitle.text).toBe("Spend (USD) · total $1,000");
  });

  it("uses platform colours and names left-out slices in altText", () => {
    const c = spend();
    expect(c.config.data.datasets[0]?.backgroundColor).toEqual([
      platformColors.facebook,
      platformColors.google,
    ]);
    expect(c.altText).toContain("total $1,000: google 70.0% ($700) and facebook 30.0% ($300)");
    expect(c.altText).toContain("Left out (no positive value): tiktok and linkedin");
  });

  it("folds the smallest slices into a grey Other", () => {
    const c = doughnutChart({
      id: "gender",
      title: "Clicks by age",
      measure: count("Clicks"),
      maxSlices: 3,
      slices: [
        { label: "18-24", value: 50 },
        { label: "25-34", value: 30 },
        { label: "35-44", value: 15 },
        { label: "45+", value: 5 },
      ],
    });
    expect(c.config.data.datasets[0]?.data).toEqual([50, 30, 20]);
    expect((c.config.data.labels as string[]).at(-1)).toBe("Other  20 (20.0%)");
    expect((c.config.data.datasets[0]?.backgroundColor as string[] | undefined)?.at(-1)).toBe(
      palette.neutral,
    );
  });

  it("says there is nothing to show when no slice is positive", () => {
    const c = doughnutChart({
      id: "e",
      title: "e",
      measure: count("Clicks"),
      slices: [{ label: "a", value: 0 }],
    });
    expect(c.config.data.datasets[0]?.data).toEqual([]);
    expect(c.altText).toContain("nothing to show");
  });
});
