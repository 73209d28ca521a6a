import { type CsvError, Parser } from "csv-parse";
import { type CsvDialect, sniffDialect } from "./sniff";

/** Bytes read before deciding the dialect and the number and date formats. */
export const SAMPLE_BYTES = 1 << 20;
/** Data rows given to format detection. */
export const SAMPLE_ROWS = 2_000;

export type CsvInput = AsyncIterable<Uint8Array | string>;

/** A file-level problem: not CSV at all, or broken quoting. */
export class CsvFormatError extends Error {
  override readonly name = "CsvFormatError";
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export interface CsvRecords {
  records: string[][];
  /** Line each record starts on (1-based, physical). */
  lines: number[];
}

export interface OpenedCsv {
  dialect: CsvDialect;
  encoding: "utf-8" | "utf-16le";
  bom: boolean;
  header: string[];
  headerLine: number;
  /** The first data records, for format detection (they are also yielded by `rows`). */
  sample: string[][];
  /** Every data record after the header, in batches. */
  rows: AsyncGenerator<CsvRecords>;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Opens a CSV stream: sniffs the dialect from the first MiB, then parses everything with
 * csv-parse, record by record, without holding the file. Handles a UTF-8 BOM, UTF-16LE files
 * (Excel's "Unicode text"), CRLF/LF/CR line breaks and quoted fields with delimiters and line
 * breaks inside. Throws {@link CsvFormatError} for files that are not text (an Excel workbook)
 * or have no header.
 */
export async function openCsv(
  input: CsvInput,
  options: { batchRows?: number } = {},
): Promise<OpenedCsv> {
  const iterator = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = toBuffer(next.value);
    head.push(chunk);
    headBytes += chunk.length;
  }
  const first = Buffer.concat(head);
  if (first.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new CsvFormatError(
      "this is an Excel workbook (.xlsx), not CSV: open it and save it as CSV (UTF-8)",
    );
  }
  const utf16 = first[0] === 0xff && first[1] === 0xfe;
  const bom = utf16 || UTF8_BOM.every((b, i) => first[i] === b);
  if (!utf16 && first.subarray(0, 4096).includes(0)) {
    throw new CsvFormatError("this file is not text: export the report as CSV");
  }

  const decoder = new TextDecoder(utf16 ? "utf-16le" : "utf-8");
  const sampleText = decoder.decode(first, { stream: !done }).replace(/^\uFEFF/, "");
  if (sampleText.trim() === "") throw new CsvFormatError("the file is empty");
  const dialect = sniffDialect(sampleText, done);

  // UTF-16 is re-encoded as UTF-8 for the parser; UTF-8 goes through untouched.
  const chunks: AsyncIterable<Buffer> = utf16
    ? reencode(first, iterator, done)
    : rest(first, iterator, done);
  const rows = parseRecords(chunks, dialect, options.batchRows ?? 4096);

  let header: string[] | undefined;
  let headerLine = dialect.headerLine;
  const buffered: CsvRecords[] = [];
  const sample: string[][] = [];
  while (sample.length < SAMPLE_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    const batch = next.value;
    if (!header) {
      header = batch.records.shift();
      headerLine = batch.lines.shift() ?? headerLine;
    }
    buffered.push(batch);
    for (const record of batch.records) {
      if (sample.length < SAMPLE_ROWS) sample.push(record);
    }
  }
  if (!header) throw new CsvFormatError("the file has no header row");

  async function* all(): AsyncGenerator<CsvRecords> {
    yield* buffered.splice(0);
    yield* rows;
  }
  return {
    dialect,
    encoding: utf16 ? "utf-16le" : "utf-8",
    bom,
    header: header.map((h) => h.replace(/^\uFEFF/, "")),
    headerLine,
    sample,
    rows: all(),
  };
}

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.isBuffer(chunk)
    ? chunk
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

async function* rest(
  first: Buffer,
  iterator: AsyncIterator<Uint8Array | string>,
  done: boolean,
): AsyncGenerator<Buffer> {
  yield first;
  if (done) return;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield toBuffer(next.value);
  }
}

async function* reencode(
  first: Buffer,
  iterator: AsyncIterator<Uint8Array | string>,
  done: boolean,
): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder("utf-16le");
  for await (const chunk of rest(first, iterator, done)) {
    yield Buffer.from(decoder.decode(chunk, { stream: true }), "utf8");
  }
  const tail = decoder.decode();
  if (tail) yield Buffer.from(tail, "utf8");
}

/**
 * Parses with csv-parse in flowing mode, collecting records into batches as they come.
 * Line numbers are counted here rather than asked of csv-parse (its per-record `info` objects
 * cost about a third of its time): each record starts on the line after the previous one plus
 * the line breaks quoted inside that one. Empty lines are kept as records for the count, and
 * skipped later as blank rows.
 */
async function* parseRecords(
  chunks: AsyncIterable<Buffer>,
  dialect: CsvDialect,
  batchRows: number,
): AsyncGenerator<CsvRecords> {
  let records: string[][] = [];
  let lines: number[] = [];
  let nextLine = dialect.headerLine;
  let failure: CsvError | undefined;
  const parser = new Parser({
    delimiter: dialect.delimiter,
    bom: true,
    from_line: dialect.headerLine,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  parser.on("data", (record: string[]) => {
    records.push(record);
    lines.push(nextLine);
    let breaks = 0;
    for (let i = 0; i < record.length; i++) {
      const field = record[i] as string;
      for (let at = field.indexOf("\n"); at >= 0; at = field.indexOf("\n", at + 1)) breaks += 1;
    }
    nextLine += 1 + breaks;
  });
  parser.on("error", (error: CsvError) => {
    failure ??= error;
  });
  const ended = new Promise<void>((resolve) => {
    parser.once("end", resolve);
    parser.once("error", () => resolve());
  });

  const write = (chunk: Buffer) =>
    new Promise<void>((resolve) => {
      parser.write(chunk, () => resolve());
    });
  for await (const chunk of chunks) {
    // Feed in slices so one huge chunk does not become one huge batch.
    for (let at = 0; at < chunk.length; at += 256 * 1024) {
      await write(chunk.subarray(at, at + 256 * 1024));
      if (failure) throw formatError(failure, nextLine);
      if (records.length >= batchRows) {
        yield { records, lines };
        records = [];
        lines = [];
      }
    }
  }
  parser.end();
  await ended;
  if (failure) throw formatError(failure, nextLine);
  if (records.length > 0) yield { records, lines };
}

function formatError(error: CsvError, fallbackLine: number): CsvFormatError {
  const line = (error as CsvError & { lines?: number }).lines ?? fallbackLine;
  const reason =
    error.code === "CSV_QUOTE_NOT_CLOSED"
      ? 'a quoted field is never closed (an unmatched ")'
      : error.message.replace(
          /^Invalid Record Length:.*$/,
          "rows have different numbers of columns",
        );
  return new CsvFormatError(`the file cannot be read as CSV: ${reason}`, line);
}
