import { randomBytes } from "node:crypto";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";
import { type WebSocket, WebSocketServer } from "ws";
import { validateBlocks } from "./slack-block-rules";

/**
 * A local stand-in for Slack's Web API (and the pieces around it the bot touches: the files v2
 * upload URL, `response_url` and Socket Mode), for end-to-end tests of the real Bolt app.
 *
 * It behaves like Slack where our code could get it wrong: tokens are checked (`invalid_auth`),
 * Block Kit limits are enforced (`invalid_blocks` for > 50 blocks or a section over 3,000
 * characters, …), uploads must match their declared `length`, only reserved file ids complete,
 * a `response_url` takes 5 posts, and the bot can be kept out of channels. Every request is
 * recorded with its parsed arguments and headers. Failures (429 with Retry-After, 500) can be
 * queued per method.
 *
 * @example
 * const slack = await startSlackApiStandin();
 * createSlackApp({ slack: { ...config, botToken: slack.botToken, apiUrl: slack.apiUrl }, … });
 * await slack.waitFor(() => slack.messagesIn("C123")[0]);
 */

export interface StandinOptions {
  /** The bot token the stand-in accepts (`xoxb-…`). */
  botToken?: string;
  /** The app-level token for Socket Mode (`xapp-…`). */
  appToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
}

export interface RecordedCall {
  /** Web API method (`chat.postMessage`), `upload` for the upload URL, `response_url`, `socket`. */
  method: string;
  path: string;
  /** Parsed arguments: form or JSON fields, with `blocks`/`files`/… decoded from their JSON strings. */
  args: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  status: number;
  response: unknown;
  /** `Date.now()` when the request arrived. */
  at: number;
}

/** Something a person would see in a channel. */
export interface PostedMessage {
  via: "chat.postMessage" | "chat.postEphemeral" | "files.completeUploadExternal" | "response_url";
  channel?: string;
  /** Recipient of an ephemeral message. */
  user?: string;
  ts: string;
  threadTs?: string;
  text?: string;
  blocks?: Record<string, unknown>[];
  /** Files shared with the message (files.completeUploadExternal). */
  fileIds: string[];
  /** For response_url posts: `in_channel` or `ephemeral` (Slack's default). */
  responseType?: string;
  responseUrl?: string;
}

export interface StoredFile {
  id: string;
  filename: string;
  /** Declared in files.getUploadURLExternal. */
  length: number;
  altText?: string;
  title?: string;
  uploadUrl: string;
  /** The bytes received at the upload URL (raw or the file part of a multipart body). */
  bytes?: Buffer;
  uploadContentType?: string;
  completed: boolean;
  channelId?: string;
}

/** A shared file as Slack's events describe it (the fields adpulse reads). */
export interface SlackFileObject {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  url_private: string;
  url_private_download: string;
}

interface SharedFile extends SlackFileObject {
  bytes: Buffer;
}

export type InjectedFailure =
  | { status: 429; retryAfterSeconds: number }
  | { status: 500 }
  /** An `ok: false` answer with this error code, e.g. `internal_error`. */
  | { error: string };

/** A workspace member as users.info describes them. */
export interface SlackPerson {
  name?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
}

export interface ChannelAccess {
  /** The bot is a member (may post, upload, post ephemerals). */
  member: boolean;
  /** Private channels are invisible to non-members (`channel_not_found`). */
  isPrivate?: boolean;
}

interface Envelope {
  envelopeId: string;
  resolve: (ack: SocketAck) => void;
  sentAt: number;
}

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
  /** Time from sending the envelope to receiving its ack. */
  elapsedMs: number;
}

const JSON_FIELDS = ["blocks", "attachments", "files", "metadata"];
const RESPONSE_URL_MAX_POSTS = 5;

export class SlackApiStandin {
  readonly botToken: string;
  readonly appToken: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly calls: RecordedCall[] = [];
  readonly messages: PostedMessage[] = [];
  readonly files = new Map<string, StoredFile>();
  /** Files people shared, downloadable at their `url_private_download` with the bot token. */
  readonly sharedFiles = new Map<string, SharedFile>();

