/**
 * `block_actions` payloads as Slack POSTs them to the interactivity URL (`/slack/events`): a form
 * body with one `payload` field holding the JSON. Sign them with `signSlackRequest` (via
 * `postToSlackApp`) like any other request.
 */

// biome-ignore lint/suspicious/noExplicitAny: Slack's payloads are loose JSON
type Json = Record<string, any>;

export interface ButtonPress {
  /** The message carrying the button, as the stand-in recorded it. */
  channel: string;
  messageTs: string;
  blocks?: Json[];
  actionId: string;
  value: string;
  userId: string;
  userName?: string;
  responseUrl: string;
  teamId?: string;
}

/** The `payload` object of a button click in a channel message. */
export function blockActionsPayload(press: ButtonPress): Json {
  const teamId = press.teamId ?? "T0STANDIN";
  return {
    type: "block_actions",
    user: {
      id: press.userId,
      username: press.userName ?? press.userId.toLowerCase(),
      name: press.userName ?? press.userId.toLowerCase(),
      team_id: teamId,
    },
    api_app_id: "A0ADPULSE",
    token: "deprecated-verification-token",
    container: {
      type: "message",
      message_ts: press.messageTs,
      channel_id: press.channel,
      is_ephemeral: false,
    },
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
    team: { id: teamId, domain: "standin" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: press.channel, name: "marketing" },
    message: {
      type: "message",
      user: "U0ADPULSE",
      ts: press.messageTs,
      bot_id: "B0ADPULSE",
      text: "Budget recommendations",
      blocks: press.blocks ?? [],
    },
    state: { values: {} },
    response_url: press.responseUrl,
    actions: [
      {
        action_id: press.actionId,
        block_id: "actions",
        text: { type: "plain_text", text: "Approve", emoji: true },
        value: press.value,
        style: "primary",
        type: "button",
        action_ts: `${Math.floor(Date.now() / 1000)}.000100`,
      },
    ],
  };
}

/** The form-encoded body Slack POSTs for an interaction. */
export function interactionBody(payload: Json): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The buttons of a Block Kit message: action id, value and label. */
export function buttonsOf(
  blocks: readonly Json[] | undefined,
): { actionId: string; value: string; label: string }[] {
  return (blocks ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b.elements as Json[]) ?? [])
    .map((e) => ({
      actionId: String(e.action_id),
      value: String(e.value),
      label: String(e.text?.text ?? ""),
    }));
}
