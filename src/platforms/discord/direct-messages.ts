import type { Reply } from "../../bot/reply";

/**
 * What a `/campaign` typed in a DM gets. Every answer belongs to a team (the server is the
 * tenant), and a DM has no team, so the bot asks to be used in a server instead of guessing.
 */
export function directMessageReply(): Reply {
  return {
    title: "Use adpulse in a server",
    text: [
      "adpulse answers from your team's data, and a team is a Discord server: run `/campaign` in a channel of a server adpulse has been added to.",
      "Not added yet? A server admin can invite it with the link in the adpulse README.",
    ].join("\n"),
    ephemeral: true,
    tone: "neutral",
    data: { error: { code: "use_in_server" } },
  };
}
