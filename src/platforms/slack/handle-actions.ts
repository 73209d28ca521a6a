import type { App, BlockAction, ButtonAction, RespondFn, webApi } from "@slack/bolt";
import type { ActionClick, ActionOutcome } from "../../bot/action";
import type { ActionDispatcher } from "../../bot/action-dispatcher";
import { apologyReply, inactiveActionReply } from "../../bot/error-replies";
import type { Logger } from "../../logger";
import { renderSlackMessage } from "./render-blocks";
import { describeError } from "./upload-charts";

export interface ActionHandlerDependencies {
  /** Routes clicks to the commands' handlers; without it every click is told it does nothing. */
  actions?: ActionDispatcher;
  log: Logger;
  track: (work: Promise<void>) => Promise<void>;
}

/**
 * Button clicks (`block_actions`): acknowledge at once (Slack shows an error after 3 s), then run
 * the click through the action dispatcher and apply its outcome:
 * - `update` replaces the clicked message for everyone with `chat.update`, at the `ts` Slack sent
 *   in the payload (`container.message_ts`) — the only place it is known for messages shared by
 *   files.completeUploadExternal. A message the bot cannot edit that way (posted through a
 *   `response_url` in a channel the bot is not in) is replaced through the click's own
 *   `response_url` instead.
 * - `reply` goes to the clicker only: an ephemeral post through the click's `response_url` (it
 *   works wherever the button was seen), `chat.postEphemeral` as the fallback.
 * Slack never redelivers interactive payloads, but people double-click and replay; exactly-once
 * is the handlers' business (the store's conditional update), not this adapter's.
 */
export function registerActionHandlers(app: App, deps: ActionHandlerDependencies): void {
  app.action<BlockAction>({ type: "block_actions" }, async ({ ack, body, client, respond }) => {
    await ack();
    const click = clickFromBlockAction(body);
    if (!click) return;
    const log = deps.log.child({
      tenant: click.tenantId,
      user: click.userId,
      action: click.actionId,
      channel: click.channelId,
    });
    await deps.track(
      (async () => {
        let outcome: ActionOutcome;
        try {
          outcome = deps.actions ? await deps.actions.act(click) : { reply: inactiveActionReply() };
        } catch (error) {
          log.error({ err: error }, "action dispatcher threw; answering with an apology");
          outcome = { reply: apologyReply("that button") };
        }
        await applyOutcome(client, click, body, respond, outcome, log);
      })(),
    );
  });
}

/** A `block_actions` payload's first button press as a platform-neutral click. */
function clickFromBlockAction(body: BlockAction): ActionClick | undefined {
  const action = body.actions[0] as ButtonAction | undefined;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!action || !teamId) return undefined;
  const container = body.container as { message_ts?: string; channel_id?: string } | undefined;
  return {
    platform: "slack",
    tenantId: `slack:${teamId}`,
    tenantName: body.team?.domain || undefined,
    userId: `slack:${body.user.id}`,
    userName: body.user.username || body.user.name || undefined,
    channelId: body.channel?.id ?? container?.channel_id,
    messageId: container?.message_ts ?? body.message?.ts,
    actionId: action.action_id,
    value: typeof action.value === "string" ? action.value : "",
  };
}

async function applyOutcome(
  client: webApi.WebClient,
  click: ActionClick,
  body: BlockAction,
  respond: RespondFn,
  outcome: ActionOutcome,
  log: Logger,
): Promise<void> {
  if (outcome.update) {
    const message = renderSlackMessage(outcome.update);
    try {
      if (!click.channelId || !click.messageId)
        throw new Error("no channel or message ts in the payload");
      await client.chat.update({
        channel: click.channelId,
        ts: click.messageId,
        text: message.text,
        blocks: message.blocks,
      });
      log.info({ route: "chat.update" }, "clicked message updated");
    } catch (error) {
      log.warn(
        { reason: describeError(error) },
        "chat.update failed; replacing through response_url",
      );
      await respond({ replace_original: true, text: message.text, blocks: message.blocks }).catch(
        (fallback: unknown) =>
          log.error({ reason: describeError(fallback) }, "could not update the clicked message"),
      );
    }
  }
  if (outcome.reply) {
    const message = renderSlackMessage(outcome.reply);
    try {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
    } catch (error) {
      log.warn({ reason: describeError(error) }, "response_url failed; trying chat.postEphemeral");
      if (!click.channelId) return;
      await client.chat
        .postEphemeral({
          channel: click.channelId,
          user: body.user.id,
          text: message.text,
          blocks: message.blocks,
        })
        .catch((fallback: unknown) =>
          log.error({ reason: describeError(fallback) }, "could not answer the click privately"),
        );
    }
  }
}
