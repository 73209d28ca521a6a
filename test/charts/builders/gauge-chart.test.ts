import { describe, expect, it } from "vitest";
import { gaugeChart, gaugeColor, gaugePercent } from "../../../src/charts/builders/gauge-chart";
import { count, money } from "../../../src/charts/measure";
import { readChartMeta } from "../../../src/charts/meta";
import { palette } from "../../../src/charts/palette";

// biome-ignore lint/suspicious/noExplicitAny: reading arbitrary config paths in assertions
const opts = (chart: { config: { options?: unknown } }) => chart.config.options as any;

const gauge = (value: number, target: number) =>
  gaugeChart({
    id: "g",
    title: "Conversions vs target",
    measure: count("Conversions"),
    value,
    target,
  });

describe("gaugeChart", () => {
  it("is a half doughnut of reached vs remaining", () => {
    const c = gauge(420, 600);
    expect(c.config.type).toBe("doughnut");
    expect(opts(c).circumference).toBe(180);
    expect(opts(c).rotation).toBe(-90);
    expect(c.config.data.datasets[0]?.data).toEqual([420, 180]);
  });

  it("writes the percent and value of target in the middle", () => {
    const center = opts(gauge(420, 600)).plugins.adpulseGauge;
    expect(center.headline).toBe("70.0%");
    expect(center.caption).toBe("420 of 600 target");
    expect(center.maxLabel).toBe("600");
    expect(readChartMeta(gauge(420, 600).config)?.gauge).toEqual({
      value: 420,
      target: 600,
      percent: 70,
    });
  });

  it("colours by progress: bad under 50 %, neutral below 100 %, good from 100 %", () => {
    expect(gauge(200, 600).config.data.datasets[0]?.backgroundColor).toEqual([
      palette.bad,
      palette.track,
    ]);
    expect(gauge(420, 600).config.data.datasets[0]?.backgroundColor).toEqual([
      palette.neutral,
      palette.track,
    ]);
    expect(gauge(600, 600).config.data.datasets[0]?.backgroundColor).toEqual([
      palette.good,
      palette.track,
    ]);
    expect(gaugeColor(49.9)).toBe(palette.bad);
    expect(gaugeColor(50)).toBe(palette.neutral);
    expect(gaugeColor(null)).toBe(palette.neutral);
  });

  it("never rounds a missed target up to 100%", () => {
    expect(opts(gauge(5999, 6000)).plugins.adpulseGauge.headline).toBe("99.9%");
    expect(opts(gauge(59_999, 60_000)).plugins.adpulseGauge.headline).toBe("99.9%");
  });

  it("fills the whole arc over target and reports the excess", () => {
    const c = gauge(660, 600);
    expect(c.config.data.datasets[0]?.data).toEqual([600, 0]);
    expect(opts(c).plugins.adpulseGauge.headline).toBe("110%");
    expect(c.altText).toBe(
      "Gauge of Conversions (count): 660 of 600 target, 110% reached; target exceeded by 60.",
    );
  });

  it("has no percentage without a positive target", () => {
    expect(gaugePercent(10, 0)).toBeNull();
    const c = gauge(10, 0);
    expect(opts(c).plugins.adpulseGauge.headline).toBe("—");
    expect(c.altText).toContain("no positive target");
  });

  it("formats money targets in the currency", () => {
    const c = gaugeChart({
      id: "g",
      title: "Revenue",
      measure: money("Revenue", "EUR"),
      value: 4200,
      target: 6000,
    });
    expect(opts(c).plugins.adpulseGauge.caption).toBe("€4,200 of €6,000 target");
    expect(opts(c).plugins.adpulseGauge.minLabel).toBe("€0.00");
    expect(opts(c).plugins.subtitle.text).toBe("Revenue (EUR)");
  });
});
