import type { App } from "@slack/bolt";
import type { Logger } from "../../logger";
import { type AnswerDependencies, answerInvocation } from "./answer-invocation";
import { invocationFromSlashCommand } from "./to-invocation";

/** The slash command the manifest declares. */
export const CAMPAIGN_COMMAND = "/campaign";

export interface CommandHandlerDependencies extends AnswerDependencies {
  log: Logger;
  /** Keeps the work after ack() visible to shutdown, which waits for it. */
  track: (work: Promise<void>) => Promise<void>;
  command?: string;
}

/**
 * `/campaign …`: acknowledge at once, then answer through the Web API.
 *
 * Slack shows the user "operation_timeout" unless the HTTP request (or Socket Mode envelope) is
 * acknowledged within 3 s, and a chart-bearing answer can take longer than that on a cold store.
 * So ack() comes first, empty (an ack with text would be a second, stale message), and the answer
 * follows as a channel message. Slack never redelivers slash commands, so no dedupe is needed here.
 */
export function registerCampaignCommand(app: App, deps: CommandHandlerDependencies): void {
  app.command(deps.command ?? CAMPAIGN_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const invocation = invocationFromSlashCommand(command);
    const log = deps.log.child({
      command: command.command,
      tenant: invocation.tenantId,
      channel: command.channel_id,
      user: invocation.userId,
    });
    log.debug("slash command acknowledged");
    await deps.track(
      answerInvocation(
        deps,
        client,
        invocation,
        {
          channelId: command.channel_id,
          userId: command.user_id,
          respond,
        },
        log,
      ),
    );
  });
}
