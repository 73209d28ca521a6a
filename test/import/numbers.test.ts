import { describe, expect, it } from "vitest";
import {
  detectNumberFormat,
  isEmptyCell,
  parseAbbreviated,
  parseNumber,
} from "../../src/import/numbers";

const dot = { decimal: "." } as const;
const comma = { decimal: "," } as const;

describe("parseNumber", () => {
  it.each([
    ["1234", dot, 1234],
    ["12.5", dot, 12.5],
    ["1,234", dot, 1234],
    ["1,234,567.89", dot, 1234567.89],
    ["$1,018.40", dot, 1018.4],
    ["1 234.50", dot, 1234.5],
    ["1'234.50", dot, 1234.5],
    ["8.68%", dot, 8.68],
    ["(12.00)", dot, -12],
    ["-3.5", dot, -3.5],
    ["+7", dot, 7],
    ["12.50 USD", dot, 12.5],
    ["1.234,56", comma, 1234.56],
    ["12,5", comma, 12.5],
    ["12.345", comma, 12345],
    ["999,10", comma, 999.1],
    ["1 234,5 €", comma, 1234.5],
  ])("%j (%o) → %d", (text, format, value) => {
    expect(parseNumber(text, format)).toBe(value);
  });

  it.each([["12,3,4"], ["abc"], ["1.2.3"], ["12,34"], ["--5x"], ["1,2345"], ["."]])(
    "rejects %j",
    (text) => {
      expect(parseNumber(text, dot)).toBeUndefined();
    },
  );

  it("rejects thousands dots that do not group by three under decimal commas", () => {
    expect(parseNumber("1.23,5", comma)).toBeUndefined();
  });

  it("treats export placeholders as empty", () => {
    for (const text of ["", "--", "-", "n/a", "N/A", " -- "]) expect(isEmptyCell(text)).toBe(true);
    expect(isEmptyCell("0")).toBe(false);
  });

  it("reads K/M/B abbreviations when asked", () => {
    expect(parseAbbreviated("48.2K", dot)).toBe(48_200);
    expect(parseAbbreviated("1.2M", dot)).toBe(1_200_000);
    expect(parseAbbreviated("485,2M", comma)).toBe(485_200_000);
    expect(parseAbbreviated("9800", dot)).toBe(9800);
  });
});

describe("detectNumberFormat", () => {
  it("finds decimal commas from European cells", () => {
    expect(detectNumberFormat(["1.234,56", "12.345", "678"], ";")).toEqual({
      decimal: ",",
      evidence: "sample",
    });
    expect(detectNumberFormat(["12,5"], ",")).toEqual({ decimal: ",", evidence: "sample" });
  });

  it("finds decimal points", () => {
    expect(detectNumberFormat(["1,018.40", "972.15"], ",")).toEqual({
      decimal: ".",
      evidence: "sample",
    });
  });

  it("falls back on the delimiter when the cells do not tell (1,500 could be either)", () => {
    expect(detectNumberFormat(["1,500", "12"], ",")).toEqual({ decimal: ".", evidence: "default" });
    expect(detectNumberFormat(["1.500", "12"], ";")).toEqual({ decimal: ",", evidence: "default" });
  });
});
