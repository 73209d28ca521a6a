import { addDays } from "../core/days";
import { type DayOrder, DayReader, parseInstant } from "./dates";
import { type ImportIssue, type IssueLog, shortValue } from "./issues";
import { type ColumnMapping, columnOf, type MappedColumn } from "./mapping";
import { isEmptyCell, type NumberFormat, parseAbbreviated, parseNumber } from "./numbers";

/** How this file writes numbers and dates, decided once from a sample. */
export interface CellFormats {
  number: NumberFormat;
  dayOrder: DayOrder;
  /** Zone for timestamps written without one (the tenant's). */
  timezone: string;
  /** The tenant's today: data dated after it is rejected. */
  today: string;
}

/**
 * Reads typed values out of one row at a time, reporting each bad cell with its line and column.
 * One instance per file; `start()` moves it to the next row. Readers return `undefined` for an
 * empty cell and `null` for a bad one (already reported).
 */
export class CellReader {
  private cells: readonly string[] = [];
  line = 0;
  /** Problems reported for the current row. */
  rowIssues = 0;
  /** Set by `count(…, { round: true })` when the last value had a fraction. */
  rounded = false;
  private readonly days: DayReader;
  private readonly indexes = new Map<string, number>();
  /** Instants from here on are in the future: a day of slack, "today" is the tenant's, instants UTC. */
  private readonly futureFrom: string;

  constructor(
    private readonly mapping: ColumnMapping,
    readonly formats: CellFormats,
    private readonly issues: IssueLog,
  ) {
    this.days = new DayReader(formats.dayOrder);
    this.futureFrom = `${addDays(formats.today, 2)}T00:00:00.000Z`;
    for (const key of mapping.fields.keys()) {
      const index = columnOf(mapping, key);
      if (index !== undefined) this.indexes.set(key, index);
    }
  }

  start(cells: readonly string[], line: number): void {
    this.cells = cells;
    this.line = line;
    this.rowIssues = 0;
  }

  has(field: string): boolean {
    return this.indexes.has(field);
  }

  /** The trimmed cell, or undefined when the field is not mapped or the cell is empty. */
  text(field: string): string | undefined {
    const index = this.indexes.get(field);
    if (index === undefined) return undefined;
    const raw = this.cells[index];
    if (raw === undefined) return undefined;
    const text = raw.trim();
    return text === "" ? undefined : text;
  }

  /** Reports a problem with `field`'s cell in the current row. */
  report(field: string | undefined, message: string, value?: string): void {
    this.rowIssues += 1;
    const index = field === undefined ? undefined : this.indexes.get(field);
    const column: MappedColumn | undefined =
      index === undefined ? undefined : this.mapping.columns[index];
    const issue: ImportIssue = { line: this.line, message };
    if (column) {
      issue.column = column.header;
      issue.columnLetter = column.letter;
    }
    if (value !== undefined) issue.value = shortValue(value);
    this.issues.add(issue);
  }

  /** A value the row cannot do without. */
  required(field: string, label: string): string | undefined {
    const text = this.text(field);
    if (text === undefined) this.report(field, `${label} is empty`);
    return text;
  }

  /** Any number (may be negative). */
  number(field: string, label: string): number | null | undefined {
    const text = this.text(field);
    if (text === undefined) return undefined;
    const value = parseNumber(text, this.formats.number);
    if (value === undefined) {
      // Placeholders ("--", "n/a") are checked only once a cell is not a number: rare, and
      // this runs for every figure of every row.
      if (isEmptyCell(text)) return undefined;
      this.report(field, `${label} is not a number`, text);
      return null;
    }
    return value;
  }

  /** A figure that cannot be negative (money, shares, rates). */
  nonNegative(field: string, label: string): number | null | undefined {
    const value = this.number(field, label);
    if (value === null || value === undefined) return value;
    if (value < 0) {
      this.report(field, `${label} cannot be negative`, this.text(field));
      return null;
    }
    return value;
  }

