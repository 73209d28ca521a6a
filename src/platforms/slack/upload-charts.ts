import type { webApi } from "@slack/bolt";
import type { ReplyChart, ReplyFile } from "../../bot/reply";
import type { Logger } from "../../logger";
import { truncate } from "./mrkdwn";
import type { Block } from "./render-blocks";
import { SLACK_LIMITS } from "./slack-limits";

/*
 * How a chart reaches the channel together with its message — the decision, and why.
 *
 * Slack's files v2 flow has three steps: files.getUploadURLExternal reserves a file id and an
 * upload URL, we POST the bytes there, files.completeUploadExternal finishes the upload. The last
 * step can share the files into a channel *as a message*, with `blocks` as that message's body.
 * We use exactly that: one completeUploadExternal call carrying the rendered Reply blocks and every
 * chart file, so text and images arrive as one message, atomically.
 *
 * The alternatives, and why not:
 * - Upload privately (no channel) and reference the file from an image block (`slack_file: {id}`)
 *   in chat.postMessage. Slack finishes uploads asynchronously (malware scan, thumbnails); posting
 *   right away intermittently fails with `invalid_blocks` / "invalid slack file" until the file is
 *   processed (slackapi/python-slack-sdk#1521, #1658; slack-github-action#413 suggests polling
 *   files.info). That adds seconds of polling to every answer and a failure mode to each chart.
 * - Post the message, then complete the upload into its thread: the chart hides behind "1 reply".
 *
 * Costs we accept: completeUploadExternal does not return the message `ts` (a later chat.update
 * must take it from the interaction payload), `initial_comment` would override `blocks` (so we never
 * send it), and files cannot be ephemeral (private replies describe their charts in words).
 */

type WebClient = webApi.WebClient;

export interface UploadedChart {
  chart: ReplyChart;
  fileId: string;
}

export interface ChartUploadFailure {
  chart: ReplyChart;
  reason: string;
  /** The error itself, for callers that retry transient failures (scheduled deliveries). */
  error?: unknown;
}

export interface ChartUploads {
  uploaded: UploadedChart[];
  failed: ChartUploadFailure[];
}

export interface UploadOptions {
  /** HTTP client for the byte upload (tests may count requests); defaults to global fetch. */
  fetch?: typeof fetch;
  /** Per-request limit for the byte upload. */
  timeoutMs?: number;
  /** Pause before the one retry of a failed byte upload. */
  retryDelayMs?: number;
}

/**
 * Steps 1 and 2 of the files v2 flow for each chart that has a PNG: reserve an upload URL, then
 * POST the bytes to exactly the URL Slack returned (it is not under the Web API base). Charts are
 * independent: one failing is recorded in `failed` and the others go on. Nothing is visible to
 * anyone until `shareChartsWithMessage` completes the uploads.
 */
export async function uploadChartFiles(
  client: WebClient,
  charts: ReplyChart[],
  log: Logger,
  options: UploadOptions = {},
): Promise<ChartUploads> {
  const candidates = charts.filter((c) => c.png && !c.renderError);
  const shareable = candidates.slice(0, SLACK_LIMITS.filesPerMessage);
  const results = await Promise.all(
    shareable.map(async (chart): Promise<UploadedChart | ChartUploadFailure> => {
      try {
        return { chart, fileId: await uploadOne(client, chart, options) };
      } catch (error) {
        const reason = describeError(error);
        log.warn({ chart: chart.id, reason }, "chart upload failed; the reply goes out without it");
        return { chart, reason, error };
      }
    }),
  );
  const uploaded = results.filter((r): r is UploadedChart => "fileId" in r);
  const failed = results.filter((r): r is ChartUploadFailure => "reason" in r);
  for (const chart of candidates.slice(SLACK_LIMITS.filesPerMessage)) {
    failed.push({ chart, reason: `more than ${SLACK_LIMITS.filesPerMessage} charts` });
  }
  return { uploaded, failed };
}

async function uploadOne(client: WebClient, chart: ReplyChart, options: UploadOptions) {
  const png = chart.png;
  if (!png) throw new Error("chart has no PNG");
  return uploadBytes(
    client,
    { filename: `${chart.id}.png`, bytes: png, altText: chart.altText || chart.title },
    options,
  );
}

