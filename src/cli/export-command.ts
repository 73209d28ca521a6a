import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../bot/errors";
import { parseCampaignType, parsePlatform } from "../bot/option-values";
import { parsePeriodOrUserError } from "../bot/parse-text";
import { csvHeader, csvRows } from "../import/export-csv";
import { EXPORT_VIEWS, type ExportView, exportView } from "../import/export-views";
import { EXIT_OK, UsageError } from "./cli-errors";
import { tenantOption, withServices } from "./with-services";

interface ExportCliOptions {
  tenant: string;
  period?: string;
  platform?: string;
  type?: string;
  output?: string;
  bom?: boolean;
}

/**
 * `adpulse export <view>`: the view as CSV on stdout (or `--output FILE`), streamed a month of
 * daily rows at a time. Text cells that a spreadsheet would run as formulas are prefixed with
 * `'`; numeric columns stay numbers (see src/import/export-csv.ts).
 */
export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description(`write a view as CSV: ${EXPORT_VIEWS.join(", ")}`)
    .argument("<view>", EXPORT_VIEWS.join(" | "))
    .addOption(tenantOption())
    .option(
      "--period <text>",
      'period, e.g. "last 90d" or 2026-01-01..2026-03-31 (default: last 30 days)',
    )
    .option("--platform <name>", "only this ad platform")
    .option("--type <type>", "only this campaign type")
    .option("--output <file>", "write to this file instead of standard output")
    .option("--bom", "start with a UTF-8 byte-order mark (Excel on Windows)")
    .action(async (viewText: string, opts: ExportCliOptions) => {
      const view = viewText.trim().toLowerCase() as ExportView;
      if (!EXPORT_VIEWS.includes(view)) {
        throw new UsageError(`unknown view "${viewText}": use one of ${EXPORT_VIEWS.join(", ")}`);
      }
      process.exitCode = await withServices(async (services) => {
        const tenant = await services.store.tenants.get(opts.tenant);
        if (!tenant)
          throw new UserError(`There is no tenant "${opts.tenant}".`, "unknown_tenant", [
            "Import or seed data first: adpulse seed --demo",
          ]);
        const period = parsePeriodOrUserError(
          opts.period ?? "",
          services.clock.now(),
          tenant.timezone,
        );
        const table = await exportView({
          store: services.store,
          tenant,
          view,
          period,
          platform: opts.platform ? parsePlatform(opts.platform) : undefined,
          type: opts.type ? parseCampaignType(opts.type) : undefined,
        });
        const out = opts.output ? createWriteStream(opts.output) : process.stdout;
        const write = async (text: string) => {
          if (!out.write(text)) await once(out, "drain");
        };
        await write(`${opts.bom ? "\uFEFF" : ""}${csvHeader(table.columns)}`);
        let rows = 0;
        for await (const chunk of table.rows) {
          rows += chunk.length;
          await write(csvRows(table.columns, chunk));
        }
        if (opts.output) {
          out.end();
          await once(out, "finish");
          process.stderr.write(`Wrote ${rows} rows to ${opts.output}.\n`);
        }
        return EXIT_OK;
      });
    });
}
