import { describe, expect, it } from "vitest";
import type { ReplyChart } from "../../src/bot/reply";
import { gaugeChart } from "../../src/charts/builders/gauge-chart";
import { rankingBarChart } from "../../src/charts/builders/ranking-bar-chart";
import { trendLineChart } from "../../src/charts/builders/trend-line-chart";
import { count, money, percent } from "../../src/charts/measure";
import { renderChartForTerminal } from "../../src/charts/terminal";
import { oneOfEachKind } from "./fixtures";

const blocks = (line: string) =>
  [...line].reduce(
    (sum, ch) =>
      sum + ({ "▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7, "█": 8 }[ch] ?? 0),
    0,
  );

describe("renderChartForTerminal", () => {
  it("draws a ranking as labelled bars proportional to the values, negatives left of zero", () => {
    const chart = rankingBarChart({
      id: "roi",
      title: "ROI by campaign",
      category: "Campaign",
      measure: percent("ROI"),
      items: [
        { label: "B", value: 200 },
        { label: "A", value: 100 },
        { label: "C", value: -50 },
      ],
    });
    const lines = renderChartForTerminal(chart, 50).split("\n");
    expect(lines[0]).toBe("ROI by campaign");
    expect(lines[1]).toBe("ROI (%)");
    const [b, a, c] = lines.slice(2);
    expect(b).toMatch(/^B .*│█+.* 200%$/);
    expect(blocks(a as string) / blocks(b as string)).toBeCloseTo(0.5, 1);
    expect(c).toMatch(/^C .*█│ +-50.0%$/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(50);
  });

  it("draws one sparkline per series with min and max", () => {
    const chart = trendLineChart({
      id: "spend",
      title: "Daily spend",
      granularity: "day",
      measure: money("Spend", "USD"),
      labels: ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8"],
      series: [{ name: "facebook", values: [1, 2, 3, 4, 5, 6, 7, 8] }],
    });
    const text = renderChartForTerminal(chart);
    expect(text).toContain("Spend (USD) by Date (daily), d1 … d8");
    expect(text).toContain("facebook ▁▂▃▄▅▆▇█");
    expect(text).toContain("min $1.00 (d1) · max $8.00 (d8)");
  });

  it("draws a gauge as a progress bar with the percentage and caption", () => {
    const chart = gaugeChart({
      id: "g",
      title: "Conversions",
      measure: count("Conversions"),
      value: 30,
      target: 120,
    });
    const lines = renderChartForTerminal(chart, 40).split("\n");
    const bar = lines.find((line) => line.startsWith("[")) as string;
    expect(bar).toMatch(/\] 25\.0%$/);
    const inside = bar.slice(1, bar.indexOf("]"));
    expect(blocks(inside) / ([...inside].length * 8)).toBeCloseTo(0.25, 1);
    expect(lines).toContain("30 of 120 target (25.0%)");
  });

  it("lists scatter points highest first with their values", () => {
    const scatter = oneOfEachKind().find((c) => c.id === "scatter") as ReplyChart;
    const lines = renderChartForTerminal(scatter).split("\n");
    expect(lines[1]).toBe("x: Spend (USD) · y: ROI (%)");
    expect(lines[2]).toMatch(/^• A \(facebook\) +\$1,000, 120%$/);
    expect(lines[3]).toMatch(/^• B \(google\) +\$500, -30.0%$/);
  });

  it("draws doughnut shares as bars with value and percentage", () => {
    const doughnut = oneOfEachKind().find((c) => c.id === "doughnut") as ReplyChart;
    const lines = renderChartForTerminal(doughnut, 50).split("\n");
    const female = lines.find((l) => l.startsWith("female")) as string;
    const male = lines.find((l) => l.startsWith("male")) as string;
    expect(female).toMatch(/600 \(60.0%\)$/);
    expect(blocks(male) / blocks(female)).toBeCloseTo(400 / 600, 1);
  });

  it("draws a grouped comparison as one block per category", () => {
    const chart: ReplyChart = {
      id: "hand-made",
      title: "Hand-made config",
      altText: "",
      width: 1000,
      height: 500,
      config: {
        type: "bar",
        data: {
          labels: ["Q1", "Q2"],
          datasets: [
            { label: "north", data: [10, 20] },
            { label: "south", data: [5, null] },
          ],
        },
      },
    };
    const lines = renderChartForTerminal(chart, 40).split("\n");
    expect(lines).toEqual([
      "Hand-made config",
      "Q1",
      expect.stringMatching(/^ {2}north [█▏▎▍▌▋▊▉]+ +10$/),
      expect.stringMatching(/^ {2}south [█▏▎▍▌▋▊▉]+ +5$/),
      "Q2",
      expect.stringMatching(/^ {2}north [█▏▎▍▌▋▊▉]+ 20$/),
      expect.stringMatching(/^ {2}south +—$/),
    ]);
  });

  it("renders every builder kind without throwing and without ANSI escapes", () => {
    for (const chart of oneOfEachKind()) {
      const text = renderChartForTerminal(chart);
      expect(text.split("\n")[0]).toBe(chart.title);
      expect(text.split("\n").length).toBeGreaterThan(2);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape codes
      expect(text).not.toMatch(/\u001b\[/);
    }
  });
});
