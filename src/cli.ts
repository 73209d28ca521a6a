import { existsSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { isUserError } from "./bot/errors";
import { registerAskCommand } from "./cli/ask-command";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from "./cli/cli-errors";
import { registerExportCommand } from "./cli/export-command";
import { registerImportCommand } from "./cli/import-command";
import { registerJobsCommand } from "./cli/jobs-command";
import { registerMigrateCommand } from "./cli/migrate-command";
import { registerRegisterCommandsCommand } from "./cli/register-commands-command";
import { registerSeedCommand } from "./cli/seed-command";
import { registerStartCommand } from "./cli/start-command";
import { ConfigError } from "./config";

/** Every `adpulse` subcommand, one file each in src/cli/, listed explicitly. */
const REGISTRARS = [
  registerStartCommand,
  registerAskCommand,
  registerSeedCommand,
  registerImportCommand,
  registerExportCommand,
  registerMigrateCommand,
  registerRegisterCommandsCommand,
  registerJobsCommand,
];

function buildProgram(): Command {
  const program = new Command("adpulse")
    .description(
      "Marketing KPIs, attribution and budget decisions in Slack, Discord and the console",
    )
    .showHelpAfterError()
    .exitOverride();
  for (const register of REGISTRARS) register(program);
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
    // Bad input found while a command ran (unknown tenant, bad period, may not import).
    if (isUserError(error)) {
      process.stderr.write(`${[error.message, ...error.hints].join("\n")}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`adpulse failed: ${message}\n`);
    return EXIT_FAILURE;
  }
}

process.exitCode = await main(process.argv);
