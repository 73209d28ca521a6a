import { describe, expect, it } from "vitest";
import { currencyOfUnit, normalizeHeader } from "../../src/import/headers";

describe("normalizeHeader", () => {
  it.each([
    ["Amount spent (USD)", "amount spent", "USD"],
    ["Amount Spent (EUR)", "amount spent", "EUR"],
    ["Start Date (in UTC)", "start date", "in UTC"],
    ["CTR (%)", "ctr", "%"],
    ["Cost ($)", "cost", "$"],
    ["Conv. value", "conv value", undefined],
    ["Impr.", "impr", undefined],
    ["  Cost / conv. ", "cost conv", undefined],
    ["campaign_name", "campaign name", undefined],
    ["Campaign-Name", "campaign name", undefined],
    ["\uFEFFDay", "day", undefined],
    ["Dépenses", "depenses", undefined],
  ])("%j → %j", (raw, key, unit) => {
    expect(normalizeHeader(raw)).toEqual(unit ? { key, unit } : { key });
  });

  it("keeps qualifiers that tell columns apart", () => {
    expect(normalizeHeader("Clicks (All)").key).toBe("clicks all");
    expect(normalizeHeader("Clicks (Destination)").key).toBe("clicks destination");
    expect(normalizeHeader("Clicks (all)").key).not.toBe(normalizeHeader("Link clicks").key);
  });

  it("reads a currency from a unit only when it is one", () => {
    expect(currencyOfUnit("USD")).toBe("USD");
    expect(currencyOfUnit("€")).toBe("EUR");
    expect(currencyOfUnit("in UTC")).toBeUndefined();
    expect(currencyOfUnit("UTC")).toBeUndefined();
  });
});
