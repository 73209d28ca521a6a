import { describe, expect, it } from "vitest";
import {
  axisTitle,
  count,
  KPI_NAMES,
  kpiMeasure,
  money,
  percent,
  ratio,
} from "../../src/charts/measure";

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
    expect(kpiMeasure("impressions", "EUR").unit).toBe("count");
    for (const kpi of KPI_NAMES) expect(axisTitle(kpiMeasure(kpi, "USD"))).toMatch(/\(.+\)$/);
  });
});
