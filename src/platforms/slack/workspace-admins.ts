import { webApi } from "@slack/bolt";
import type { Invocation } from "../../bot/invocation";
import type { Logger } from "../../logger";
import { boltLogger } from "./bolt-logger";

export interface SlackAdminCheckOptions {
  botToken: string;
  /** Web API base (GovSlack, the test stand-in); Slack's own when unset. */
  apiUrl?: string;
  log: Logger;
}

/**
 * Whether a Slack user administers the workspace: `users.info` says `is_admin`, `is_owner` or
 * `is_primary_owner` (scope `users:read`, already in the manifest). Slash command payloads do not
 * carry it, so it is asked only when a command needs it (`/campaign roles grant|revoke`), through
 * the dispatcher's lazy `ctx.user.isAdmin()`. Any failure answers "not an admin".
 *
 * @example
 * const isAdmin = slackAdminCheck({ botToken, apiUrl, log });
 * await isAdmin({ platform: "slack", userId: "slack:U0ADMIN", … }); // true
 */
export function slackAdminCheck(
  options: SlackAdminCheckOptions,
): (invocation: Invocation) => Promise<boolean> {
  const log = options.log.child({ platform: "slack", component: "admin-check" });
  const client = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 1, minTimeout: 200, maxTimeout: 1_000 },
    timeout: 10_000,
    logger: boltLogger(log),
  });
  return async (invocation) => {
    if (invocation.platform !== "slack" || !invocation.userId.startsWith("slack:")) return false;
    try {
      const result = await client.users.info({ user: invocation.userId.slice("slack:".length) });
      const user = result.user;
      return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
    } catch (error) {
      log.warn(
        { reason: error instanceof Error ? error.message : String(error) },
        "users.info failed",
      );
      return false;
    }
  };
}
