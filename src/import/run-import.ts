import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Readable } from "node:stream";
import type { Clock } from "../bot/clock";
import { UserError } from "../bot/errors";
import { isIsoDay } from "../core/days";
import { todayIn } from "../core/period";
import { hasPermission, whoMay } from "../core/permissions";
import type { Logger } from "../logger";
import type { Platform, Tenant } from "../store/schema";
import type { Store } from "../store/store";
import type { CsvInput } from "./csv-reader";
import type { DayOrder } from "./dates";
import { IssueLog } from "./issues";
import type { ImportKind } from "./kinds";
import type { CampaignBatch } from "./kinds/campaigns-rows";
import { METRIC_FIELDS } from "./kinds/campaigns-spec";
import type { KeyedBatch } from "./kinds/keyed-rows";
import { type ParseEvent, type ParseOptions, type ParseStart, parseCsv } from "./parse-csv";
import { parseInWorker } from "./parse-in-worker";
import type { ImportSummary } from "./summary";
import { CampaignWriter } from "./writers/campaign-writer";
import { KeyedWriter } from "./writers/keyed-writer";
import type { WriteCounts } from "./writers/write-counts";

/**
 * Who imports where: the slice of a command `Context` an import needs. The dispatcher's
 * context fits; so does what a chat adapter builds from an upload event.
 */
export interface ImportContext {
  store: Store;
  tenant: Tenant;
  /** Platform-qualified: `slack:U123`, `discord:456`, `local:cli`. */
  user: { id: string };
  clock: Clock;
  log?: Logger;
  /** `config.managers` (ADPULSE_MANAGERS). */
  managers: readonly string[];
}

export interface ImportOptions {
  /** Validate and count only: nothing is written. */
  dryRun?: boolean;
  /** `YYYY-MM-DD`: the day of every row when the file has no date column. */
  date?: string;
  /** Platform of new campaigns when the file has no platform column. */
  platform?: Platform;
  /** How `03/01/2026` reads when the file does not tell (default: month first, day first with decimal commas). */
  dayOrder?: DayOrder;
  /** Shown in the summary. */
  fileName?: string;
  /**
   * Parse on a worker thread (files only). Default: for files of 16 MiB or more, where running
   * parsing beside the store writes pays for the thread's start-up.
   */
  parallel?: boolean;
}

/** Files from this size are parsed on a worker thread by default. */
export const PARALLEL_FROM_BYTES = 16 * 1024 * 1024;

/** Thrown inside the transaction to roll it back, carrying what would have been written. */
class Rollback extends Error {
  constructor(readonly result: WriteOutcome) {
    super("rolled back");
  }
}

interface WriteOutcome {
  counts: WriteCounts;
  campaigns?: { created: number; updated: number };
  audienceRows?: number;
  period?: { from: string; to: string };
}

/**
 * Imports a CSV stream of `kind` ("auto": tell it from the header) into the context's tenant.
 * The whole file is validated and written in one transaction: any problem, and nothing is
 * written. Re-importing the same rows updates them in place (counts say inserted / updated /
 * unchanged). Resolves with the summary whatever the file's state ({@link ImportSummary.status}
 * is "invalid" when it had problems); throws {@link UserError} when the user may not import or
 * an option is malformed, and anything else for bugs or an unreachable store.
 *
 * @example
 * const summary = await importFromStream(ctx, "campaigns", createReadStream("meta.csv"), { fileName: "meta.csv" });
 * summary.counts // { inserted: 1250, updated: 0, unchanged: 0 }
 */
export async function importFromStream(
  ctx: ImportContext,
  kind: ImportKind | "auto",
  /** The bytes, or how to fetch them: opened only once the user may import (no wasted download). */
  input: CsvInput | Readable | (() => Promise<CsvInput>),
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const parseOptions = await prepare(ctx, kind, options);
  const bytes = typeof input === "function" ? await input() : input;
  return run(ctx, parseCsv(bytes as CsvInput, parseOptions), options);
}