  private readonly failures = new Map<string, InjectedFailure[]>();
  private readonly channels = new Map<string, ChannelAccess>();
  private readonly people = new Map<string, SlackPerson>();
  private readonly responseUrlPosts = new Map<string, number>();
  private readonly sockets = new Set<WebSocket>();
  private readonly envelopes = new Map<string, Envelope>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private origin = "";
  private tsCounter = 0;
  private idCounter = 0;

  private constructor(
    private readonly server: Server,
    options: StandinOptions,
  ) {
    this.botToken = options.botToken ?? "xoxb-standin-bot-token";
    this.appToken = options.appToken ?? "xapp-standin-app-token";
    this.teamId = options.teamId ?? "T0STANDIN";
    this.botUserId = options.botUserId ?? "U0ADPULSE";
    this.botId = options.botId ?? "B0ADPULSE";
  }

  static async start(options: StandinOptions = {}): Promise<SlackApiStandin> {
    const server = createServer();
    const standin = new SlackApiStandin(server, options);
    server.on("request", (req, res) => {
      standin.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`stand-in failed: ${error instanceof Error ? error.stack : String(error)}`);
      });
    });
    server.on("upgrade", (req, socket, head) => standin.upgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    standin.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return standin;
  }

  /** Web API base for `SLACK_API_URL` / `clientOptions.slackApiUrl` (ends with `/`). */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A fresh `response_url` for one slash command payload. */
  responseUrl(): string {
    return `${this.origin}/commands/${this.teamId}/${++this.idCounter}/${randomBytes(6).toString("hex")}`;
  }

  /** Every recorded call to `method` (`chat.postMessage`, `upload`, `response_url`, …). */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages visible in `channel` (including ephemeral ones), oldest first. */
  messagesIn(channel: string): PostedMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  /** Posts made to one response_url. */
  responsesTo(responseUrl: string): PostedMessage[] {
    return this.messages.filter((m) => m.responseUrl === responseUrl);
  }

  /** Sets whether the bot is in `channel` (unknown channels: a public channel the bot is in). */
  setChannel(channel: string, access: ChannelAccess): void {
    this.channels.set(channel, access);
  }

  /** Describes a workspace member as `users.info` reports them (unknown ids: regular members). */
  setUser(user: string, person: SlackPerson): void {
    this.people.set(user, person);
  }

  /** The next `count` calls to `method` answer with `failure` (then normal service resumes). */
  failNext(method: string, count: number, failure: InjectedFailure): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < count; i += 1) queue.push(failure);
    this.failures.set(method, queue);
  }

  /**
   * Polls `probe` until it returns something other than undefined/false (the bot answers after
   * acknowledging, so tests wait for the effect rather than sleep).
   */
  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) {
        const seen = this.calls.map((c) => `${c.method} → ${c.status}`).join(", ");
        throw new Error(
          `stand-in: condition not met within ${timeoutMs} ms (calls: ${seen || "none"})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Forgets calls, messages, files and queued failures (channels too). */
  reset(): void {
    this.calls.length = 0;
    this.messages.length = 0;
    this.files.clear();
    this.failures.clear();
    this.channels.clear();
    this.responseUrlPosts.clear();
    this.people.clear();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- Socket Mode ----------------------------------------------------------------------------

  /** Resolves once a Socket Mode client is connected (after the hello frame). */
  async socketConnected(timeoutMs = 5_000): Promise<void> {
    await this.waitFor(() => this.sockets.size > 0, timeoutMs);
  }

  /**
   * Sends an envelope to the connected Socket Mode client, as Slack does for a slash command
   * (`slash_commands`), an event (`events_api`) or a click (`interactive`); resolves with its ack.
   */
  sendEnvelope(
    type: "slash_commands" | "events_api" | "interactive",
    payload: Record<string, unknown>,
    options: { retryAttempt?: number; retryReason?: string } = {},
  ): Promise<SocketAck> {
    const [socket] = this.sockets;
    if (!socket) return Promise.reject(new Error("stand-in: no Socket Mode client connected"));
    const envelopeId = `env-${++this.idCounter}`;
    return new Promise<SocketAck>((resolve) => {
      this.envelopes.set(envelopeId, { envelopeId, resolve, sentAt: Date.now() });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== "events_api",
          retry_attempt: options.retryAttempt ?? 0,
          retry_reason: options.retryReason ?? "",
        }),
      );
    });
  }

  private upgrade(req: IncomingMessage, socket: import("node:stream").Duplex, head: Buffer) {
    if (!req.url?.startsWith("/link")) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws);
      ws.on("close", () => this.sockets.delete(ws));
      ws.on("message", (data) => {
        const message = JSON.parse(data.toString()) as { envelope_id?: string; payload?: unknown };
        this.record("socket", "/link", { ...message }, req.headers, 200, null);
        const envelope = message.envelope_id ? this.envelopes.get(message.envelope_id) : undefined;
        if (!envelope) return;
        this.envelopes.delete(envelope.envelopeId);
        envelope.resolve({
          envelope_id: envelope.envelopeId,
          payload: message.payload,
          elapsedMs: Date.now() - envelope.sentAt,
        });
      });
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: this.sockets.size,
          debug_info: { host: "slack-api-standin", approximate_connection_time: 18_060 },
          connection_info: { app_id: "A0ADPULSE" },
        }),
      );
    });
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.origin);
    const raw = await readBody(req);
    if (url.pathname.startsWith("/api/")) {
      const method = url.pathname.slice("/api/".length);
      const args = await parseArgs(req.headers, raw, url.searchParams);
      this.answerApi(method, url.pathname, args, req.headers, res);
    } else if (url.pathname.startsWith("/upload/v1/")) {
      await this.answerUpload(url.pathname, raw, req.headers, res);
    } else if (url.pathname.startsWith("/files-pri/")) {
      this.answerDownload(url.pathname, req.headers, res);
    } else if (url.pathname.startsWith("/commands/")) {
      this.answerResponseUrl(`${this.origin}${url.pathname}`, raw, req.headers, res);
    } else {
      this.send(res, 404, { ok: false, error: "not_found" });
    }
  }

  private answerApi(
    method: string,
    path: string,
    args: Record<string, unknown>,
    headers: IncomingHttpHeaders,
    res: ServerResponse,
  ) {
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if ("status" in failure && failure.status === 429) {
        const body = { ok: false, error: "ratelimited" };
        this.record(method, path, args, headers, 429, body);
        return this.send(res, 429, body, { "retry-after": String(failure.retryAfterSeconds) });
      }
      if ("status" in failure) {
        this.record(method, path, args, headers, failure.status, "internal server error");
        res.writeHead(failure.status, { "content-type": "text/plain" });
        return res.end("internal server error");
      }
      const body = { ok: false, error: failure.error };
      this.record(method, path, args, headers, 200, body);
      return this.send(res, 200, body);
    }

    const body = this.runMethod(method, args, headers);
    this.record(method, path, args, headers, 200, body);
    this.send(res, 200, body);
  }

  private runMethod(
    method: string,
    args: Record<string, unknown>,
    headers: IncomingHttpHeaders,
  ): Record<string, unknown> {
    const token = bearer(headers) ?? (typeof args.token === "string" ? args.token : undefined);
    if (method === "apps.connections.open") {
      if (!token) return { ok: false, error: "not_authed" };
      if (token !== this.appToken) {
        return {
          ok: false,
          error: token.startsWith("xapp-") ? "invalid_auth" : "not_allowed_token_type",
        };
      }
      return {
        ok: true,
        url: `${this.origin.replace(/^http/, "ws")}/link/?ticket=${randomBytes(8).toString("hex")}`,
      };
    }
    if (!token) return { ok: false, error: "not_authed" };
    if (token !== this.botToken) return { ok: false, error: "invalid_auth" };

    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://standin.slack.com/",
          team: "Stand-in",
          user: "adpulse",
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: this.botId,
          is_enterprise_install: false,
        };
      case "chat.postMessage":
        return this.postMessage(args);
      case "chat.postEphemeral":
        return this.postEphemeral(args);
      case "chat.update":
        return this.update(args);
      case "files.getUploadURLExternal":
        return this.getUploadUrl(args);
      case "files.completeUploadExternal":
        return this.completeUpload(args);
      case "users.info":
        return this.userInfo(args);
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  private postMessage(args: Record<string, unknown>) {
    const channel = str(args.channel);
    const denied = this.access(channel, "post");
    if (denied) return { ok: false, error: denied };
    const invalid = this.checkContent(args);
    if (invalid) return invalid;
    const ts = this.nextTs();
    const message: PostedMessage = {
      via: "chat.postMessage",
      channel,
      ts,
      threadTs: str(args.thread_ts) || undefined,
      text: str(args.text) || undefined,
      blocks: args.blocks as PostedMessage["blocks"],
      fileIds: [],
    };
    this.messages.push(message);
    return {
      ok: true,
      channel,
      ts,
      message: {
        type: "message",
        text: message.text,
        blocks: message.blocks,
        ts,
        bot_id: this.botId,
        user: this.botUserId,
      },
    };
  }

  private postEphemeral(args: Record<string, unknown>) {
    const channel = str(args.channel);
    const user = str(args.user);
    if (!user) return { ok: false, error: "user_not_in_channel" };
    const denied = this.access(channel, "member");
    if (denied) return { ok: false, error: denied };
    const invalid = this.checkContent(args);
    if (invalid) return invalid;
    const ts = this.nextTs();
    this.messages.push({
      via: "chat.postEphemeral",
      channel,
      user,
      ts,
      threadTs: str(args.thread_ts) || undefined,
      text: str(args.text) || undefined,
      blocks: args.blocks as PostedMessage["blocks"],
      fileIds: [],
    });
    return { ok: true, message_ts: ts };
  }

  private update(args: Record<string, unknown>) {
    const message = this.messages.find(
      (m) =>
        m.channel === str(args.channel) && m.ts === str(args.ts) && m.via !== "chat.postEphemeral",
    );
    if (!message) return { ok: false, error: "message_not_found" };
    const invalid = this.checkContent(args);
    if (invalid) return invalid;
    if (args.text !== undefined) message.text = str(args.text);
    if (args.blocks !== undefined) message.blocks = args.blocks as PostedMessage["blocks"];
    return { ok: true, channel: message.channel, ts: message.ts, text: message.text };
  }

  private userInfo(args: Record<string, unknown>) {
    const id = str(args.user);
    if (!/^[UW][A-Z0-9]+$/.test(id)) return { ok: false, error: "user_not_found" };
    const person = this.people.get(id) ?? {};
    return {
      ok: true,
      user: {
        id,
        team_id: this.teamId,
        name: person.name ?? id.toLowerCase(),
        deleted: false,
        is_bot: false,
        is_admin: person.isAdmin ?? false,
        is_owner: person.isOwner ?? false,
        is_primary_owner: false,
        tz: "Europe/Paris",
      },
    };
  }

  private getUploadUrl(args: Record<string, unknown>) {
    const filename = str(args.filename);
    const length = Number(args.length);
    if (!filename || !Number.isInteger(length) || length <= 0) {
      return { ok: false, error: "invalid_arguments" };
    }
    const id = `F${randomBytes(5).toString("hex").toUpperCase()}`;
    const uploadUrl = `${this.origin}/upload/v1/${id}-${randomBytes(8).toString("hex")}`;
    this.files.set(id, {
      id,
      filename,
      length,
      altText: str(args.alt_txt) || str(args.alt_text) || undefined,
      uploadUrl,
      completed: false,
    });
    return { ok: true, upload_url: uploadUrl, file_id: id };
  }

  private async answerUpload(
    path: string,
    raw: Buffer,
    headers: IncomingHttpHeaders,
    res: ServerResponse,
  ) {
    const file = [...this.files.values()].find((f) => f.uploadUrl === `${this.origin}${path}`);
    const contentType = headers["content-type"] ?? "";
    const failure = this.failures.get("upload")?.shift();
    const args = { fileId: file?.id, contentType, bytes: raw.length };
    if (failure) {
      const status = "status" in failure ? failure.status : 500;
      this.record("upload", path, args, headers, status, "injected failure");
      res.writeHead(
        status,
        status === 429 && "retryAfterSeconds" in failure
          ? { "retry-after": String(failure.retryAfterSeconds) }
          : {},
      );
      return res.end("injected failure");
    }
    if (!file || file.completed) {
      this.record("upload", path, args, headers, 404, "unknown upload url");
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("unknown upload url");
    }
    const bytes = contentType.startsWith("multipart/form-data")
      ? await multipartFile(raw, contentType)
      : raw;
    if (!bytes || bytes.length !== file.length) {
      const message = `size mismatch: declared ${file.length} bytes, received ${bytes?.length ?? 0}`;
      this.record("upload", path, { ...args, bytes: bytes?.length ?? 0 }, headers, 400, message);
      res.writeHead(400, { "content-type": "text/plain" });
      return res.end(message);
    }
    file.bytes = bytes;
    file.uploadContentType = contentType;
    this.record(
      "upload",
      path,
      { ...args, bytes: bytes.length },
      headers,
      200,
      `OK - ${bytes.length}`,
    );
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`OK - ${bytes.length}`);
  }

  private completeUpload(args: Record<string, unknown>) {
    const entries = args.files;
    if (!Array.isArray(entries) || entries.length === 0)
      return { ok: false, error: "invalid_arguments" };
    const files: StoredFile[] = [];
    for (const entry of entries as { id?: unknown; title?: unknown }[]) {
      const file = typeof entry.id === "string" ? this.files.get(entry.id) : undefined;
      // Unknown ids, and ids whose bytes never arrived, cannot be completed.
      if (!file?.bytes) return { ok: false, error: "file_not_found" };
      if (typeof entry.title === "string") file.title = entry.title;
      files.push(file);
    }
    const channel = str(args.channel_id) || undefined;
    if (channel) {
      const denied = this.access(channel, "member");
      if (denied) return { ok: false, error: denied };
    }
    // Slack ignores blocks when initial_comment is given.
    const comment = str(args.initial_comment) || undefined;
    if (!comment && args.blocks !== undefined) {
      const invalid = this.checkContent({ blocks: args.blocks, text: "x" });
      if (invalid) return invalid;
    }
    for (const file of files) {
      file.completed = true;
      file.channelId = channel;
    }
    if (channel) {
      this.messages.push({
        via: "files.completeUploadExternal",
        channel,
        ts: this.nextTs(),
        threadTs: str(args.thread_ts) || undefined,
        text: comment,
        blocks: comment ? undefined : (args.blocks as PostedMessage["blocks"]),
        fileIds: files.map((f) => f.id),
      });
    }
    return {
      ok: true,
      files: files.map((f) => ({
        id: f.id,
        title: f.title ?? f.filename,
        name: f.filename,
        mimetype: "",
        size: f.length,
      })),
    };
  }

  /**
   * A file a person shared (in a DM or with a mention), as Slack describes it in the event's
   * `files`: download it from `url_private_download` with `Authorization: Bearer <bot token>`.
   * Like Slack, a request without the bot token gets a sign-in page (HTML, status 200), not the
   * file.
   */
  shareFile(
    name: string,
    content: string | Buffer,
    options: { mimetype?: string; filetype?: string } = {},
  ): SlackFileObject {
    const id = `F${randomBytes(5).toString("hex").toUpperCase()}`;
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
    const path = `/files-pri/${this.teamId}-${id}/download/${encodeURIComponent(name)}`;
    const file: SlackFileObject = {
      id,
      name,
      title: name,
      mimetype: options.mimetype ?? "text/csv",
      filetype: options.filetype ?? "csv",
      size: bytes.length,
      url_private: `${this.origin}${path.replace("/download/", "/")}`,
      url_private_download: `${this.origin}${path}`,
    };
    this.sharedFiles.set(path, { ...file, bytes });
    return file;
  }

  private answerDownload(path: string, headers: IncomingHttpHeaders, res: ServerResponse) {
    const file = this.sharedFiles.get(path);
    const args = { fileId: file?.id };
    if (!file) {
      this.record("files.download", path, args, headers, 404, "file not found");
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("file not found");
    }
    if (bearer(headers) !== this.botToken) {
      this.record("files.download", path, args, headers, 200, "sign-in page");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end("<!DOCTYPE html><html><body>Sign in to Slack</body></html>");
    }
    this.record(
      "files.download",
      path,
      { ...args, bytes: file.bytes.length },
      headers,
      200,
      "file",
    );
    res.writeHead(200, {
      "content-type": file.mimetype,
      "content-length": String(file.bytes.length),
    });
    res.end(file.bytes);
  }

  private answerResponseUrl(
    url: string,
    raw: Buffer,
    headers: IncomingHttpHeaders,
    res: ServerResponse,
  ) {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    } catch {
      this.record("response_url", url, {}, headers, 400, "invalid json");
      return this.send(res, 400, { ok: false, error: "invalid_payload" });
    }
    const posts = (this.responseUrlPosts.get(url) ?? 0) + 1;
    this.responseUrlPosts.set(url, posts);
    if (posts > RESPONSE_URL_MAX_POSTS) {
      const answer = { ok: false, error: "used_url" };
      this.record("response_url", url, body, headers, 404, answer);
      return this.send(res, 404, answer);
    }
    const invalid = this.checkContent(body);
    if (invalid) {
      this.record("response_url", url, body, headers, 400, invalid);
      return this.send(res, 400, invalid);
    }
    this.messages.push({
      via: "response_url",
      ts: this.nextTs(),
      text: str(body.text) || undefined,
      blocks: body.blocks as PostedMessage["blocks"],
      fileIds: [],
      responseType: str(body.response_type) || "ephemeral",
      responseUrl: url,
    });
    this.record("response_url", url, body, headers, 200, { ok: true });
    this.send(res, 200, { ok: true });
  }

  /** Slack's answer when the bot may not do `what` in `channel`, or undefined when it may. */
  private access(channel: string, what: "post" | "member"): string | undefined {
    if (!channel) return "channel_not_found";
    const access = this.channels.get(channel) ?? { member: true, isPrivate: false };
    if (access.member) return undefined;
    if (access.isPrivate || channel.startsWith("D")) return "channel_not_found";
    // chat:write.public lets the bot post into public channels it has not joined; nothing else.
    return what === "post" ? undefined : "not_in_channel";
  }

  private checkContent(args: Record<string, unknown>): Record<string, unknown> | undefined {
    const text = typeof args.text === "string" ? args.text : "";
    if (!text && args.blocks === undefined) return { ok: false, error: "no_text" };
    if (text.length > 40_000) return { ok: false, error: "msg_too_long" };
    if (args.blocks === undefined) return undefined;
    if (typeof args.blocks === "string") return { ok: false, error: "invalid_blocks_format" };
    const errors = validateBlocks(args.blocks, new Set(this.files.keys()));
    if (errors.length === 0) return undefined;
    return {
      ok: false,
      error: "invalid_blocks",
      errors,
      response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
    };
  }

  private record(
    method: string,
    path: string,
    args: Record<string, unknown>,
    headers: IncomingHttpHeaders,
    status: number,
    response: unknown,
  ) {
    this.calls.push({ method, path, args, headers, status, response, at: Date.now() });
  }

  private send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, "0")}`;
  }
}

