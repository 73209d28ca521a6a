import { describe, expect, it } from "vitest";
import { axisTitle, count, kpiMeasure, money, percent, ratio } from "../../src/charts/measure";
import { KPI_INFO, KPI_NAMES, TOTAL_NAMES } from "../../src/core/kpis";

describe("measures", () => {
  it("titles axes with their unit", () => {
    expect(axisTitle(percent("ROI"))).toBe("ROI (%)");
    expect(axisTitle(money("Spend", "USD"))).toBe("Spend (USD)");
    expect(axisTitle(ratio("ROAS"))).toBe("ROAS (×)");
    expect(axisTitle(count("Clicks"))).toBe("Clicks (count)");
  });

  it("knows the unit of every DESIGN.md KPI", () => {
    expect(kpiMeasure("cpa", "EUR")).toEqual({ name: "CPA", unit: "money", currency: "EUR" });
    expect(kpiMeasure("conversion_rate", "EUR")).toEqual({
      name: "Conversion rate",
      unit: "percent",
    });
    expect(kpiMeasure("roas", "EUR").unit).toBe("ratio");
    for (const kpi of KPI_NAMES) {
      expect(kpiMeasure(kpi, "USD"), kpi).toMatchObject({
        name: KPI_INFO[kpi].label,
        unit: KPI_INFO[kpi].unit,
      });
    }
  });

  it("measures totals: spend and revenue in the currency, the rest as counts", () => {
    expect(kpiMeasure("spend", "EUR")).toEqual({ name: "Spend", unit: "money", currency: "EUR" });
    expect(kpiMeasure("revenue", "EUR")).toEqual({
      name: "Revenue",
      unit: "money",
      currency: "EUR",
    });
    expect(kpiMeasure("impressions", "EUR")).toEqual({ name: "Impressions", unit: "count" });
    expect(kpiMeasure("conversions", "EUR")).toEqual({ name: "Conversions", unit: "count" });
    for (const metric of [...KPI_NAMES, ...TOTAL_NAMES]) {
      expect(axisTitle(kpiMeasure(metric, "USD"))).toMatch(/^[A-Z].* \(.+\)$/);
    }
  });
});
