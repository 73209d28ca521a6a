import type { Config } from "../config";
import type { Logger } from "../logger";
import type { ChannelPosters } from "./channel-poster";

export interface PosterOptions {
  /** Where console "channels" print (the REPL, `adpulse jobs run`); none: console posts wait. */
  consoleOutput?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/**
 * The posters this process can deliver with, from the configuration: Slack and Discord when
 * they have credentials, the console when it has an output. Subscriptions on platforms missing here are
 * left to a process that has them (the scheduler never claims what it cannot post).
 */
export async function createChannelPosters(
  config: Readonly<Config>,
  log: Logger,
  options: PosterOptions = {},
): Promise<ChannelPosters> {
  const posters: ChannelPosters = {};
  if (config.slack) {
    const { createSlackChannelPoster } = await import("../platforms/slack/slack-channel-poster");
    posters.slack = createSlackChannelPoster({
      botToken: config.slack.botToken,
      apiUrl: config.slack.apiUrl,
      log,
    });
  }
  if (config.discord) {
    const { createDiscordChannelPoster } = await import(
      "../platforms/discord/discord-channel-poster"
    );
    posters.discord = createDiscordChannelPoster({
      token: config.discord.token,
      apiUrl: config.discord.apiUrl,
      log,
    });
  }
  if (options.consoleOutput) {
    const { createConsoleChannelPoster } = await import(
      "../platforms/console/console-channel-poster"
    );
    posters.console = createConsoleChannelPoster({ output: options.consoleOutput });
  }
  return posters;
}