  /**
   * A whole count ≥ 0. `round` accepts fractions and rounds them (Google Ads writes modelled
   * conversions as 12.45); `abbreviated` reads `12.5K`.
   */
  count(
    field: string,
    label: string,
    options: { round?: boolean; abbreviated?: boolean } = {},
  ): number | null | undefined {
    const text = this.text(field);
    this.rounded = false;
    if (text === undefined) return undefined;
    const value = options.abbreviated
      ? parseAbbreviated(text, this.formats.number)
      : parseNumber(text, this.formats.number);
    if (value === undefined) {
      if (isEmptyCell(text)) return undefined;
      this.report(field, `${label} is not a number`, text);
      return null;
    }
    if (value < 0) {
      this.report(field, `${label} cannot be negative`, text);
      return null;
    }
    if (!Number.isInteger(value)) {
      if (options.round) {
        this.rounded = true;
        return Math.round(value);
      }
      this.report(field, `${label} must be a whole number`, text);
      return null;
    }
    if (!Number.isSafeInteger(value)) {
      this.report(field, `${label} is too large`, text);
      return null;
    }
    return value;
  }

  /**
   * A share 0–1: `12%`, `0.12` and `12` (above 1 reads as percent) all give 0.12; `4/5` gives
   * 0.8.
   */
  share(field: string, label: string): number | null | undefined {
    const text = this.text(field);
    if (text === undefined || isEmptyCell(text)) return undefined;
    const fraction = /^\s*([\d.,]+)\s*\/\s*(\d+)\s*$/.exec(text);
    let value: number | undefined;
    if (fraction) {
      const top = parseNumber(fraction[1] as string, this.formats.number);
      const bottom = Number(fraction[2]);
      value = top === undefined || bottom === 0 ? undefined : top / bottom;
    } else {
      const n = parseNumber(text, this.formats.number);
      value = n === undefined ? undefined : text.includes("%") || n > 1 ? n / 100 : n;
    }
    if (value === undefined) {
      this.report(field, `${label} is not a share (write 12%, 0.12 or 4/5)`, text);
      return null;
    }
    if (value < 0 || value > 1) {
      this.report(field, `${label} must be between 0 and 100%`, text);
      return null;
    }
    return value;
  }

  /** An ISO day, checked against impossible and future dates. */
  day(field: string, label: string): string | null | undefined {
    const text = this.text(field);
    if (text === undefined) return undefined;
    return this.checkDay(field, label, text);
  }

  checkDay(field: string | undefined, label: string, text: string): string | null {
    const result = this.days.read(text);
    if (result.error !== undefined) {
      this.report(field, `${label}: ${result.error}`, text);
      return null;
    }
    if ((result.day as string) > this.formats.today) {
      this.report(field, `${label} is in the future (today is ${this.formats.today})`, text);
      return null;
    }
    return result.day as string;
  }

  /** A UTC instant (`toISOString` form), checked against the future. */
  instant(field: string, label: string): string | null | undefined {
    const text = this.text(field);
    if (text === undefined) return undefined;
    const result = parseInstant(text, this.formats.dayOrder, this.formats.timezone);
    if (result.error !== undefined) {
      this.report(field, `${label}: ${result.error}`, text);
      return null;
    }
    if ((result.at as string) >= this.futureFrom) {
      this.report(field, `${label} is in the future (today is ${this.formats.today})`, text);
      return null;
    }
    return result.at as string;
  }

  /** An enumerated value through `read`; unknown values are reported with what is expected. */
  choice<T>(
    field: string,
    label: string,
    read: (text: string) => T | undefined,
    expectedText: string,
  ): T | null | undefined {
    const text = this.text(field);
    if (text === undefined) return undefined;
    const value = read(text);
    if (value === undefined) {
      this.report(field, `unknown ${label}; ${expectedText}`, text);
      return null;
    }
    return value;
  }
}
