import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDelta,
  formatKpi,
  formatMoney,
  formatPercent,
  formatRatio,
  formatSignedPercent,
  MISSING,
  percentChange,
} from "../../src/core/format";

describe("formatMoney", () => {
  it("shows cents under 100 and whole units above, with thousands separators", () => {
    expect(formatMoney(1234.5, "USD")).toBe("$1,235");
    expect(formatMoney(0.874, "USD")).toBe("$0.87");
    expect(formatMoney(99.5, "USD")).toBe("$99.50");
    expect(formatMoney(99.996, "USD")).toBe("$100"); // rounds up past the threshold
    expect(formatMoney(2_000_000, "USD")).toBe("$2,000,000");
    expect(formatMoney(-1234.5, "USD")).toBe("-$1,235");
    expect(formatMoney(-0.001, "USD")).toBe("$0.00");
  });

  it("follows the currency", () => {
    expect(formatMoney(12, "EUR")).toBe("€12.00");
    expect(formatMoney(87, "JPY")).toBe("¥87"); // no minor units
    expect(formatMoney(1500, "gbp")).toBe("£1,500");
    expect(formatMoney(12, "not money")).toBe("12.00 not money");
    expect(formatMoney(Number.NaN, "USD")).toBe("—");
  });

  it("puts an unknown code after the number instead of throwing", () => {
    // Well-formed codes Intl has no data for: it would format them as "XYZ 1,234.00".
    expect(formatMoney(1234, "XYZ")).toBe("1,234 XYZ");
    expect(formatMoney(0.5, "BTC")).toBe("0.50 BTC");
    expect(formatMoney(99.996, "BTC")).toBe("100 BTC"); // same threshold rule as known currencies
    expect(formatMoney(-1234.5, "btc")).toBe("-1,235 btc");
    expect(formatMoney(12, "")).toBe("12.00");
    expect(formatMoney(Number.NaN, "XYZ")).toBe("—");
  });
});

describe("formatPercent", () => {
  it("uses two decimals under 1, one under 100, none above, no space", () => {
    expect(formatPercent(12.345)).toBe("12.3%");
    expect(formatPercent(0.874)).toBe("0.87%");
    expect(formatPercent(0.996)).toBe("1.0%");
    expect(formatPercent(240)).toBe("240%");
    expect(formatPercent(99.96)).toBe("100%");
    expect(formatPercent(1234.5)).toBe("1,235%");
    expect(formatPercent(-5.26)).toBe("-5.3%");
    expect(formatPercent(0)).toBe("0%");
  });
});

describe("formatCount", () => {
  it("abbreviates thousands, millions and billions", () => {
    expect(formatCount(812)).toBe("812");
    expect(formatCount(999.4)).toBe("999");
    expect(formatCount(1000)).toBe("1K");
    expect(formatCount(45_300)).toBe("45.3K");
    expect(formatCount(1_234_567)).toBe("1.2M");
    expect(formatCount(999_960)).toBe("1M"); // not "1000K"
    expect(formatCount(2_500_000_000)).toBe("2.5B");
    expect(formatCount(-1500)).toBe("-1.5K");
    expect(formatCount(-0.3)).toBe("0");
    expect(formatCount(999.6)).toBe("1K");
  });
});

describe("formatRatio and formatKpi", () => {
  it("formats ratios with two decimals", () => {
    expect(formatRatio(3.2104)).toBe("3.21×");
    expect(formatRatio(0)).toBe("0.00×");
  });

  it("dispatches on the KPI's unit and shows — for null", () => {
    expect(formatKpi("roi", 240, "USD")).toBe("240%");
    expect(formatKpi("ctr", 1.2345, "USD")).toBe("1.2%");
    expect(formatKpi("cpc", 0.874, "EUR")).toBe("€0.87");
    expect(formatKpi("cpm", 1234, "USD")).toBe("$1,234");
    expect(formatKpi("roas", 3.2104, "USD")).toBe("3.21×");
    expect(formatKpi("frequency", 1.5, "USD")).toBe("1.50×");
    expect(formatKpi("cpa", null, "USD")).toBe("—");
    expect(formatKpi("cpa", Number.POSITIVE_INFINITY, "USD")).toBe("—");
  });
});

describe("percentChange and formatDelta", () => {
  it("computes relative change against the size of the base", () => {
    expect(percentChange(120, 100)).toBe(20);
    expect(percentChange(90, 100)).toBe(-10);
    expect(percentChange(-50, -100)).toBe(50); // a loss halved is an improvement
    expect(percentChange(5, 0)).toBeNull();
    expect(percentChange(null, 10)).toBeNull();
    expect(percentChange(10, null)).toBeNull();
  });

  it("signs the change and hides noise that rounds to zero", () => {
    expect(formatDelta(120, 100)).toBe("+20.0%");
    expect(formatDelta(90, 100)).toBe("-10.0%");
    expect(formatDelta(350, 100)).toBe("+250%");
    expect(formatDelta(100.0001, 100)).toBe("0%");
    expect(formatDelta(100, 100)).toBe("0%");
    expect(formatDelta(5, 0)).toBe("—");
    expect(formatDelta(null, 100)).toBe("—");
  });
});

describe("nullable and signed percents", () => {
  it("formatPercent shows a missing rate as —", () => {
    expect(formatPercent(null)).toBe(MISSING);
    expect(formatPercent(undefined)).toBe(MISSING);
  });

  it("formatSignedPercent signs values >= 0, zero included", () => {
    expect(formatSignedPercent(12.345)).toBe("+12.3%");
    expect(formatSignedPercent(0)).toBe("+0%");
    expect(formatSignedPercent(-4.5)).toBe("-4.5%");
    expect(formatSignedPercent(null)).toBe(MISSING);
  });
});
