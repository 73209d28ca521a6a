import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import type { Dispatcher } from "../../bot/dispatcher";
import { apologyReply } from "../../bot/error-replies";
import type { Invocation } from "../../bot/invocation";
import type { Reply } from "../../bot/reply";
import type { Logger } from "../../logger";
import { type AnswerRoute, answerInteraction } from "./answer-interaction";
import { CAMPAIGN_COMMAND } from "./command-payload";
import { directMessageReply } from "./direct-messages";
import { type InteractionOption, invocationFromSlashCommand } from "./to-invocation";

export interface CommandHandlerDependencies {
  dispatcher: Dispatcher;
  log: Logger;
  deferAfterMs: number;
}

/**
 * `/campaign <subcommand> …`: a DM gets the "use me in a server" answer; anything else goes
 * through the dispatcher as an invocation of the guild's tenant and is answered within
 * Discord's 3 seconds (see answer-interaction.ts).
 */
export async function handleSlashCommand(
  interaction: ChatInputCommandInteraction,
  deps: CommandHandlerDependencies,
): Promise<AnswerRoute> {
  const log = deps.log.child({
    interaction: interaction.id,
    user: `discord:${interaction.user.id}`,
  });
  if (interaction.commandName !== CAMPAIGN_COMMAND) {
    log.warn({ command: interaction.commandName }, "unknown command; run register-commands");
    return answerInteraction(interaction, Promise.resolve(unknownCommandReply()), {
      log,
      deferAfterMs: deps.deferAfterMs,
    });
  }
  if (!interaction.inGuild()) {
    log.info("slash command in a DM; pointing to a server");
    return answerInteraction(interaction, Promise.resolve(directMessageReply()), {
      log,
      deferAfterMs: deps.deferAfterMs,
    });
  }
  const invocation = invocationFromSlashCommand({
    guildId: interaction.guildId,
    guildName: interaction.guild?.name,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    userName: interaction.user.username,
    options: interaction.options.data as readonly InteractionOption[],
  });
  // Server administrators may grant roles (`/campaign roles`); the payload says who they are.
  if (interaction.memberPermissions?.has(PermissionFlagsBits.Administrator))
    invocation.isAdmin = true;
  const scoped = log.child({ tenant: invocation.tenantId, subcommand: invocation.subcommand });
  const route = await answerInteraction(interaction, dispatchSafely(deps, invocation, scoped), {
    log: scoped,
    deferAfterMs: deps.deferAfterMs,
  });
  scoped.info({ route }, "slash command answered");
  return route;
}

/** The dispatcher promises never to throw; if it breaks that promise the user still gets words. */
async function dispatchSafely(
  deps: { dispatcher: Dispatcher },
  invocation: Invocation,
  log: Logger,
): Promise<Reply> {
  try {
    return await deps.dispatcher.dispatch(invocation);
  } catch (error) {
    log.error({ err: error }, "dispatcher threw; answering with an apology");
    return apologyReply();
  }
}

function unknownCommandReply(): Reply {
  return {
    title: "Unknown command",
    text: "This command is not adpulse's (any more). Use `/campaign`, e.g. `/campaign roi`.",
    ephemeral: true,
    tone: "bad",
    data: { error: { code: "unknown_command" } },
  };
}
