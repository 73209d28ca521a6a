import { describe, expect, it } from "vitest";
import { trendLineChart } from "../../../src/charts/builders/trend-line-chart";
import { money, percent } from "../../../src/charts/measure";
import { palette, platformColors } from "../../../src/charts/palette";

// biome-ignore lint/suspicious/noExplicitAny: reading arbitrary config paths in assertions
const opts = (chart: { config: { options?: unknown } }) => chart.config.options as any;

const labels = ["2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04"];
const spend = () =>
  trendLineChart({
    id: "spend",
    title: "Daily spend",
    granularity: "day",
    measure: money("Spend", "USD"),
    labels,
    series: [
      { name: "facebook", values: [100, 150, null, 120] },
      { name: "Forecast", values: [110, 120, 130, 140], dashed: true },
    ],
  });

describe("trendLineChart", () => {
  it("is a line chart over the period labels with one dataset per series", () => {
    const chart = spend();
    expect(chart.config.type).toBe("line");
    expect(chart.config.data.labels).toEqual(labels);
    expect(chart.config.data.datasets.map((d) => d.data)).toEqual([
      [100, 150, null, 120],
      [110, 120, 130, 140],
    ]);
  });

  it("titles both axes, the value axis with its currency", () => {
    const { scales } = opts(spend());
    expect(scales.y.title.text).toBe("Spend (USD)");
    expect(scales.x.title.text).toBe("Date (daily)");
    const weekly = trendLineChart({
      id: "ctr",
      title: "CTR",
      granularity: "week",
      measure: percent("CTR"),
      labels: ["2024-W18"],
      series: [{ name: "all", values: [1.2] }],
    });
    expect(opts(weekly).scales.x.title.text).toBe("Week starting (weekly)");
    expect(opts(weekly).scales.y.title.text).toBe("CTR (%)");
    // Rates are not forced down to zero, money is.
    expect(opts(weekly).scales.y.beginAtZero).toBe(false);
    expect(opts(spend()).scales.y.beginAtZero).toBe(true);
  });

  it("dashes optional series, leaves gaps for nulls and colours platforms", () => {
    const [facebook, forecast] = spend().config.data.datasets as {
      borderDash?: number[];
      borderColor?: string;
      spanGaps?: boolean;
      label?: string;
    }[];
    expect(facebook?.borderDash).toEqual([]);
    expect(facebook?.spanGaps).toBe(false);
    expect(facebook?.borderColor).toBe(platformColors.facebook);
    expect(forecast?.borderDash).toEqual([8, 6]);
    expect(forecast?.label).toBe("Forecast (dashed)");
    expect(forecast?.borderColor).not.toBe(platformColors.facebook);
    expect(opts(spend()).plugins.legend.display).toBe(true);
  });

  it("summarises each series' range and gaps in altText", () => {
    const { altText } = spend();
    expect(altText).toContain(
      "Line chart of Spend (USD) by day, 2024-05-01 to 2024-05-04, 2 series",
    );
    expect(altText).toContain(
      "facebook: $100 to $120, low $100 (2024-05-01), high $150 (2024-05-02), 1 day without data",
    );
    expect(altText).toContain("Forecast (dashed): $110 to $140");
  });

  it("honours an explicit colour and rejects series of the wrong length", () => {
    const chart = trendLineChart({
      id: "x",
      title: "x",
      granularity: "month",
      measure: percent("ROI"),
      labels: ["Jan", "Feb"],
      series: [{ name: "target", values: [10, 10], color: palette.neutral }],
    });
    expect((chart.config.data.datasets[0] as { borderColor?: string }).borderColor).toBe(
      palette.neutral,
    );
    expect(() =>
      trendLineChart({
        id: "x",
        title: "x",
        granularity: "month",
        measure: percent("ROI"),
        labels: ["Jan", "Feb"],
        series: [{ name: "a", values: [1] }],
      }),
    ).toThrow(/1 values for 2 labels/);
  });
});
