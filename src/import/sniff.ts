/**
 * Works out how a CSV file is written from its first bytes: the delimiter, where the header row
 * is (exports like Google Ads put a title and a date range above it), and the line breaks.
 * Pure: it reads a sample string.
 */
export interface CsvDialect {
  delimiter: string;
  /** 1-based physical line of the header row. */
  headerLine: number;
  /** Lines above the header (report titles, date ranges), as written. */
  preamble: string[];
  lineBreak: "\r\n" | "\n" | "\r";
}

const CANDIDATES = [",", ";", "\t", "|"] as const;
const MAX_LINES = 400;

interface SampleLine {
  /** 1-based physical line number where it starts. */
  line: number;
  text: string;
  /** Delimiter counts outside quotes, per candidate. */
  counts: number[];
}

/** Splits the sample into logical lines, honouring quoted line breaks. */
function sampleLines(text: string, complete: boolean): SampleLine[] {
  const out: SampleLine[] = [];
  let inQuotes = false;
  let start = 0;
  let physical = 1;
  let startLine = 1;
  let counts = CANDIDATES.map(() => 0);
  for (let i = 0; i < text.length && out.length < MAX_LINES; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      physical++;
      if (inQuotes) continue;
      out.push({
        line: startLine,
        text: text.slice(start, i + 1).replace(/\r?\n$|\r$/, ""),
        counts,
      });
      start = i + 1;
      startLine = physical;
      counts = CANDIDATES.map(() => 0);
    } else if (!inQuotes) {
      const at = (CANDIDATES as readonly string[]).indexOf(ch as string);
      if (at >= 0) counts[at] = (counts[at] as number) + 1;
    }
  }
  if (complete && start < text.length && out.length < MAX_LINES) {
    out.push({ line: startLine, text: text.slice(start), counts });
  }
  return out.filter((l) => l.text.trim() !== "");
}

function mode(values: number[]): { value: number; frequency: number } {
  const freq = new Map<number, number>();
  let best = { value: 0, frequency: 0 };
  for (const v of values) {
    const f = (freq.get(v) ?? 0) + 1;
    freq.set(v, f);
    if (f > best.frequency || (f === best.frequency && v > best.value))
      best = { value: v, frequency: f };
  }
  return best;
}

/**
 * @param sample the beginning of the file, BOM removed
 * @param complete true when the sample is the whole file (its last line is not cut)
 * @example sniffDialect("Campaign;Spend\nA;1,5\n", true) // { delimiter: ";", headerLine: 1, … }
 */
export function sniffDialect(sample: string, complete: boolean): CsvDialect {
  const lineBreak = /\r\n/.test(sample)
    ? "\r\n"
    : /\n/.test(sample)
      ? "\n"
      : /\r/.test(sample)
        ? "\r"
        : "\n";
  const lines = sampleLines(sample, complete);
  let best = { delimiter: "," as string, fields: 1, frequency: 0, index: 0 };
  CANDIDATES.forEach((delimiter, index) => {
    const { value, frequency } = mode(lines.map((l) => l.counts[index] as number));
    if (value === 0) return;
    // The delimiter that splits most lines into the same number of fields wins; ties go to the
    // earlier candidate (comma before semicolon before tab).
    if (frequency > best.frequency) best = { delimiter, fields: value + 1, frequency, index };
  });
  let headerAt = 0;
  // With no two lines alike (a header and one row of another width) the first line is the header.
  if (best.frequency > 1) {
    const found = lines.findIndex(
      (l) =>
        (l.counts[best.index] as number) + 1 === best.fields &&
        !looksNumericRow(l.text, best.delimiter),
    );
    headerAt = Math.max(0, found);
  }
  const header = lines[headerAt];
  return {
    delimiter: best.delimiter,
    headerLine: header?.line ?? 1,
    preamble: lines.slice(0, headerAt).map((l) => l.text),
    lineBreak,
  };
}

/** A row of numbers and dates is data, not a header. */
function looksNumericRow(text: string, delimiter: string): boolean {
  const cells = text.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ""));
  const filled = cells.filter((c) => c !== "");
  return filled.length > 0 && filled.every((c) => /^[\d\s.,:/$€£%()+-]+$/.test(c));
}
