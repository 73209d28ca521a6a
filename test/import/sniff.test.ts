import { describe, expect, it } from "vitest";
import { sniffDialect } from "../../src/import/sniff";

describe("sniffDialect", () => {
  it("finds the header below Google Ads' title lines", () => {
    const text =
      'Campaign performance report\n"March 1, 2026 - March 3, 2026"\nDay,Campaign,Cost\n2026-03-01,A,"1,018.40"\n2026-03-02,A,5\n';
    expect(sniffDialect(text, true)).toEqual({
      delimiter: ",",
      headerLine: 3,
      preamble: ["Campaign performance report", '"March 1, 2026 - March 3, 2026"'],
      lineBreak: "\n",
    });
  });

  it("prefers semicolons over decimal commas and sees CRLF", () => {
    const text = "Campaign;Date;Spend\r\nA;01.03.2026;1,5\r\nB;02.03.2026;2,5\r\n";
    expect(sniffDialect(text, true)).toMatchObject({
      delimiter: ";",
      headerLine: 1,
      lineBreak: "\r\n",
    });
  });

  it("reads tab-separated files and quoted line breaks", () => {
    const text = 'Campaign\tNote\tSpend\nA\t"two\nlines"\t3\nB\tx\t4\n';
    expect(sniffDialect(text, true)).toMatchObject({ delimiter: "\t", headerLine: 1 });
  });

  it("does not mistake a cut last line for a different shape", () => {
    const text = "a,b,c\n1,2,3\n4,5,6\n7,8";
    expect(sniffDialect(text, false)).toMatchObject({ delimiter: ",", headerLine: 1 });
  });
});
