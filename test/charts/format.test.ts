import { describe, expect, it } from "vitest";
import { formatShare, formatValue, NO_VALUE } from "../../src/charts/format";
import { count, kpiMeasure, money, percent, ratio } from "../../src/charts/measure";
import { formatKpi } from "../../src/core/format";
import { KPI_NAMES } from "../../src/core/kpis";

describe("formatValue", () => {
  it("formats each unit as a chat reader expects", () => {
    expect(formatValue(142.34, percent("ROI"))).toBe("142%");
    expect(formatValue(12.345, percent("ROI"))).toBe("12.3%");
    expect(formatValue(0.874, percent("CTR"))).toBe("0.87%");
    expect(formatValue(-35, percent("ROI"))).toBe("-35.0%");
    expect(formatValue(1.234, money("CPC", "USD"))).toBe("$1.23");
    expect(formatValue(1234.5, money("Spend", "USD"))).toBe("$1,235");
    expect(formatValue(2_450_000, money("Spend", "EUR"))).toBe("€2,450,000");
    expect(formatValue(3.214, ratio("ROAS"))).toBe("3.21×");
    expect(formatValue(812, count("Clicks"))).toBe("812");
    expect(formatValue(12345, count("Clicks"))).toBe("12.3K");
    expect(formatValue(1_234_567, count("Impressions"))).toBe("1.2M");
    expect(formatValue(12.25, count("Conversions"))).toBe("12");
  });

  it("reads the same as the reply text for every KPI", () => {
    for (const kpi of KPI_NAMES) {
      for (const value of [0.874, 12.345, 1234.5]) {
        expect(formatValue(value, kpiMeasure(kpi, "EUR")), kpi).toBe(formatKpi(kpi, value, "EUR"));
      }
    }
  });

  it("shows missing values as a dash, as DESIGN.md prescribes", () => {
    expect(formatValue(null, percent("CTR"))).toBe(NO_VALUE);
    expect(formatValue(Number.NaN, percent("CTR"))).toBe(NO_VALUE);
  });

  it("does not throw on a currency code Intl does not know", () => {
    expect(formatValue(12.5, money("Spend", "POINTS"))).toBe("12.50 POINTS");
    expect(formatValue(1234, money("Spend", "XYZ"))).toBe("1,234 XYZ");
  });

  it("formats shares as percentages", () => {
    expect(formatShare(0.4213)).toBe("42.1%");
    expect(formatShare(0.0087)).toBe("0.87%");
  });
});
