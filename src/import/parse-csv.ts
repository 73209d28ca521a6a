import type { Platform } from "../store/schema";
import { type CellFormats, CellReader } from "./cell-reader";
import { CsvFormatError, type CsvInput, openCsv } from "./csv-reader";
import { type DayOrder, detectDayOrder } from "./dates";
import { currencyOfUnit } from "./headers";
import { type ImportIssue, IssueLog } from "./issues";
import { type ImportBatch, KIND_DEFINITIONS, type KindDefinition } from "./kind-registry";
import { IMPORT_KINDS, type ImportKind } from "./kinds";
import { type ColumnMapping, type MappedColumn, type MappingProblem, mapColumns } from "./mapping";
import { detectNumberFormat, type NumberFormat } from "./numbers";
import type { ConverterReport } from "./row-converter";

export interface ParseOptions {
  /** The kind named by the user, or "auto" to tell it from the header. */
  kind: ImportKind | "auto";
  /** `--date`, already checked to be an ISO day. */
  date?: string;
  /** `--platform`: the platform of new campaigns when the file does not say. */
  platform?: Platform;
  /** `--date-order`: how `03/01/2026` reads when the file does not tell. */
  dayOrder?: DayOrder;
  /** The tenant's timezone and today. */
  timezone: string;
  today: string;
}

/** How the file was read: everything the summary shows about columns and formats. */
export interface ParseStart {
  kind: ImportKind;
  delimiter: string;
  encoding: "utf-8" | "utf-16le";
  bom: boolean;
  headerLine: number;
  preamble: string[];
  columns: MappedColumn[];
  numberFormat: NumberFormat & { evidence: "sample" | "default" };
  dayOrder: { order: DayOrder; evidence: "sample" | "option" | "default" };
  /** Currency named in the headers ("Amount spent (EUR)"). */
  currency?: string;
  /** Kind-specific: export recognised, date source, journey shape. */
  facts: Record<string, string | boolean | string[]>;
}

export interface FileProblem {
  line?: number;
  message: string;
}

export type ParseEvent =
  | { type: "start"; start: ParseStart }
  /** `issues`: problems found so far (the writer stops writing at the first). */
  | { type: "batch"; batch: ImportBatch; issues: number }
  | { type: "end"; report: ConverterReport; issues: ImportIssue[]; issueCount: number }
  /** The file cannot be imported at all: not CSV, or columns missing or ambiguous. */
  | { type: "rejected"; kind?: ImportKind; columns: MappedColumn[]; problems: FileProblem[] };

const NUMERIC_TYPES = new Set(["count", "decimal", "money", "share"]);
const DATE_TYPES = new Set(["day", "instant"]);

/**
 * Reads a CSV export of one kind into store-ready batches, validating every row. Pure apart
 * from reading `input`: the same code runs inline and in the parse worker. Batches carry only
 * valid rows; problems are collected (the first 20 in full) and reported at the end.
 */
