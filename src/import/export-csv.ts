/**
 * CSV for spreadsheets, safe to open: a text cell that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, a tab or a carriage return; OWASP's CSV injection list)
 * gets a leading `'`, which spreadsheets show as text. Numeric columns are written as plain
 * numbers (a negative ROI stays `-12.5`, not `'-12.5`), so sums and charts still work.
 */
export interface CsvColumn {
  name: string;
  /** Numbers are written as numbers, rounded to `decimals` (default: as they are). */
  kind: "text" | "number";
  decimals?: number;
}

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes one text cell safe against formula injection.
 *
 * @example neutralizeFormula("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 * @example neutralizeFormula("Spring Sale") // "Spring Sale"
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(value: CsvCell, column: CsvColumn): string {
  if (value === null || value === undefined) return "";
  if (column.kind === "number") {
    const n = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(n)) return "";
    const rounded = column.decimals === undefined ? n : Number(n.toFixed(column.decimals));
    // Avoid "1e-7": spreadsheets read plain decimals everywhere.
    return Math.abs(rounded) < 1e-6 && rounded !== 0
      ? rounded.toFixed(10).replace(/0+$/, "")
      : String(rounded);
  }
  return quote(neutralizeFormula(String(value)));
}

/**
 * The header line (CRLF-terminated, as RFC 4180 has it).
 *
 * @example csvHeader([{ name: "Campaign", kind: "text" }, { name: "ROI", kind: "number" }]) // "Campaign,ROI\r\n"
 */
export function csvHeader(columns: readonly CsvColumn[]): string {
  return `${columns.map((c) => quote(neutralizeFormula(c.name))).join(",")}\r\n`;
}

/**
 * Rows as CSV lines.
 *
 * @example csvRows([{ name: "Campaign", kind: "text" }, { name: "ROI", kind: "number" }], [["=cmd", -12.5]])
 * // "'=cmd,-12.5\r\n"
 */
export function csvRows(
  columns: readonly CsvColumn[],
  rows: readonly (readonly CsvCell[])[],
): string {
  let out = "";
  for (const row of rows) out += `${columns.map((c, i) => cell(row[i], c)).join(",")}\r\n`;
  return out;
}

/** A whole table as CSV text; `bom` adds the UTF-8 byte-order mark Excel needs for accents. */
export function toCsv(
  columns: readonly CsvColumn[],
  rows: readonly (readonly CsvCell[])[],
  options: { bom?: boolean } = {},
): string {
  return `${options.bom ? "\uFEFF" : ""}${csvHeader(columns)}${csvRows(columns, rows)}`;
}
