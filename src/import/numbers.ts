/**
 * Numbers as exports write them: thousands separators (`1,234`, `1.234`, `1 234`, `1'234`),
 * decimal commas (`12,50`), currency symbols and codes, percent signs, accounting negatives
 * (`(12.50)`) and Google Ads' `--` for "nothing". Which character is the decimal separator is
 * decided once per file ({@link detectNumberFormat}), because `1,500` alone could be either.
 */
export interface NumberFormat {
  decimal: "." | ",";
}

/** Cells that mean "no value": empty, or the dashes Google Ads and others print. */
const EMPTY_CELL = /^(?:|-|--|—|n\/a|na|null|none)$/i;

export function isEmptyCell(text: string): boolean {
  return text.length === 0 || (text.length <= 4 && EMPTY_CELL.test(text.trim()));
}

/** 10^k, exact as doubles for k ≤ 22. */
const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * `-?\d+([.,]\d+)?` with at most 15 digits, read without a regular expression or a string
 * conversion: a million-row import reads several million such cells. An integer over an exact
 * power of ten is correctly rounded, so the result is the double `Number()` would give.
 */
function plainNumber(text: string, decimal: number): number | undefined {
  const n = text.length;
  if (n === 0 || n > 17) return undefined;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let value = 0;
  let digits = 0;
  let scale = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits += 1;
      if (scale >= 0) scale += 1;
    } else if (c === decimal && scale < 0 && digits > 0) {
      scale = 0;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || digits > 15 || scale === 0) return undefined;
  const result = scale > 0 ? value / (POWERS[scale] as number) : value;
  return negative ? -result : result;
}

const PLAIN_DOT = /^-?\d+(?:\.\d+)?$/;
const PLAIN_INT = /^-?\d+$/;
const DECORATION = /[\s\u00a0\u202f$€£¥₹%]|\b[A-Z]{3}\b/g;

/**
 * Parses one cell under the file's format; undefined when it is not a number. Call
 * {@link isEmptyCell} first: an empty cell is not an error for optional figures.
 *
 * @example parseNumber("$1,234.50", { decimal: "." }) // 1234.5
 * @example parseNumber("1.234,50", { decimal: "," }) // 1234.5
 * @example parseNumber("(12.00)", { decimal: "." }) // -12
 * @example parseNumber("12,3,4", { decimal: "." }) // undefined
 */
export function parseNumber(text: string, format: NumberFormat): number | undefined {
  // Fast path: most cells of machine-made exports are plain numbers.
  const plain = plainNumber(text, format.decimal === "." ? 46 : 44);
  if (plain !== undefined) return plain;
  if (format.decimal === "." ? PLAIN_DOT.test(text) : PLAIN_INT.test(text)) return Number(text);
  let s = text.trim();
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(DECORATION, "").replace(/'/g, "");
  if (s.startsWith("+")) s = s.slice(1);
  else if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1);
  }
  if (s === "") return undefined;
  const thousands = format.decimal === "." ? "," : ".";
  const parts = s.split(format.decimal);
  if (parts.length > 2) return undefined;
  const [whole = "", fraction] = parts;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return undefined;
  let digits = whole;
  if (whole.includes(thousands)) {
    // Separators must group by three: "1,234,567" yes, "12,34" no.
    const groups = whole.split(thousands);
    if (!/^\d{1,3}$/.test(groups[0] ?? "") || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) {
      return undefined;
    }
    digits = groups.join("");
  } else if (!/^\d*$/.test(whole) || (whole === "" && fraction === undefined)) {
    return undefined;
  }
  const value = Number(`${digits || "0"}${fraction !== undefined ? `.${fraction}` : ""}`);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

/**
 * Decides the decimal separator from sample cells of numeric columns. A cell with both
 * separators, a comma followed by other than three digits, or several dot groups settle it;
 * `1,500` alone does not. Without evidence, semicolon-separated files (European spreadsheets)
 * use a decimal comma and all others a dot.
 *
 * @example detectNumberFormat(["1.234,50", "12"], ";") // { decimal: ",", evidence: "sample" }
 * @example detectNumberFormat(["1,500"], ",") // { decimal: ".", evidence: "default" }
 */
export function detectNumberFormat(
  samples: readonly string[],
  delimiter: string,
): NumberFormat & { evidence: "sample" | "default" } {
  let dot = 0;
  let comma = 0;
  for (const raw of samples) {
    const s = raw.replace(DECORATION, "").replace(/^[(+-]+|\)$/g, "");
    const lastDot = s.lastIndexOf(".");
    const lastComma = s.lastIndexOf(",");
    if (lastDot >= 0 && lastComma >= 0) {
      if (lastDot > lastComma) dot++;
      else comma++;
    } else if (lastComma >= 0) {
      if (/^\d+,\d+$/.test(s) && !/^\d{1,3},\d{3}$/.test(s)) comma++;
      else if (/^\d{1,3}(,\d{3}){2,}$/.test(s)) dot++;
    } else if (lastDot >= 0) {
      if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) comma++;
      else if (/^\d*\.\d+$/.test(s) && !/^\d{1,3}\.\d{3}$/.test(s)) dot++;
    }
  }
  if (dot === 0 && comma === 0) {
    return { decimal: delimiter === ";" ? "," : ".", evidence: "default" };
  }
  return { decimal: comma > dot ? "," : ".", evidence: "sample" };
}

const SUFFIX = /^(.*?)\s*([kmb])$/i;
const SUFFIX_FACTOR: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9 };

/**
 * Like {@link parseNumber}, also reading the `12.5K` / `1.2M` / `3B` that social exports use
 * for follower and view counts.
 *
 * @example parseAbbreviated("485.2M", { decimal: "." }) // 485200000
 */
export function parseAbbreviated(text: string, format: NumberFormat): number | undefined {
  const match = SUFFIX.exec(text.trim());
  if (!match) return parseNumber(text, format);
  const base = parseNumber(match[1] as string, format);
  const factor = SUFFIX_FACTOR[(match[2] as string).toLowerCase()] as number;
  return base === undefined ? undefined : Math.round(base * factor);
}
