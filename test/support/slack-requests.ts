import { createHmac } from "node:crypto";

/**
 * Builds and signs requests the way Slack sends them to our `/slack/events` endpoint, for
 * end-to-end tests through Bolt's own signature check.
 */

export interface SignatureHeaders {
  "X-Slack-Signature": string;
  "X-Slack-Request-Timestamp": string;
}

/**
 * Slack's request signature: `v0=` + HMAC-SHA256(signing secret, `v0:<timestamp>:<raw body>`).
 *
 * @example signSlackRequest("secret", body) // { "X-Slack-Signature": "v0=…", … }
 */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): SignatureHeaders {
  const digest = createHmac("sha256", signingSecret)
    .update(`v0:${timestampSeconds}:${rawBody}`)
    .digest("hex");
  return {
    "X-Slack-Signature": `v0=${digest}`,
    "X-Slack-Request-Timestamp": String(timestampSeconds),
  };
}

/** The fields of a slash command payload (`application/x-www-form-urlencoded`). */
export interface SlashCommandFields {
  command?: string;
  text: string;
  response_url: string;
  team_id?: string;
  team_domain?: string;
  channel_id?: string;
  channel_name?: string;
  user_id?: string;
  user_name?: string;
  trigger_id?: string;
  api_app_id?: string;
}

/** A complete slash command payload with realistic defaults for everything not given. */
export function slashCommandPayload(fields: SlashCommandFields): Record<string, string> {
  return {
    token: "deprecated-verification-token",
    team_id: "T0STANDIN",
    team_domain: "standin",
    channel_id: "C0MARKETING",
    channel_name: "marketing",
    user_id: "U0MARKETER",
    user_name: "marketer",
    command: "/campaign",
    api_app_id: "A0ADPULSE",
    is_enterprise_install: "false",
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
    ...fields,
  };
}

/** The form-encoded body Slack POSTs for a slash command. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams(slashCommandPayload(fields)).toString();
}

export interface SlackPostOptions {
  /** Sign with this secret; omit to send no signature headers at all. */
  signingSecret?: string;
  /** Signature timestamp in seconds (default now); an old one tests replay protection. */
  timestampSeconds?: number;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface SlackPostResult {
  status: number;
  body: string;
  /** From sending the request to the end of the response. */
  elapsedMs: number;
}

/** POSTs `body` to the app (e.g. `http://127.0.0.1:<port>/slack/events`) as Slack would. */
export async function postToSlackApp(
  url: string,
  body: string,
  options: SlackPostOptions = {},
): Promise<SlackPostResult> {
  const headers: Record<string, string> = {
    "Content-Type": options.contentType ?? "application/x-www-form-urlencoded",
    ...(options.signingSecret
      ? signSlackRequest(options.signingSecret, body, options.timestampSeconds)
      : {}),
    ...options.headers,
  };
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, body: text, elapsedMs: performance.now() - started };
}