export async function* parseCsv(
  input: CsvInput,
  options: ParseOptions,
): AsyncGenerator<ParseEvent> {
  let opened: Awaited<ReturnType<typeof openCsv>>;
  try {
    opened = await openCsv(input);
  } catch (error) {
    if (error instanceof CsvFormatError) {
      yield {
        type: "rejected",
        columns: [],
        problems: [{ line: error.line, message: error.message }],
      };
      return;
    }
    throw error;
  }
  const { header, headerLine, sample } = opened;

  const chosen = chooseKind(header, options);
  if ("problems" in chosen) {
    yield {
      type: "rejected",
      columns: chosen.columns,
      problems: chosen.problems.map((p) => ({ line: headerLine, message: p.message })),
    };
    return;
  }
  const { definition, mapping } = chosen;

  const numberFormat = detectNumberFormat(
    cellsOfTypes(sample, mapping, definition, NUMERIC_TYPES),
    opened.dialect.delimiter,
  );
  const detected = detectDayOrder(cellsOfTypes(sample, mapping, definition, DATE_TYPES));
  if (detected === "conflict" && !options.dayOrder) {
    yield {
      type: "rejected",
      kind: definition.kind,
      columns: mapping.columns,
      problems: [
        {
          line: headerLine,
          message:
            "dates are written both month-first (03/13/2026) and day-first (13/03/2026): make them consistent, or pass --date-order mdy|dmy",
        },
      ],
    };
    return;
  }
  const dayOrder: ParseStart["dayOrder"] = options.dayOrder
    ? { order: options.dayOrder, evidence: "option" }
    : detected && detected !== "conflict"
      ? { order: detected, evidence: "sample" }
      : { order: numberFormat.decimal === "," ? "dmy" : "mdy", evidence: "default" };

  const formats: CellFormats = {
    number: numberFormat,
    dayOrder: dayOrder.order,
    timezone: options.timezone,
    today: options.today,
  };
  const issues = new IssueLog();
  const reader = new CellReader(mapping, formats, issues);
  const { converter, facts } = definition.setup(reader, mapping, {
    header,
    date: options.date,
    platform: options.platform,
  });
  const currency = mapping.columns
    .map((c) => (c.field ? currencyOfUnit(c.unit) : undefined))
    .find(Boolean);

  yield {
    type: "start",
    start: {
      kind: definition.kind,
      delimiter: opened.dialect.delimiter,
      encoding: opened.encoding,
      bom: opened.bom,
      headerLine,
      preamble: opened.dialect.preamble,
      columns: mapping.columns,
      numberFormat,
      dayOrder,
      ...(currency ? { currency } : {}),
      facts,
    },
  };

  const width = header.length;
  try {
    for await (const { records, lines } of opened.rows) {
      for (let i = 0; i < records.length; i++) {
        const cells = records[i] as string[];
        const line = lines[i] as number;
        if (cells.length > width && cells.slice(width).some((c) => c.trim() !== "")) {
          issues.add({
            line,
            message: `the row has ${cells.length} cells but the header has ${width}: a delimiter inside an unquoted value?`,
          });
          continue;
        }
        converter.add(cells, line);
      }
      for (let batch = converter.take(false); batch; batch = converter.take(false)) {
        yield { type: "batch", batch, issues: issues.count };
      }
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    issues.add({ line: error.line ?? headerLine, message: error.message });
  }
  for (let batch = converter.take(true); batch; batch = converter.take(true)) {
    yield { type: "batch", batch, issues: issues.count };
  }
  yield { type: "end", report: converter.report(), issues: issues.first, issueCount: issues.count };
}

/** The kind asked for, or the one whose columns the header fits best. */
function chooseKind(
  header: readonly string[],
  options: ParseOptions,
):
  | { definition: KindDefinition; mapping: ColumnMapping }
  | { columns: MappedColumn[]; problems: MappingProblem[] } {
  const mappingOptions = { date: options.date };
  if (options.kind !== "auto") {
    const definition = KIND_DEFINITIONS[options.kind];
    const result = mapColumns(header, definition.spec, mappingOptions);
    if (!result.ok) return { columns: result.mapping.columns, problems: result.problems };
    return { definition, mapping: result.mapping };
  }
  const fits = IMPORT_KINDS.flatMap((kind) => {
    const definition = KIND_DEFINITIONS[kind];
    const result = mapColumns(header, definition.spec, mappingOptions);
    return result.ok
      ? [{ definition, mapping: result.mapping, score: result.mapping.fields.size }]
      : [];
  }).sort((a, b) => b.score - a.score);
  const [best, second] = fits;
  if (best && (!second || second.score < best.score)) return best;
  const columns = mapColumns(
    header,
    KIND_DEFINITIONS.campaigns.spec,
    mappingOptions,
  ).mapping.columns.map((c) => ({ ...c, field: undefined }));
  const names = fits.map((f) => f.definition.kind);
  return {
    columns,
    problems: [
      {
        message: names.length
          ? `the columns fit ${names.join(" and ")} equally well: say which kind this file is`
          : `the columns do not look like any kind adpulse imports (${IMPORT_KINDS.join(", ")}): say which kind it is to see what is missing`,
      },
    ],
  };
}

function cellsOfTypes(
  sample: readonly string[][],
  mapping: ColumnMapping,
  definition: KindDefinition,
  types: Set<string>,
): string[] {
  const indexes: number[] = [];
  for (const field of definition.spec.fields) {
    if (!types.has(field.type)) continue;
    for (const index of mapping.fields.get(field.key) ?? []) indexes.push(index);
  }
  const out: string[] = [];
  for (const row of sample) {
    for (const index of indexes) {
      const cell = row[index];
      if (cell && cell.trim() !== "") out.push(cell);
    }
  }
  return out;
}
