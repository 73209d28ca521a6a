import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPutAPIApplicationCommandsJSONBody,
} from "discord.js";
import type { Command, OptionDefinition } from "../../bot/command";
import { DISCORD_NAME, DISCORD_LIMITS as L } from "./discord-limits";
import { oneLine, truncate } from "./discord-text";

/** The one top-level command; every entry of commands/index.ts is a subcommand of it. */
export const CAMPAIGN_COMMAND = "campaign";
const CAMPAIGN_DESCRIPTION = "Marketing KPIs, ROI rankings, trends and comparisons from adpulse";

/** Where an option's autocomplete suggestions come from (see autocomplete.ts). */
export type AutocompleteSource = "period" | "campaign" | "choices";

/**
 * How one option definition appears in Discord:
 * - `period` → STRING with autocomplete: suggestions for the common periods, yet any text is
 *   accepted (`2026-01-01..2026-01-31`, `last 2w`), which fixed choices would forbid;
 * - `platform`, `campaign_type`, `metric`, `choice` → STRING with fixed choices, or with
 *   autocomplete over the same values when there are more than Discord's 25;
 * - `integer` → INTEGER bounded like the dispatcher bounds it (default 1–1000);
 * - `campaign` → STRING autocompleted from the tenant's campaigns (the value is the campaign id);
 * - `text` → STRING.
 */
export function autocompleteSource(option: OptionDefinition): AutocompleteSource | undefined {
  if (option.kind === "period") return "period";
  if (option.kind === "campaign") return "campaign";
  if ((option.choices?.length ?? 0) > L.choices) return "choices";
  return undefined;
}

/**
 * The `/campaign` command with one subcommand per command definition, as the body of a bulk
 * overwrite (`PUT /applications/{id}/commands`). Derived entirely from the definitions, so
 * Discord offers exactly what the dispatcher accepts; `adapterSubcommands` are the Discord
 * adapter's own (`import`, which takes a file attachment). Throws when a definition cannot be
 * expressed in Discord at all (a bad name, too many subcommands): that is a bug to fix in the
 * definition, found by the tests, not something to cut silently.
 *
 * @example
 * await rest.put(Routes.applicationCommands(appId), { body: buildCommandPayload(commands) });
 */
export function buildCommandPayload(
  commands: readonly Command[],
  adapterSubcommands: readonly APIApplicationCommandSubcommandOption[] = [],
): RESTPutAPIApplicationCommandsJSONBody {
  const total = commands.length + adapterSubcommands.length;
  if (total > L.subcommands) {
    throw new Error(
      `Discord allows at most ${L.subcommands} subcommands; commands/index.ts lists ${commands.length} and the Discord adapter adds ${adapterSubcommands.length}`,
    );
  }
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: CAMPAIGN_COMMAND,
      description: CAMPAIGN_DESCRIPTION,
      options: [...commands.map(subcommandPayload), ...adapterSubcommands],
    },
  ];
}

function subcommandPayload(command: Command): APIApplicationCommandSubcommandOption {
  checkName(command.name, `command "${command.name}"`);
  if (command.options.length > L.optionsPerCommand) {
    throw new Error(
      `command "${command.name}" has ${command.options.length} options; Discord allows ${L.optionsPerCommand}`,
    );
  }
  // Discord requires required options before optional ones; the order is otherwise kept.
  const ordered = [
    ...command.options.filter((o) => o.required),
    ...command.options.filter((o) => !o.required),
  ];
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: command.name,
    description: description(command.description, command.name),
    options: ordered.map((o) => optionPayload(command, o)),
  };
}

function optionPayload(
  command: Command,
  option: OptionDefinition,
): APIApplicationCommandBasicOption {
  checkName(option.name, `command "${command.name}" option "${option.name}"`);
  const base = {
    name: option.name,
    description: description(option.description, option.name),
    required: option.required ?? false,
  };
  if (option.kind === "integer") {
    return {
      ...base,
      type: ApplicationCommandOptionType.Integer,
      min_value: option.min ?? 1,
      max_value: option.max ?? 1000,
    };
  }
  const source = autocompleteSource(option);
  if (source) return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
  if (option.choices?.length) {
    return {
      ...base,
      type: ApplicationCommandOptionType.String,
      choices: option.choices.map((value) => {
        if (value.length > L.choiceValue) {
          throw new Error(
            `command "${command.name}" option "${option.name}": choice "${value.slice(0, 40)}…" is over ${L.choiceValue} characters`,
          );
        }
        return { name: truncate(value, L.choiceName), value };
      }),
    };
  }
  return { ...base, type: ApplicationCommandOptionType.String };
}

function description(text: string, fallback: string): string {
  return truncate(oneLine(text) || fallback, L.commandDescription);
}

function checkName(name: string, where: string): void {
  if (!DISCORD_NAME.test(name)) {
    throw new Error(`${where}: Discord names must match ${DISCORD_NAME} (lower case, no spaces)`);
  }
}
