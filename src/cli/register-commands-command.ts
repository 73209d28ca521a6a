import type { Command } from "commander";
import { REST } from "discord.js";
import commands from "../../commands/index";
import { readConfig } from "../config";
import { describeDiscordError } from "../platforms/discord/answer-interaction";
import { describeChanges } from "../platforms/discord/command-diff";
import { registerCommands } from "../platforms/discord/register-commands";
import { UsageError } from "./cli-errors";

/**
 * `adpulse register-commands [--guild ID]`: bulk-overwrites Discord's `/campaign` from the
 * command definitions and prints what changed. `adpulse start` does the same globally on every
 * start; this is for registering without starting, or into one server while developing.
 */
export function registerRegisterCommandsCommand(program: Command): void {
  program
    .command("register-commands")
    .description("register the Discord /campaign command from the command definitions")
    .option("--guild <id>", "register in this server only (shows at once)")
    .action(async (opts: { guild?: string }) => {
      const config = readConfig(process.env);
      if (!config.discord) {
        throw new UsageError(
          "register-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID: copy them from the Discord Developer Portal (Bot → Token, General Information → Application ID)",
        );
      }
      if (opts.guild !== undefined && !/^\d{5,25}$/.test(opts.guild)) {
        throw new UsageError(
          "--guild must be a numeric server id (right-click the server → Copy Server ID)",
        );
      }
      const rest = new REST(config.discord.apiUrl ? { api: config.discord.apiUrl } : {}).setToken(
        config.discord.token,
      );
      let result: Awaited<ReturnType<typeof registerCommands>>;
      try {
        result = await registerCommands(
          rest,
          { applicationId: config.discord.applicationId, guildId: opts.guild },
          commands,
        );
      } catch (error) {
        throw new Error(
          `Discord refused the registration (${describeDiscordError(error)}): check DISCORD_TOKEN and DISCORD_APPLICATION_ID belong to the same application${opts.guild ? ", and that the bot is in that server with the applications.commands scope" : ""}`,
          { cause: error },
        );
      }
      const subcommands = commands.map((c) => c.name).join(", ");
      process.stdout.write(
        [
          `Registered /campaign (${result.scope}) with subcommands: ${subcommands}.`,
          ...describeChanges(result.changes).map((line) => `  ${line}`),
          "",
        ].join("\n"),
      );
    });
}
