import type { Invocation } from "../bot/invocation";
import type { Config } from "../config";
import type { Logger } from "../logger";

/**
 * The dispatcher's `isPlatformAdmin` for this configuration: Slack asks `users.info` (loaded on
 * first use, so a console-only process never loads Bolt); Discord needs nothing here because its
 * interactions carry the member's permissions (`invocation.isAdmin`). Undefined without Slack.
 */
export function platformAdminCheck(
  config: Readonly<Config>,
  log: Logger,
): ((invocation: Invocation) => Promise<boolean>) | undefined {
  const slack = config.slack;
  if (!slack) return undefined;
  let check: ((invocation: Invocation) => Promise<boolean>) | undefined;
  return async (invocation) => {
    if (invocation.platform !== "slack") return false;
    if (!check) {
      const { slackAdminCheck } = await import("./slack/workspace-admins");
      check = slackAdminCheck({ botToken: slack.botToken, apiUrl: slack.apiUrl, log });
    }
    return check(invocation);
  };
}
