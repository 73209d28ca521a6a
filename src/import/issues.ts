/** How many problems an import reports in full (the rest are counted). */
export const REPORTED_ISSUES = 20;

/**
 * One problem with the file: where it is (line, column) and what to fix. File-level problems
 * (a missing column) carry the header's line and no column.
 */
export interface ImportIssue {
  /** 1-based physical line in the file where the row starts. */
  line: number;
  /** Column as the file names it, e.g. `Amount spent (USD)`. */
  column?: string;
  /** Spreadsheet letter of the column, e.g. `C`. */
  columnLetter?: string;
  /** The value at fault, cut short. */
  value?: string;
  message: string;
}

/**
 * The first `limit` issues by line, plus a count of all of them. Issues may arrive out of line
 * order (checks that need the store run after parsing), so the kept ones stay sorted.
 */
export class IssueLog {
  private readonly kept: ImportIssue[] = [];
  private total = 0;

  constructor(private readonly limit = REPORTED_ISSUES) {}

  add(issue: ImportIssue): void {
    this.total += 1;
    const last = this.kept.at(-1);
    if (this.kept.length >= this.limit && last && last.line <= issue.line) return;
    let at = this.kept.length;
    while (at > 0 && (this.kept[at - 1] as ImportIssue).line > issue.line) at -= 1;
    this.kept.splice(at, 0, issue);
    if (this.kept.length > this.limit) this.kept.pop();
  }

  addAll(issues: readonly ImportIssue[], total = issues.length): void {
    for (const issue of issues) this.add(issue);
    this.total += total - issues.length;
  }

  get count(): number {
    return this.total;
  }

  get first(): ImportIssue[] {
    return [...this.kept];
  }
}

/**
 * One issue as a line of text for terminals and chat.
 *
 * @example formatIssue({ line: 14, column: "Cost", columnLetter: "C", value: "abc", message: "not a number" })
 * // 'line 14, column C "Cost": not a number ("abc")'
 */
export function formatIssue(issue: ImportIssue): string {
  const where = [`line ${issue.line}`];
  if (issue.column !== undefined) {
    where.push(`column ${issue.columnLetter ? `${issue.columnLetter} ` : ""}"${issue.column}"`);
  }
  const value = issue.value !== undefined ? ` ("${issue.value}")` : "";
  return `${where.join(", ")}: ${issue.message}${value}`;
}

/** Cuts a cell for messages: long values make unreadable error lists. */
export function shortValue(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
 *
 * @example columnLetter(27) // "AB"
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