/** {@link importFromStream} over bytes already in memory (a chat attachment). */
export async function importFromBuffer(
  ctx: ImportContext,
  kind: ImportKind | "auto",
  bytes: Uint8Array | string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  async function* once() {
    yield bytes;
  }
  return importFromStream(ctx, kind, once(), options);
}

/** {@link importFromStream} over a file; big files are parsed on a worker thread. */
export async function importFromFile(
  ctx: ImportContext,
  kind: ImportKind | "auto",
  path: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const parseOptions = await prepare(ctx, kind, options);
  const size = (await stat(path)).size;
  const named = { fileName: basename(path), ...options };
  const parallel = options.parallel ?? size >= PARALLEL_FROM_BYTES;
  const events = parallel
    ? parseInWorker(path, parseOptions)
    : parseCsv(createReadStream(path, { highWaterMark: 1 << 20 }), parseOptions);
  return run(ctx, events, named);
}

/** Permission and option checks, before any byte is read. */
async function prepare(
  ctx: ImportContext,
  kind: ImportKind | "auto",
  options: ImportOptions,
): Promise<ParseOptions> {
  await assertMayImport(ctx);
  if (options.date !== undefined && !isIsoDay(options.date)) {
    throw new UserError(`"${options.date}" is not a date: write --date as YYYY-MM-DD.`, "bad_date");
  }
  return {
    kind,
    date: options.date,
    platform: options.platform,
    dayOrder: options.dayOrder,
    timezone: ctx.tenant.timezone,
    today: todayIn(ctx.clock.now(), ctx.tenant.timezone),
  };
}

/**
 * Managers and members with the importer role may import (see src/core/permissions.ts for the
 * bootstrap and console rules); everyone else gets a UserError naming who can.
 */
async function assertMayImport(ctx: ImportContext): Promise<void> {
  if (await hasPermission(ctx, "import")) return;
  throw new UserError(`You cannot import data into ${ctx.tenant.name}.`, "import_forbidden", [
    whoMay("import"),
    "Ask a manager to grant you the importer role.",
  ]);
}

