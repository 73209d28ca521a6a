import type { AutocompleteInteraction } from "discord.js";
import type { Clock } from "../../bot/clock";
import type { Command } from "../../bot/command";
import type { Logger } from "../../logger";
import type { Store } from "../../store/store";
import { describeDiscordError } from "./answer-interaction";
import { autocompleteSource, CAMPAIGN_COMMAND } from "./command-payload";
import { type Suggestion, suggestCampaigns, suggestChoices, suggestPeriods } from "./suggestions";
import { discordTenantId, type InteractionOption, subcommandOf } from "./to-invocation";

export interface AutocompleteDependencies {
  commands: readonly Command[];
  /** Read only, and only the interaction's own tenant. */
  store: Pick<Store, "campaigns" | "tenants">;
  clock: Clock;
  /** For tenants not created yet (their first command creates them). */
  defaultTimezone: string;
  log: Logger;
}

/**
 * Answers an autocomplete request for the focused option: periods, the guild's own campaigns, or
 * long choice lists (see command-payload.ts for which options autocomplete). Discord shows
 * nothing if no answer arrives within 3 s, so errors answer with an empty list.
 */
export async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  deps: AutocompleteDependencies,
): Promise<Suggestion[]> {
  let suggestions: Suggestion[] = [];
  try {
    suggestions = await suggestionsFor(interaction, deps);
  } catch (error) {
    deps.log.warn({ reason: describeDiscordError(error) }, "autocomplete failed; answering empty");
  }
  try {
    await interaction.respond(suggestions);
  } catch (error) {
    deps.log.warn({ reason: describeDiscordError(error) }, "could not answer autocomplete");
  }
  return suggestions;
}

async function suggestionsFor(
  interaction: AutocompleteInteraction,
  deps: AutocompleteDependencies,
): Promise<Suggestion[]> {
  if (interaction.commandName !== CAMPAIGN_COMMAND || !interaction.guildId) return [];
  const { subcommand, values } = subcommandOf(
    interaction.options.data as readonly InteractionOption[],
  );
  const focused = values.find((o) => o.focused);
  const command = deps.commands.find((c) => c.name === subcommand);
  const option = command?.options.find((o) => o.name === focused?.name);
  if (!focused || !option) return [];
  const typed = String(focused.value ?? "");
  const tenantId = discordTenantId(interaction.guildId);
  switch (autocompleteSource(option)) {
    case "period": {
      const tenant = await deps.store.tenants.get(tenantId);
      return suggestPeriods(typed, deps.clock.now(), tenant?.timezone ?? deps.defaultTimezone);
    }
    case "campaign":
      return suggestCampaigns(typed, await deps.store.campaigns.list(tenantId));
    case "choices":
      return suggestChoices(typed, option.choices ?? []);
    default:
      return [];
  }
}
