import { describe, expect, it } from "vitest";
import { type CsvColumn, neutralizeFormula, toCsv } from "../../src/import/export-csv";

describe("formula injection", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+1-1", "'+1-1"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tTab", "'\tTab"],
    ["\rCR", "'\rCR"],
    ["Spring Sale", "Spring Sale"],
    ["50% off", "50% off"],
  ])("%j → %j", (text, safe) => {
    expect(neutralizeFormula(text)).toBe(safe);
  });

  it("prefixes text cells but leaves numeric columns numeric", () => {
    const columns: CsvColumn[] = [
      { name: "campaign", kind: "text" },
      { name: "roi", kind: "number", decimals: 2 },
      { name: "spend", kind: "number", decimals: 2 },
    ];
    const csv = toCsv(columns, [
      ['=HYPERLINK("http://evil","x")', -12.345, 1018.4],
      ["-5% promo", null, 0.1 + 0.2],
    ]);
    expect(csv).toBe(
      'campaign,roi,spend\r\n"\'=HYPERLINK(""http://evil"",""x"")",-12.35,1018.4\r\n\'-5% promo,,0.3\r\n',
    );
  });

  it("quotes delimiters, quotes and line breaks, and adds a BOM on request", () => {
    const csv = toCsv([{ name: "name", kind: "text" }], [["a,b"], ['say "hi"'], ["two\nlines"]], {
      bom: true,
    });
    expect(csv).toBe('\uFEFFname\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
  });
});
