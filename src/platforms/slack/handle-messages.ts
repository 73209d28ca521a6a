import type { App } from "@slack/bolt";
import type { Logger } from "../../logger";
import { type AnswerDependencies, answerInvocation } from "./answer-invocation";
import { invocationFromMessage } from "./to-invocation";

export interface MessageHandlerDependencies extends AnswerDependencies {
  log: Logger;
  track: (work: Promise<void>) => Promise<void>;
}

/**
 * `@adpulse roi last 30d` in a channel and plain `roi last 30d` in a DM to the bot: the same
 * commands without the slash (the manifest subscribes to app_mention and message.im). Bolt has
 * acknowledged the event before these run; redeliveries are filtered by `ignoreRedeliveries`.
 * Answers go to the thread the question was asked in, if any.
 */
export function registerMessageHandlers(app: App, deps: MessageHandlerDependencies): void {
  app.event("app_mention", async ({ event, body, context, client }) => {
    if (!event.user) return;
    const invocation = invocationFromMessage({
      teamId: body.team_id,
      userId: event.user,
      channelId: event.channel,
      text: event.text,
      botUserId: context.botUserId,
    });
    const log = deps.log.child({ event: "app_mention", tenant: invocation.tenantId });
    await deps.track(
      answerInvocation(
        deps,
        client,
        invocation,
        { channelId: event.channel, userId: event.user, threadTs: event.thread_ts },
        log,
      ),
    );
  });

  app.message(async ({ message, body, context, client }) => {
    // Only people's own new messages in DMs: edits, joins and bot posts carry a subtype.
    if (message.channel_type !== "im" || message.subtype !== undefined) return;
    if (!message.user || !message.text) return;
    const invocation = invocationFromMessage({
      teamId: body.team_id,
      userId: message.user,
      channelId: message.channel,
      text: message.text,
      botUserId: context.botUserId,
    });
    const log = deps.log.child({ event: "message.im", tenant: invocation.tenantId });
    await deps.track(
      answerInvocation(
        deps,
        client,
        invocation,
        { channelId: message.channel, userId: message.user, threadTs: message.thread_ts },
        log,
      ),
    );
  });
}
