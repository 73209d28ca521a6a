import { describe, expect, it } from "vitest";
import { formatShare, formatValue, NO_VALUE } from "../../src/charts/format";
import { count, money, percent, ratio } from "../../src/charts/measure";

describe("formatValue", () => {
  it("formats each unit as a chat reader expects", () => {
    expect(formatValue(142.34, percent("ROI"))).toBe("142.3 %");
    expect(formatValue(-35, percent("ROI"))).toBe("-35 %");
    expect(formatValue(1.234, money("CPC", "USD"))).toBe("$1.23");
    expect(formatValue(1234.5, money("Spend", "USD"))).toBe("$1,235");
    expect(formatValue(2_450_000, money("Spend", "EUR"))).toBe("€2.5M");
    expect(formatValue(3.214, ratio("ROAS"))).toBe("3.21×");
    expect(formatValue(12345, count("Clicks"))).toBe("12,345");
    expect(formatValue(12.25, count("Conversions"))).toBe("12.3");
  });

  it("shows missing values as a dash, as DESIGN.md prescribes", () => {
    expect(formatValue(null, percent("CTR"))).toBe(NO_VALUE);
    expect(formatValue(Number.NaN, percent("CTR"))).toBe(NO_VALUE);
  });

  it("does not throw on a currency code Intl does not know", () => {
    expect(formatValue(12.5, money("Spend", "POINTS"))).toBe("12.5 POINTS");
  });

  it("formats shares as percentages", () => {
    expect(formatShare(0.4213)).toBe("42.1 %");
  });
});
