import { existsSync, statSync } from "node:fs";
import { type Command, Option } from "commander";
import { parsePlatform } from "../bot/option-values";
import { formatIssue } from "../import/issues";
import { IMPORT_KINDS, type ImportKind, parseImportKind } from "../import/kinds";
import { type ImportContext, importFromFile, importFromStream } from "../import/run-import";
import { summaryReply } from "../import/summary";
import { renderReplyAsText } from "../platforms/console/render-text";
import { EXIT_OK, EXIT_USAGE, UsageError } from "./cli-errors";
import { tenantOption, withServices } from "./with-services";

interface ImportCliOptions {
  tenant: string;
  user: string;
  dryRun?: boolean;
  json?: boolean;
  date?: string;
  platform?: string;
  dateOrder?: "mdy" | "dmy";
  parallel?: boolean;
}

/**
 * `adpulse import <kind> <file>`: one CSV export into the store, all or nothing. Exit 0 when
 * imported (or valid, with --dry-run), 2 when the file has problems (the first 20, with line and
 * column, on stderr) or the usage is wrong, 1 when the store fails. `-` reads standard input.
 *
 * The CLI runs as `local:cli`: console and CLI users are managers of every tenant (they already
 * hold the database; see src/core/permissions.ts).
 */
export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description(
      "import a CSV export (campaigns, journeys, influencers, posts, users, user-events)",
    )
    .argument("<kind>", `what the file holds: ${IMPORT_KINDS.join(", ")}, or auto`)
    .argument("<file>", "the CSV file, or - for standard input")
    .addOption(tenantOption())
    .option("--user <id>", "who imports (audit log)", "local:cli")
    .option("--dry-run", "validate and count only; write nothing")
    .option("--json", "print the summary as JSON")
    .option("--date <YYYY-MM-DD>", "the day of every row, for files without a date column")
    .option("--platform <name>", "platform of new campaigns when the file has no platform column")
    .addOption(
      new Option(
        "--date-order <order>",
        "how 03/01/2026 reads when the file does not tell",
      ).choices(["mdy", "dmy"]),
    )
    .option("--no-parallel", "parse on the main thread even for big files")
    .action(async (kindText: string, file: string, opts: ImportCliOptions) => {
      const kind: ImportKind | "auto" | undefined =
        kindText === "auto" ? "auto" : parseImportKind(kindText);
      if (!kind) {
        throw new UsageError(
          `unknown kind "${kindText}": use one of ${IMPORT_KINDS.join(", ")} (or auto)`,
        );
      }
      if (file !== "-" && (!existsSync(file) || !statSync(file).isFile())) {
        throw new UsageError(`no such file: ${file}`);
      }
      process.exitCode = await withServices(async (services) => {
        const platform = opts.platform ? parsePlatform(opts.platform) : undefined;
        const tenant = await services.store.tenants.seen(
          opts.tenant,
          undefined,
          services.config.defaultTimezone,
          services.clock.now(),
        );
        const ctx: ImportContext = {
          store: services.store,
          tenant,
          user: { id: opts.user },
          clock: services.clock,
          log: services.log,
          managers: services.config.managers,
        };
        const options = {
          dryRun: opts.dryRun,
          date: opts.date,
          platform,
          dayOrder: opts.dateOrder,
          ...(opts.parallel === false ? { parallel: false } : {}),
        };
        const summary =
          file === "-"
            ? await importFromStream(ctx, kind, process.stdin, { ...options, fileName: "stdin" })
            : await importFromFile(ctx, kind, file, options);
        if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        if (summary.status === "invalid") {
          const lines = summary.errors.map(formatIssue);
          if (summary.errorCount > lines.length)
            lines.push(`…and ${summary.errorCount - lines.length} more`);
          process.stderr.write(
            `${file}: nothing imported, ${summary.errorCount} problem${summary.errorCount === 1 ? "" : "s"}:\n${lines.map((l) => `  ${l}`).join("\n")}\n`,
          );
          return EXIT_USAGE;
        }
        if (!opts.json)
          process.stdout.write(`${renderReplyAsText(summaryReply(summary), { width: 100 })}\n`);
        return EXIT_OK;
      });
    });
}
