import type { SlashCommand } from "@slack/bolt";
import type { Invocation } from "../../bot/invocation";

/**
 * A slash command as the dispatcher sees it. The tenant comes from the workspace Slack signed the
 * request for (`team_id`), never from what the user typed.
 *
 * @example invocationFromSlashCommand(command).tenantId // "slack:T0001"
 */
export function invocationFromSlashCommand(command: SlashCommand): Invocation {
  return {
    platform: "slack",
    tenantId: `slack:${command.team_id}`,
    tenantName: command.team_domain || undefined,
    userId: `slack:${command.user_id}`,
    userName: command.user_name || undefined,
    channelId: command.channel_id,
    text: command.text ?? "",
  };
}

export interface MentionSource {
  teamId: string;
  userId: string;
  channelId: string;
  text: string;
  /** The bot's own user id, so `<@Ubot>` can be taken out of the text. */
  botUserId?: string;
}

/** An `@adpulse roi last 30d` mention or a DM to the bot, as an invocation. */
export function invocationFromMessage(source: MentionSource): Invocation {
  const mention = source.botUserId ? new RegExp(`<@${source.botUserId}(\\|[^>]*)?>`, "g") : /^$/;
  return {
    platform: "slack",
    tenantId: `slack:${source.teamId}`,
    userId: `slack:${source.userId}`,
    channelId: source.channelId,
    text: source.text.replace(mention, " ").replace(/\s+/g, " ").trim(),
  };
}