export interface UploadedFile {
  file: ReplyFile;
  fileId: string;
}

/**
 * Steps 1 and 2 for a reply's own files (a CSV export), like `uploadChartFiles`: a failed file is
 * logged and left out (the message says how to get it), the others go on.
 */
export async function uploadReplyFiles(
  client: WebClient,
  files: readonly ReplyFile[],
  log: Logger,
  options: UploadOptions = {},
): Promise<UploadedFile[]> {
  const results = await Promise.all(
    files.slice(0, SLACK_LIMITS.filesPerMessage).map(async (file) => {
      try {
        const upload = { filename: file.name, bytes: file.content, altText: file.description };
        return { file, fileId: await uploadBytes(client, upload, options) };
      } catch (error) {
        log.warn({ file: file.name, reason: describeError(error) }, "file upload failed");
        return undefined;
      }
    }),
  );
  return results.filter((r): r is UploadedFile => r !== undefined);
}

interface Upload {
  filename: string;
  bytes: Buffer;
  altText: string;
}

async function uploadBytes(client: WebClient, upload: Upload, options: UploadOptions) {
  const altText = truncate(upload.altText, SLACK_LIMITS.uploadAltText);
  // Slack's method reference names the argument `alt_txt`; @slack/web-api types and sends
  // `alt_text`. Unknown arguments are ignored by Slack, so both go along for screen readers.
  const altTextArgs = { alt_text: altText, alt_txt: altText };
  const reserved = await client.files.getUploadURLExternal({
    filename: upload.filename,
    length: upload.bytes.length,
    ...altTextArgs,
  });
  const uploadUrl = reserved.upload_url;
  const fileId = reserved.file_id;
  if (!uploadUrl || !fileId) throw new Error("files.getUploadURLExternal returned no upload_url");

  await postBytes(uploadUrl, upload.bytes, options);
  return fileId;
}

/**
 * POSTs the PNG as raw bytes (Slack accepts raw or multipart). No token: the URL itself authorizes
 * the upload, so the bot token never goes to a host other than the Web API (WebClient's own
 * filesUploadV2 would send it along). One retry for a network error or a 5xx/429, since the upload
 * host is a different service from the Web API and WebClient's retries do not cover it.
 */
async function postBytes(url: string, png: Buffer, options: UploadOptions): Promise<void> {
  const attempts = 2;
  for (let attempt = 1; ; attempt += 1) {
    let failure: string;
    try {
      const response = await (options.fetch ?? fetch)(url, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream" },
        body: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      // Drain the body so the connection is released; its text ("OK - 1234") is not needed.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return;
      failure = `upload URL answered HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 429) throw new Error(failure);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("upload URL answered")) throw error;
      failure = `upload failed: ${describeError(error)}`;
    }
    if (attempt >= attempts) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 250));
  }
}

export interface ShareTarget {
  /** A channel id (C…, G…, D…): completeUploadExternal takes ids, never names. */
  channelId: string;
  /** Reply in this thread instead of the channel. */
  threadTs?: string;
}

/**
 * Step 3: completes the uploads into the channel as one message whose body is `blocks`, so the
 * text and the charts arrive together. Throws the Web API error (`not_in_channel`, …) for the
 * caller to fall back to a text-only message.
 */
export async function shareChartsWithMessage(
  client: WebClient,
  target: ShareTarget,
  uploaded: UploadedChart[],
  blocks: Block[],
  files: readonly UploadedFile[] = [],
): Promise<void> {
  const [first, ...rest] = [
    ...uploaded.map((u) => ({ id: u.fileId, title: u.chart.title })),
    ...files.map((f) => ({ id: f.fileId, title: f.file.name })),
  ].slice(0, SLACK_LIMITS.filesPerMessage);
  if (!first) throw new Error("no uploaded file to share");
  const destination = target.threadTs
    ? { channel_id: target.channelId, thread_ts: target.threadTs }
    : { channel_id: target.channelId };
  await client.files.completeUploadExternal({ ...destination, files: [first, ...rest], blocks });
}

/** The Web API error code (`not_in_channel`) or the error's message. */
export function describeError(error: unknown): string {
  const code = slackErrorCode(error);
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

/** The `error` field of a Web API platform error, e.g. `not_in_channel`. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}
