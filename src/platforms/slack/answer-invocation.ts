import type { webApi } from "@slack/bolt";
import type { Dispatcher } from "../../bot/dispatcher";
import { apologyReply } from "../../bot/error-replies";
import type { Invocation } from "../../bot/invocation";
import type { Reply } from "../../bot/reply";
import type { Logger } from "../../logger";
import { deliverReply, type ReplyDestination } from "./deliver-reply";
import type { UploadOptions } from "./upload-charts";
import { describeError } from "./upload-charts";

export interface AnswerDependencies {
  dispatcher: Dispatcher;
  upload?: UploadOptions;
}

/**
 * Runs one invocation through the dispatcher and delivers the reply. Never throws: by now Slack
 * has its acknowledgement, so a failure can only be logged (and, if the dispatcher broke its
 * never-throw promise, answered with a short private apology).
 */
export async function answerInvocation(
  deps: AnswerDependencies,
  client: webApi.WebClient,
  invocation: Invocation,
  destination: ReplyDestination,
  log: Logger,
): Promise<void> {
  const started = performance.now();
  let reply: Reply;
  try {
    reply = await deps.dispatcher.dispatch(invocation);
  } catch (error) {
    log.error({ err: error }, "dispatcher threw; answering with an apology");
    reply = apologyReply();
  }
  try {
    const delivery = await deliverReply(client, reply, destination, log, deps.upload);
    log.info(
      {
        ...delivery,
        ephemeral: reply.ephemeral ?? false,
        ms: Math.round(performance.now() - started),
      },
      "reply delivered",
    );
  } catch (error) {
    // Only the error code: Web API errors carry request details we do not want in logs.
    log.error({ reason: describeError(error) }, "could not deliver the reply to Slack");
  }
}
