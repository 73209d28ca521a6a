import type { ButtonInteraction } from "discord.js";
import type { ActionOutcome } from "../../bot/action";
import { apologyReply, inactiveActionReply } from "../../bot/error-replies";
import type { Reply } from "../../bot/reply";
import type { Logger } from "../../logger";
import { answerClick, type ClickRoute } from "./answer-click";
import { type AnswerRoute, answerInteraction } from "./answer-interaction";
import { decodeCustomId } from "./button-ids";
import { directMessageReply } from "./direct-messages";
import { discordTenantId } from "./to-invocation";

/**
 * A button press, routed back from a Reply's `actions` (`custom_id` = `<action id>:<value>`).
 * Anyone who can see a message can press its buttons: the handler must check `userId` before
 * acting, and must treat `value` as a pointer to stored state (never trust amounts in it).
 */
export interface ActionClick {
  platform: "discord";
  tenantId: string;
  /** Who pressed it: `discord:<user id>`. */
  userId: string;
  userName?: string;
  channelId?: string;
  /** The message carrying the button. */
  messageId: string;
  actionId: string;
  value: string;
}

/**
 * The extension point for buttons: given a click, either a Reply to answer it with (posted like a
 * command's answer; ephemeral for "not allowed" and the like) or an ActionOutcome (src/bot/action.ts:
 * `update` replaces the clicked message for everyone, `reply` answers the clicker privately).
 * `adpulse start` installs the action dispatcher here, which routes Approve / Reject to
 * commands/budget.ts (`createDiscordBot({ actions })`).
 */
export type ActionHandler = (click: ActionClick) => Promise<Reply | ActionOutcome>;

export interface ButtonHandlerDependencies {
  actions?: ActionHandler;
  log: Logger;
  deferAfterMs: number;
}

export async function handleButton(
  interaction: ButtonInteraction,
  deps: ButtonHandlerDependencies,
): Promise<AnswerRoute | ClickRoute> {
  const { actionId, value } = decodeCustomId(interaction.customId);
  const log = deps.log.child({ interaction: interaction.id, action: actionId });
  const answer = (work: Promise<Reply>) =>
    answerInteraction(interaction, work, { log, deferAfterMs: deps.deferAfterMs });
  if (!interaction.inGuild()) return answer(Promise.resolve(directMessageReply()));
  if (!deps.actions) {
    log.info("button pressed but no action handler is installed");
    return answer(Promise.resolve(inactiveActionReply()));
  }
  const click: ActionClick = {
    platform: "discord",
    tenantId: discordTenantId(interaction.guildId),
    userId: `discord:${interaction.user.id}`,
    userName: interaction.user.username,
    channelId: interaction.channelId ?? undefined,
    messageId: interaction.message.id,
    actionId,
    value,
  };
  const handler = deps.actions;
  // An ActionOutcome (update the message for everyone, answer the clicker privately) goes through
  // answerClick; a plain Reply is answered like a command.
  const route = await answerClick(
    interaction,
    handler(click).catch((error: unknown): Reply => {
      log.error({ err: error }, "action handler failed");
      return apologyReply("that button");
    }),
    { log, deferAfterMs: deps.deferAfterMs },
  );
  log.info({ route }, "button answered");
  return route;
}