async function run(
  ctx: ImportContext,
  events: AsyncGenerator<ParseEvent>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const tenantId = ctx.tenant.id;
  const first = (await events.next()).value as ParseEvent | undefined;
  const base = {
    status: "invalid" as ImportSummary["status"],
    kind: null as ImportKind | null,
    tenantId,
    file: options.fileName ?? null,
    format: null as ImportSummary["format"],
    columns: [] as ImportSummary["columns"],
    rows: { read: 0, skipped: { total: 0, empty: 0 }, merged: 0 },
    counts: { inserted: 0, updated: 0, unchanged: 0 },
    period: null,
    facts: {},
    notes: [] as string[],
  };
  if (!first || first.type === "rejected") {
    const problems =
      first?.type === "rejected" ? first.problems : [{ message: "the file is empty" }];
    return {
      ...base,
      kind: first?.type === "rejected" ? (first.kind ?? null) : null,
      columns: first?.type === "rejected" ? columnsOf(first.columns) : [],
      errors: problems.map((p) => ({ line: p.line ?? 1, message: p.message })),
      errorCount: problems.length,
      ms: Math.round(performance.now() - started),
    };
  }
  if (first.type !== "start") throw new Error(`parse began with ${first.type}`);
  const start = first.start;
  const issues = new IssueLog();
  let report: Extract<ParseEvent, { type: "end" }>["report"] | undefined;

  let outcome: WriteOutcome;
  try {
    outcome = await ctx.store.transaction(async (trx) => {
      const dryRun = options.dryRun ?? false;
      const writer =
        start.kind === "campaigns"
          ? new CampaignWriter(
              trx,
              {
                tenantId,
                dryRun,
                now: ctx.clock.now(),
                mappedMetrics: METRIC_FIELDS.map((m) => start.columns.some((c) => c.field === m)),
              },
              issues,
            )
          : new KeyedWriter(trx, { tenantId, dryRun }, issues);
      if (writer instanceof CampaignWriter) await writer.begin();
      for await (const event of events) {
        if (event.type === "batch") {
          if (event.issues > 0) writer.halt();
          if (writer instanceof CampaignWriter) await writer.write(event.batch as CampaignBatch);
          else await writer.write(event.batch as KeyedBatch<Record<string, unknown>>);
        } else if (event.type === "end") {
          report = event.report;
          issues.addAll(event.issues, event.issueCount);
          if (event.issueCount > 0) writer.halt();
        }
      }
      const result: WriteOutcome =
        writer instanceof CampaignWriter
          ? campaignOutcome(await writer.finish())
          : { counts: writer.finish() };
      if (issues.count > 0 || dryRun) throw new Rollback(result);
      await trx.audit.append({
        tenantId,
        actor: ctx.user.id,
        action: `import.${start.kind}`,
        subject: options.fileName ?? "(stream)",
        details: { ...result.counts, period: result.period ?? null },
        at: ctx.clock.now(),
      });
      return result;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    outcome = error.result;
  } finally {
    // An early exit (a store error) must not leave a worker parsing.
    await events.return(undefined);
  }

  const invalid = issues.count > 0;
  const summary: ImportSummary = {
    ...base,
    status: invalid ? "invalid" : options.dryRun ? "dry_run" : "imported",
    kind: start.kind,
    format: formatOf(start),
    columns: columnsOf(start.columns),
    rows: report
      ? {
          read: report.rows,
          skipped: { total: report.skipped.total ?? 0, empty: report.skipped.empty ?? 0 },
          merged: report.merged,
        }
      : base.rows,
    counts: outcome.counts,
    period: outcome.period ?? null,
    facts: start.facts,
    notes: [...(report?.notes ?? []), ...currencyNote(start, ctx.tenant)],
    errors: issues.first,
    errorCount: issues.count,
    ms: Math.round(performance.now() - started),
  };
  if (outcome.campaigns) summary.campaigns = outcome.campaigns;
  if (outcome.audienceRows !== undefined) summary.audienceRows = outcome.audienceRows;
  ctx.log?.info(
    {
      kind: start.kind,
      status: summary.status,
      ...summary.counts,
      errors: summary.errorCount,
      ms: summary.ms,
    },
    "import finished",
  );
  return summary;
}

function campaignOutcome(result: Awaited<ReturnType<CampaignWriter["finish"]>>): WriteOutcome {
  const { inserted, updated, unchanged, campaignsCreated, campaignsUpdated, audienceRows, period } =
    result;
  return {
    counts: { inserted, updated, unchanged },
    campaigns: { created: campaignsCreated, updated: campaignsUpdated },
    audienceRows,
    ...(period ? { period } : {}),
  };
}

function columnsOf(columns: ParseStart["columns"]): ImportSummary["columns"] {
  return columns.map((c) => ({
    column: c.letter,
    header: c.header,
    field: c.field ?? null,
    ...(c.note ? { note: c.note } : {}),
  }));
}

function formatOf(start: ParseStart): ImportSummary["format"] {
  return {
    delimiter: start.delimiter,
    encoding: start.encoding,
    bom: start.bom,
    headerLine: start.headerLine,
    preambleLines: start.preamble.length,
    decimal: start.numberFormat.decimal,
    decimalFrom: start.numberFormat.evidence,
    dayOrder: start.dayOrder.order,
    dayOrderFrom: start.dayOrder.evidence,
    currency: start.currency ?? null,
  };
}

function currencyNote(start: ParseStart, tenant: Tenant): string[] {
  if (!start.currency || start.currency === tenant.currency) return [];
  return [
    `amounts are in ${start.currency} but ${tenant.name} reports in ${tenant.currency}: they were imported as they are, without conversion`,
  ];
}
