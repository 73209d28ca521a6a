import { type REST, Routes } from "discord.js";
import type { Command } from "../../bot/command";
import { type CommandChanges, type CommandShape, diffCommands } from "./command-diff";
import { buildCommandPayload } from "./command-payload";
import { importSubcommandPayload } from "./import-subcommand";

export interface RegistrationTarget {
  applicationId: string;
  /** Register in one server only (updates show at once; handy while developing). */
  guildId?: string;
}

export interface Registration {
  /** `global` or `guild <id>`. */
  scope: string;
  changes: CommandChanges;
}

/**
 * Registers `/campaign` from the command definitions with a bulk overwrite
 * (`PUT /applications/{app}/commands`, or the guild's list with `guildId`). The overwrite is
 * idempotent: running it again with the same definitions changes nothing, and commands we no
 * longer define are deleted. What changed is told by comparing with what Discord returns from
 * `GET` just before the `PUT`.
 *
 * @example
 * const { changes } = await registerCommands(client.rest, { applicationId }, commands);
 */
export async function registerCommands(
  rest: REST,
  target: RegistrationTarget,
  commands: readonly Command[],
): Promise<Registration> {
  const body = buildCommandPayload(commands, [importSubcommandPayload()]);
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  const existing = (await rest.get(route)) as CommandShape[];
  const changes = diffCommands(existing, body);
  await rest.put(route, { body });
  return { scope: target.guildId ? `guild ${target.guildId}` : "global", changes };
}
