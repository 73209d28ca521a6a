import type { RespondFn, webApi } from "@slack/bolt";
import type { Reply } from "../../bot/reply";
import type { Logger } from "../../logger";
import { renderSlackMessage, type SlackChartImage, type SlackMessage } from "./render-blocks";
import {
  describeError,
  shareChartsWithMessage,
  slackErrorCode,
  type UploadOptions,
  uploadChartFiles,
  uploadReplyFiles,
} from "./upload-charts";

type WebClient = webApi.WebClient;

/** Where an answer goes. */
export interface ReplyDestination {
  /** Channel id (C…, G…, D…) the command was typed in. */
  channelId: string;
  /** Raw Slack user id (U…): who sees an ephemeral reply. */
  userId: string;
  /** Answer inside this thread (mentions typed in a thread). */
  threadTs?: string;
  /**
   * The slash command's `response_url` poster: the way to answer in a channel the bot is not in
   * (private channels, DMs between people). At most 5 posts per command, so it is the fallback.
   */
  respond?: RespondFn;
}

export type DeliveryRoute =
  | "chat.postMessage"
  | "chat.postEphemeral"
  | "files.completeUploadExternal"
  | "response_url";

export interface Delivery {
  route: DeliveryRoute;
  /** Charts shown as images (the others were described in words). */
  chartsShown: number;
}

/** The bot cannot post here: not a member, or a conversation it cannot see at all. */
const NOT_IN_CHANNEL = new Set(["not_in_channel", "channel_not_found"]);

const INVITE_NOTICE =
  "Charts appear only in channels adpulse is in: `/invite @adpulse` to get them here.";

/**
 * Posts a Reply into Slack. Ephemeral replies go through chat.postEphemeral; others with charts
 * or files (exports) as one files.completeUploadExternal message carrying text, images and
 * files (see upload-charts.ts),
 * others with chat.postMessage. A chart that fails to upload is described in words instead and
 * the text still goes out; where the bot may not post, the slash command's response_url is used.
 * Throws only when every route failed.
 */
export async function deliverReply(
  client: WebClient,
  reply: Reply,
  destination: ReplyDestination,
  log: Logger,
  options: UploadOptions = {},
): Promise<Delivery> {
  if (reply.ephemeral) return deliverEphemeral(client, reply, destination, log);

  const withPng = (reply.charts ?? []).filter((c) => c.png && !c.renderError);
  let notice: string | undefined;
  if (withPng.length > 0 || reply.files?.length) {
    const [{ uploaded }, files] = await Promise.all([
      uploadChartFiles(client, withPng, log, options),
      uploadReplyFiles(client, reply.files ?? [], log, options),
    ]);
    if (uploaded.length > 0 || files.length > 0) {
      const images = new Map<string, SlackChartImage>(
        uploaded.map((u) => [u.chart.id, { kind: "attached" }]),
      );
      const message = renderSlackMessage(reply, { chartImages: images });
      try {
        await shareChartsWithMessage(
          client,
          { channelId: destination.channelId, threadTs: destination.threadTs },
          uploaded,
          message.blocks,
          files,
        );
        return { route: "files.completeUploadExternal", chartsShown: uploaded.length };
      } catch (error) {
        const code = describeError(error);
        log.warn({ reason: code }, "sharing the files failed; posting the text alone");
        if (NOT_IN_CHANNEL.has(code)) notice = INVITE_NOTICE;
      }
    }
  }

  const message = renderSlackMessage(reply, { notice });
  try {
    await client.chat.postMessage({
      channel: destination.channelId,
      text: message.text,
      blocks: message.blocks,
      ...(destination.threadTs ? { thread_ts: destination.threadTs } : {}),
      // Links in campaign names must not unfurl into big previews under every answer.
      unfurl_links: false,
      unfurl_media: false,
    });
    return { route: "chat.postMessage", chartsShown: 0 };
  } catch (error) {
    if (!NOT_IN_CHANNEL.has(slackErrorCode(error) ?? "") || !destination.respond) throw error;
    log.info(
      { reason: slackErrorCode(error) },
      "bot is not in the channel; answering via response_url",
    );
    const fallback = notice ? message : renderSlackMessage(reply, { notice: INVITE_NOTICE });
    await respondWith(destination.respond, fallback, "in_channel");
    return { route: "response_url", chartsShown: 0 };
  }
}

async function deliverEphemeral(
  client: WebClient,
  reply: Reply,
  destination: ReplyDestination,
  log: Logger,
): Promise<Delivery> {
  // Files cannot be ephemeral: charts of a private reply are described in words.
  const message = renderSlackMessage(reply);
  try {
    await client.chat.postEphemeral({
      channel: destination.channelId,
      user: destination.userId,
      text: message.text,
      blocks: message.blocks,
      ...(destination.threadTs ? { thread_ts: destination.threadTs } : {}),
    });
    return { route: "chat.postEphemeral", chartsShown: 0 };
  } catch (error) {
    if (!NOT_IN_CHANNEL.has(slackErrorCode(error) ?? "") || !destination.respond) throw error;
    log.info(
      { reason: slackErrorCode(error) },
      "bot is not in the channel; answering via response_url",
    );
    await respondWith(destination.respond, message, "ephemeral");
    return { route: "response_url", chartsShown: 0 };
  }
}

async function respondWith(
  respond: RespondFn,
  message: SlackMessage,
  responseType: "in_channel" | "ephemeral",
): Promise<void> {
  await respond({ response_type: responseType, text: message.text, blocks: message.blocks });
}
