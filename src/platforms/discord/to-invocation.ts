import { ApplicationCommandOptionType } from "discord.js";
import type { Invocation } from "../../bot/invocation";

/** One option as Discord sends it in `data.options` (the shape discord.js keeps in `options.data`). */
export interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: readonly InteractionOption[];
}

/** What an invocation needs from a slash command interaction, whatever library delivered it. */
export interface SlashCommandSource {
  guildId: string;
  guildName?: string;
  channelId?: string | null;
  userId: string;
  userName?: string;
  /** Top-level options: for `/campaign` the one subcommand, holding the typed options. */
  options: readonly InteractionOption[];
}

/** `discord:<guild id>`: the server is the tenant, as a Slack workspace is. */
export function discordTenantId(guildId: string): string {
  return `discord:${guildId}`;
}

/**
 * A `/campaign <subcommand> …` interaction as the dispatcher sees it: tenant from the guild the
 * interaction came from (never from what was typed), the subcommand, and its options as typed
 * values for the dispatcher's `parseTypedOptions` to convert and validate. `text` spells the
 * command out the way a user would type it, for logs and the console.
 *
 * @example
 * invocationFromSlashCommand({ guildId: "42", userId: "7", options: [
 *   { name: "roi", type: 1, options: [{ name: "period", type: 3, value: "last 30d" }] }] })
 * // { platform: "discord", tenantId: "discord:42", subcommand: "roi",
 * //   options: { period: "last 30d" }, text: "roi period:last 30d", … }
 */
export function invocationFromSlashCommand(source: SlashCommandSource): Invocation {
  const { subcommand, values } = subcommandOf(source.options);
  const options: Record<string, string | number | boolean> = {};
  for (const option of values) {
    if (option.value !== undefined) options[option.name] = option.value;
  }
  const text = [subcommand, ...Object.entries(options).map(([k, v]) => `${k}:${v}`)].join(" ");
  return {
    platform: "discord",
    tenantId: discordTenantId(source.guildId),
    tenantName: source.guildName || undefined,
    userId: `discord:${source.userId}`,
    userName: source.userName || undefined,
    channelId: source.channelId ?? undefined,
    text,
    subcommand,
    options,
  };
}

/** The subcommand and its options; a command without one is read as `help`. */
export function subcommandOf(options: readonly InteractionOption[]): {
  subcommand: string;
  values: readonly InteractionOption[];
} {
  const sub = options.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (!sub) return { subcommand: "help", values: [] };
  return { subcommand: sub.name, values: sub.options ?? [] };
}