/** Starts a stand-in on 127.0.0.1 and a free port. */
export function startSlackApiStandin(options: StandinOptions = {}): Promise<SlackApiStandin> {
  return SlackApiStandin.start(options);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Form-encoded, JSON or multipart arguments, with Slack's JSON-in-a-string fields decoded. */
async function parseArgs(
  headers: IncomingHttpHeaders,
  raw: Buffer,
  query: URLSearchParams,
): Promise<Record<string, unknown>> {
  const type = headers["content-type"] ?? "";
  let args: Record<string, unknown> = Object.fromEntries(query);
  if (type.startsWith("application/json")) {
    args = { ...args, ...(JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>) };
  } else if (type.startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(raw), {
      headers: { "content-type": type },
    }).formData();
    for (const [key, value] of form)
      args[key] = typeof value === "string" ? value : `<file ${value.size} bytes>`;
  } else if (raw.length > 0) {
    args = { ...args, ...parseQuery(raw.toString("utf8")) };
  }
  for (const key of JSON_FIELDS) {
    const value = args[key];
    if (typeof value !== "string") continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // Left as a string: the method answers `invalid_blocks_format` / `invalid_arguments`.
    }
  }
  return args;
}

async function multipartFile(raw: Buffer, contentType: string): Promise<Buffer | undefined> {
  const form = await new Response(new Uint8Array(raw), {
    headers: { "content-type": contentType },
  }).formData();
  for (const [, value] of form) {
    if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
  }
  return undefined;
}

function bearer(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer (.+)$/.exec(headers.authorization ?? "");
  return match?.[1];
}

function str(value: unknown): string {
  return typeof value === "string"
    ? value
    : value === undefined || value === null
      ? ""
      : String(value);
}
