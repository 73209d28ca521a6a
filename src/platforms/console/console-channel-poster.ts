import type { Reply } from "../../bot/reply";
import type { ChannelPoster } from "../../scheduler/channel-poster";
import { renderReplyAsText } from "./render-text";

export interface ConsoleChannelPosterOptions {
  output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/**
 * Scheduled posts for the console "platform" (the `local` tenant's REPL, `adpulse jobs run`):
 * printed, framed by the channel they were meant for. The message id is a counter.
 *
 * @example createConsoleChannelPoster({ output: process.stdout }).post("console", reply)
 */
export function createConsoleChannelPoster(options: ConsoleChannelPosterOptions): ChannelPoster {
  const { output } = options;
  let printed = 0;
  const print = (heading: string, reply: Reply) => {
    printed += 1;
    const text = renderReplyAsText(reply, {
      ansi: Boolean(output.isTTY),
      width: output.columns,
    });
    output.write(`\n── ${heading} ──\n${text}\n\n`);
    return { messageId: `console-${printed}`, chartsShown: 0 };
  };
  return {
    platform: "console",
    minIntervalMs: 0,
    async post(channelId, reply) {
      return print(`scheduled post for #${channelId}`, reply);
    },
    async notifyUser(userId, reply) {
      return print(`private note for ${userId}`, reply);
    },
  };
}
