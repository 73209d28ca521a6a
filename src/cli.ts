import { existsSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { createServices, type Services, startBot } from "./app";
import { ConfigError, readConfig } from "./config";
import { createLogger, silentLogger } from "./logger";
import { writeChartFiles } from "./platforms/console/chart-files";
import { renderReplyAsText } from "./platforms/console/render-text";
import { replyToJson } from "./platforms/console/reply-json";
import { migrateOrThrow } from "./store/migrate";
import { openDatabase } from "./store/database";
import { seedDemo } from "./store/seed-demo";

/** Exit codes are a contract: 0 ok, 1 runtime failure, 2 bad usage or invalid input. */
const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

async function withServices<T>(
  work: (services: Services) => Promise<T>,
  options: { quiet?: boolean } = {},
): Promise<T> {
  const config = readConfig(process.env);
  const log = options.quiet ? silentLogger() : createLogger(config.logLevel);
  const services = await createServices(config, log);
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

function tenantOption() {
  return new Option("--tenant <id>", "tenant id (slack:T…, discord:<guild>, local)").default(
    "local",
  );
}

function buildProgram(): Command {
  const program = new Command("adpulse")
    .description("Marketing KPIs, attribution and budget decisions in Slack, Discord and the console")
    .showHelpAfterError()
    .exitOverride();

  program
    .command("start")
    .description("connect to every platform with credentials; with none, open the console bot")
    .action(async () => {
      const config = readConfig(process.env);
      const quietConsole = !config.slack && !config.discord;
      // The console is for people: keep JSON logs out of it unless asked for.
      const log = createLogger(quietConsole && !process.env.LOG_LEVEL ? "warn" : config.logLevel);
      const services = await createServices(config, log);
      const bot = await startBot(services, { input: process.stdin, output: process.stdout });
      const shutdown = async () => {
        await bot.stop();
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
      await bot.done;
      await services.close();
    });

  program
    .command("ask")
    .description("run one command through the dispatcher and print the reply")
    .argument("<text>", 'command text, e.g. "/campaign roi last 30d"')
    .addOption(tenantOption())
    .option("--user <id>", "user id", "local:cli")
    .option("--json", "print the reply as JSON")
    .option("--charts <dir>", "write chart PNGs to this folder")
    .action(async (text: string, opts: { tenant: string; user: string; json?: boolean; charts?: string }) => {
      const code = await withServices(
        async (services) => {
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
        },
        { quiet: true },
      );
      process.exitCode = code;
    });

  program
    .command("seed")
    .description("load the deterministic demo data set")
    .option("--demo", "the demo data set (the only one so far)")
    .addOption(tenantOption())
    .action(async (opts: { demo?: boolean; tenant: string }) => {
      if (!opts.demo) throw new UsageError("seed needs --demo (the demo data set is the only one)");
      await withServices(
        async (services) => {
          const s = await seedDemo(services.store, opts.tenant, services.clock.now());
          process.stdout.write(
            `Seeded ${s.tenantId}: ${s.campaigns} campaigns, ${s.dailyRows} daily rows, ${s.audienceRows} audience rows (${s.from}..${s.to}).\n`,
          );
        },
        { quiet: true },
      );
    });

  program
    .command("migrate")
    .description("bring the database schema up to date")
    .action(async () => {
      const config = readConfig(process.env);
      const handle = openDatabase(config.databaseUrl);
      try {
        const applied = await migrateOrThrow(handle.db);
        process.stdout.write(
          applied.length ? `Applied: ${applied.join(", ")}\n` : "Schema is up to date.\n",
        );
      } finally {
        await handle.close();
      }
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    // A `.env` beside the project fills unset variables (real environment variables win).
    if (existsSync(".env")) process.loadEnvFile(".env");
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version output are successes; everything else commander rejects is bad usage.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof ConfigError || error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`adpulse failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

process.exitCode = await main(process.argv);
