import type { Command } from "commander";
import { writeChartFiles } from "../platforms/console/chart-files";
import { renderReplyAsText } from "../platforms/console/render-text";
import { replyToJson } from "../platforms/console/reply-json";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./cli-errors";
import { tenantOption, withServices } from "./with-services";

interface AskOptions {
  tenant: string;
  user: string;
  json?: boolean;
  charts?: string;
}

export function registerAskCommand(program: Command): void {
  program
    .command("ask")
    .description("run one command through the dispatcher and print the reply")
    .argument("<text>", 'command text, e.g. "/campaign roi last 30d"')
    .addOption(tenantOption())
    .option("--user <id>", "user id", "local:cli")
    .option("--json", "print the reply as JSON")
    .option("--charts <dir>", "write chart PNGs to this folder")
    .action(async (text: string, opts: AskOptions) => {
      process.exitCode = await withServices(async (services) => {
        const reply = await services.dispatcher.dispatch({
          platform: "console",
          tenantId: opts.tenant,
          userId: opts.user,
          text,
        });
        const files = opts.charts ? await writeChartFiles(reply, opts.charts) : new Map();
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(replyToJson(reply, files), null, 2)}\n`);
        } else {
          const rendered = renderReplyAsText(reply, { chartFiles: files, width: 100 });
          (reply.data.error ? process.stderr : process.stdout).write(`${rendered}\n`);
        }
        const error = reply.data.error as { code?: string } | undefined;
        if (!error) return EXIT_OK;
        return error.code === "internal" ? EXIT_FAILURE : EXIT_USAGE;
      });
    });
}
