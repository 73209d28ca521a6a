import { randomBytes } from "node:crypto";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { validateAutocomplete, validateCommands, validateMessage } from "./discord-rules";

/**
 * A local stand-in for Discord's REST API (v10) and gateway, for end-to-end tests of the real
 * discord.js client (`rest.api` / `DISCORD_API_URL` pointed at `apiUrl`).
 *
 * - REST: `GET /gateway/bot` names the stand-in's own WebSocket URL; application commands
 *   (`GET`/`PUT`, global and per guild); interaction callbacks; the interaction webhook
 *   (`PATCH`/`DELETE …/messages/@original`, follow-ups). Bot routes check `Authorization: Bot …`.
 * - Gateway: HELLO → IDENTIFY (token checked; close 4004 otherwise) → READY + GUILD_CREATE per
 *   guild; heartbeats acknowledged; `dispatchInteraction` sends INTERACTION_CREATE.
 * - It behaves like Discord where an adapter can go wrong: the initial response must arrive
 *   within 3 s and only once (10062 / 40060), message and command limits answer
 *   `50035 Invalid Form Body`, files over 10 MiB answer 413, the first follow-up after a deferral
 *   edits the deferred message and keeps its visibility, interaction tokens expire after 15 min.
 * - Every REST call is recorded with its parsed JSON or multipart body (files with their bytes);
 *   every gateway frame too. 429s (`retry_after`, optionally global) and 500s can be queued per
 *   route; a global 429 blocks every bot request until it expires, as Discord does.
 *
 * @example
 * const discord = await startDiscordStandin();
 * createDiscordBot({ discord: { token: discord.token, applicationId: discord.applicationId, apiUrl: discord.apiUrl }, … });
 * const interaction = discord.dispatchInteraction(slashCommand(discord.place(), "roi"));
 * await discord.waitFor(() => interaction.original?.embeds.length);
 */

type Json = Record<string, unknown>;

export interface GuildSpec {
  id: string;
  name: string;
  /** One text channel, where slash commands are typed. */
  channelId: string;
}

export interface DiscordStandinOptions {
  token?: string;
  applicationId?: string;
  botUserId?: string;
  guilds?: GuildSpec[];
  /** HELLO's heartbeat interval (Discord: ~41 s). */
  heartbeatIntervalMs?: number;
  /** How long after dispatch an interaction accepts its initial response (Discord: 3 s). */
  responseDeadlineMs?: number;
  /** How long an interaction token accepts follow-ups (Discord: 15 min). */
  tokenLifetimeMs?: number;
}

export interface RecordedFile {
  /** Multipart field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  bytes: Buffer;
  /** Alt text, from the `attachments` entry of `payload_json`. */
  description?: string;
}

export interface RestCall {
  method: string;
  /** Path below `/api/v10`, e.g. `/interactions/15…/itoken…/callback`. */
  path: string;
  /** Route with ids replaced, e.g. `POST /interactions/:id/:token/callback`. */
  route: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** JSON body, or `payload_json` of a multipart body. */
  body: unknown;
  files: RecordedFile[];
  status: number;
  response: unknown;
  /** `Date.now()` when the request arrived. */
  at: number;
}

export interface GatewayFrame {
  direction: "sent" | "received";
  op: number;
  t?: string | null;
  d?: unknown;
  at: number;
}

export interface StandinMessage {
  id: string;
  channelId: string;
  interactionId: string;
  content: string;
  embeds: Json[];
  components: Json[];
  attachments: RecordedFile[];
  flags: number;
  /** Shown only to the invoking user. */
  ephemeral: boolean;
  /** A deferred response not yet edited: Discord shows "adpulse is thinking…". */
  loading: boolean;
  deleted: boolean;
  createdAt: number;
  editedAt?: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  /** 2 command, 3 component, 4 autocomplete. */
  type: number;
  payload: Json;
  dispatchedAt: number;
  /** The initial response (interaction callback). */
  response?: { type: number; at: number; data?: Json };
  /** The message the initial response created (also deferred ones). */
  original?: StandinMessage;
  followups: StandinMessage[];
  /** An autocomplete answer's choices. */
  choices?: Json[];
}

export type InjectedFailure =
  /** `retryAfter` in seconds, as Discord's `retry_after`. */
  { status: 429; retryAfter: number; global?: boolean } | { status: 500 };

const EPHEMERAL = 64;
const LOADING = 128;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 10;

interface Session {
  ws: WebSocket;
  seq: number;
  sessionId: string;
  identified: boolean;
}

export class DiscordStandin {
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly guilds: GuildSpec[];
  readonly calls: RestCall[] = [];
  readonly frames: GatewayFrame[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  /** Registered commands: `global` or a guild id → the commands as Discord echoes them. */
  readonly commands = new Map<string, Json[]>();
  /** Query of each gateway connection (`v`, `encoding`). */
  readonly gatewayConnections: Record<string, string>[] = [];
  heartbeatsAcknowledged = 0;
  /** Messages the bot posted into channels by itself (`POST /channels/:id/messages`). */
  readonly channelMessages: StandinMessage[] = [];
  /** Files served as attachments (`hostAttachment`), by URL path. */
  private readonly hostedFiles = new Map<string, { bytes: Buffer; contentType: string }>();
  /** DM channels opened by the bot (`POST /users/@me/channels`): channel id → user id. */
  readonly dmChannels = new Map<string, string>();
  /** Largest upload accepted per file (Discord's default: 10 MiB); lower it to refuse charts. */
  maxFileBytes = MAX_FILE_BYTES;

  private readonly options: Required<
    Pick<DiscordStandinOptions, "heartbeatIntervalMs" | "responseDeadlineMs" | "tokenLifetimeMs">
  >;
  private readonly failures = new Map<string, InjectedFailure[]>();
  private readonly sessions = new Set<Session>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private origin = "";
  private snowflake = 1_500_000_000_000_000_000n;
  private commandVersion = 1_600_000_000_000_000_000n;
  private globalBlockedUntil = 0;

  private constructor(
    private readonly server: Server,
    options: DiscordStandinOptions,
  ) {
    this.token = options.token ?? "standin-discord-bot-token.Gx7Kq2.c2VjcmV0LXBhcnQ";
    this.applicationId = options.applicationId ?? "1100000000000000001";
    this.botUserId = options.botUserId ?? this.applicationId;
    this.guilds = options.guilds ?? [
      { id: "1200000000000000001", name: "Marketing HQ", channelId: "1300000000000000001" },
    ];
    this.options = {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      responseDeadlineMs: options.responseDeadlineMs ?? 3_000,
      tokenLifetimeMs: options.tokenLifetimeMs ?? 15 * 60_000,
    };
  }

  static async start(options: DiscordStandinOptions = {}): Promise<DiscordStandin> {
    const server = createServer();
    const standin = new DiscordStandin(server, options);
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

  /** REST base for `DISCORD_API_URL` / `rest.api` (discord.js appends `/v10/…`). */
  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  get gatewayUrl(): string {
    return `${this.origin.replace(/^http/, "ws")}/gateway`;
  }

  /** Where commands are typed: the first guild and its channel. */
  place(guild: GuildSpec = this.guilds[0] as GuildSpec): { guildId: string; channelId: string } {
    return { guildId: guild.id, channelId: guild.channelId };
  }

  /** Every recorded REST call to `route` (`POST /interactions/:id/:token/callback`, …). */
  callsTo(route: string): RestCall[] {
    return this.calls.filter((c) => c.route === route);
  }

  /** The next `count` requests to `route` answer with `failure`. */
  failNext(route: string, count: number, failure: InjectedFailure): void {
    const queue = this.failures.get(route) ?? [];
    for (let i = 0; i < count; i += 1) queue.push(failure);
    this.failures.set(route, queue);
  }

  /** Polls `probe` until it returns something other than undefined/false/0. */
  async waitFor<T>(probe: () => T | undefined | false | 0, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false && value !== 0) return value;
      if (Date.now() > deadline) {
        const seen = this.calls.map((c) => `${c.route} → ${c.status}`).join(", ");
        throw new Error(
          `discord stand-in: condition not met within ${timeoutMs} ms (calls: ${seen || "none"})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Gateway connections currently open. */
  get openSessions(): number {
    return this.sessions.size;
  }

  /** Resolves once a client has identified and received READY. */
  async connected(timeoutMs = 10_000): Promise<void> {
    await this.waitFor(() => [...this.sessions].some((s) => s.identified), timeoutMs);
  }

  /**
   * Sends an INTERACTION_CREATE to the connected client. `payload` comes from
   * discord-interactions.ts; the id, token and application id are filled in here.
   */
  dispatchInteraction(payload: Json): InteractionRecord {
    const session = [...this.sessions].find((s) => s.identified);
    if (!session) throw new Error("discord stand-in: no identified gateway session");
    const id = this.nextId();
    const token = `itoken-${randomBytes(24).toString("base64url")}`;
    const full = { ...payload, id, token, application_id: this.applicationId };
    const record: InteractionRecord = {
      id,
      token,
      type: Number(payload.type),
      payload: full,
      dispatchedAt: Date.now(),
      followups: [],
    };
    this.interactions.set(id, record);
    this.dispatch(session, "INTERACTION_CREATE", full);
    return record;
  }

  /** Every message an interaction produced, original first. */
  messagesOf(interaction: InteractionRecord): StandinMessage[] {
    return [interaction.original, ...interaction.followups].filter(
      (m): m is StandinMessage => m !== undefined,
    );
  }

  /**
   * Resolves with the answer the user ends up seeing, whichever way it was sent (reply, edited
   * deferral, ephemeral follow-up): a message with an embed, neither a placeholder nor deleted.
   */
  answerTo(interaction: InteractionRecord, timeoutMs = 15_000): Promise<StandinMessage> {
    return this.waitFor(
      () =>
        this.messagesOf(interaction).find((m) => !m.deleted && !m.loading && m.embeds.length > 0),
      timeoutMs,
    );
  }

  /** A message as Discord's API returns it (for button-click payloads). */
  messageJson(message: StandinMessage): Json {
    return {
      id: message.id,
      type: 20,
      channel_id: message.channelId,
      content: message.content,
      embeds: message.embeds,
      components: message.components,
      attachments: message.attachments.map((f, i) => ({
        id: `${message.id}${i}`,
        filename: f.name,
        size: f.bytes.length,
        url: `${this.origin}/attachments/${message.channelId}/${message.id}/${f.name}`,
        proxy_url: `${this.origin}/attachments/${message.channelId}/${message.id}/${f.name}`,
        content_type: f.contentType,
        ...(f.description ? { description: f.description } : {}),
      })),
      author: this.botUser(),
      timestamp: new Date(message.createdAt).toISOString(),
      edited_timestamp: message.editedAt ? new Date(message.editedAt).toISOString() : null,
      flags: message.flags,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
    };
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- Gateway --------------------------------------------------------------------------------

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", this.origin);
    if (url.pathname.replace(/\/$/, "") !== "/gateway") {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.gatewayConnections.push(Object.fromEntries(url.searchParams));
      const session: Session = {
        ws,
        seq: 0,
        sessionId: randomBytes(16).toString("hex"),
        identified: false,
      };
      this.sessions.add(session);
      ws.on("close", () => this.sessions.delete(session));
      ws.on("message", (data) => this.onFrame(session, data.toString()));
      this.send(session, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
    });
  }

  private onFrame(session: Session, text: string): void {
    let frame: { op?: number; d?: Json | number | null };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      session.ws.close(4002, "Error while decoding payload.");
      return;
    }
    this.frames.push({ direction: "received", op: Number(frame.op), d: frame.d, at: Date.now() });
    switch (frame.op) {
      case 1:
        this.heartbeatsAcknowledged += 1;
        this.send(session, { op: 11 });
        return;
      case 2:
        this.identify(session, (frame.d ?? {}) as Json);
        return;
      case 6:
        // Sessions are not kept: a resume is refused, the client identifies again.
        this.send(session, { op: 9, d: false });
        return;
      default:
        return;
    }
  }

  private identify(session: Session, d: Json): void {
    if (d.token !== this.token) {
      session.ws.close(4004, "Authentication failed.");
      return;
    }
    if (typeof d.intents !== "number") {
      session.ws.close(4013, "Invalid intent(s).");
      return;
    }
    session.identified = true;
    this.dispatch(session, "READY", {
      v: 10,
      user: this.botUser(),
      guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.sessionId,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      user_settings: {},
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
    });
    for (const guild of this.guilds) this.dispatch(session, "GUILD_CREATE", this.guildJson(guild));
  }

  private dispatch(session: Session, event: string, d: unknown): void {
    session.seq += 1;
    this.send(session, { op: 0, t: event, s: session.seq, d });
  }

  private send(session: Session, frame: { op: number; t?: string; s?: number; d?: unknown }): void {
    this.frames.push({
      direction: "sent",
      op: frame.op,
      t: frame.t ?? null,
      d: frame.d,
      at: Date.now(),
    });
    session.ws.send(JSON.stringify({ t: null, s: null, d: null, ...frame }));
  }

  private botUser(): Json {
    return {
      id: this.botUserId,
      username: "adpulse",
      discriminator: "0",
      global_name: null,
      avatar: null,
      bot: true,
      flags: 0,
      verified: true,
      mfa_enabled: false,
    };
  }

  private guildJson(guild: GuildSpec): Json {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: "3300000000000000009",
      unavailable: false,
      member_count: 2,
      large: false,
      joined_at: "2026-01-05T09:00:00.000000+00:00",
      roles: [
        {
          id: guild.id,
          name: "@everyone",
          permissions: "2248473465835073",
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      channels: [
        {
          id: guild.channelId,
          type: 0,
          name: "marketing",
          position: 0,
          permission_overwrites: [],
          nsfw: false,
          parent_id: null,
          last_message_id: null,
          topic: null,
          rate_limit_per_user: 0,
          flags: 0,
        },
      ],
      threads: [],
      members: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      features: [],
      preferred_locale: "en-US",
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      vanity_url_code: null,
      max_members: 500_000,
      application_id: null,
      lazy: true,
    };
  }

  // ---- REST -----------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.origin);
    const method = (req.method ?? "GET").toUpperCase();
    const raw = await readBody(req);
    // discord.js sends `@original` percent-encoded (`%40original`).
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith("/api/v10/") ? pathname.slice("/api/v10".length) : "";
    const route = path ? routeOf(method, path) : `${method} ${url.pathname}`;
    const { body, files } = await parseBody(req.headers, raw);
    const call: RestCall = {
      method,
      path: path || url.pathname,
      route,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      files,
      status: 0,
      response: undefined,
      at: Date.now(),
    };
    this.calls.push(call);
    const answer = (status: number, response?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      call.response = response;
      if (response === undefined) {
        res.writeHead(status, headers);
        res.end();
        return;
      }
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(response));
    };

    if (!path && method === "GET" && url.pathname.startsWith("/attachments/")) {
      const file = this.hostedFiles.get(url.pathname);
      if (!file) return answer(404, { message: "404: Not Found", code: 0 });
      call.status = 200;
      res.writeHead(200, { "content-type": file.contentType });
      res.end(file.bytes);
      return;
    }
    if (!path) return answer(404, { message: "404: Not Found", code: 0 });
    const authorized = req.headers.authorization === `Bot ${this.token}`;
    const botRoute = !route.includes("/interactions/") && !route.includes("/webhooks/");
    if (botRoute && Date.now() < this.globalBlockedUntil) {
      const retryAfter = (this.globalBlockedUntil - Date.now()) / 1000;
      return answer(...rateLimited(retryAfter, true));
    }
    const failure = this.failures.get(route)?.shift();
    if (failure?.status === 429) {
      if (failure.global) this.globalBlockedUntil = Date.now() + failure.retryAfter * 1000;
      return answer(...rateLimited(failure.retryAfter, failure.global ?? false));
    }
    if (failure?.status === 500)
      return answer(500, { message: "500: Internal Server Error", code: 0 });
    if (botRoute && !authorized) return answer(401, { message: "401: Unauthorized", code: 0 });

    const [status, response] = this.route(method, path, call);
    answer(status, response);
  }

  private route(method: string, path: string, call: RestCall): [number, unknown] {
    const parts = path.split("/").filter(Boolean);
    const body = (call.body ?? {}) as Json;
    if (method === "GET" && path === "/gateway/bot") {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14_400_000,
            max_concurrency: 1,
          },
        },
      ];
    }
    if (method === "GET" && path === "/gateway") return [200, { url: this.gatewayUrl }];
    if (method === "GET" && path === "/users/@me") return [200, this.botUser()];
    if (method === "POST" && path === "/users/@me/channels") return this.openDm(body);
    if (parts[0] === "channels" && parts[2] === "messages" && parts.length === 3) {
      if (method === "POST") return this.postToChannel(parts[1] ?? "", body, call.files);
    }
    if (parts[0] === "applications") {
      if (parts[1] !== this.applicationId) return [403, { message: "Missing Access", code: 50001 }];
      const scope = parts[2] === "guilds" ? parts[3] : "global";
      const isList =
        parts[2] === "commands"
          ? parts.length === 3
          : parts[4] === "commands" && parts.length === 5;
      if (!scope || !isList) return [404, { message: "404: Not Found", code: 0 }];
      if (scope !== "global" && !this.guilds.some((g) => g.id === scope)) {
        return [403, { message: "Missing Access", code: 50001 }];
      }
      if (method === "GET") return [200, this.commands.get(scope) ?? []];
      if (method === "PUT") return this.overwriteCommands(scope, call.body);
    }
    if (parts[0] === "interactions" && parts[3] === "callback" && method === "POST") {
      return this.callback(parts[1] ?? "", parts[2] ?? "", body, call.files);
    }
    if (parts[0] === "webhooks") {
      const interaction = [...this.interactions.values()].find((i) => i.token === parts[2]);
      if (parts[1] !== this.applicationId || !interaction) {
        return [401, { message: "Invalid Webhook Token", code: 50027 }];
      }
      if (Date.now() - interaction.dispatchedAt > this.options.tokenLifetimeMs) {
        return [401, { message: "Invalid Webhook Token", code: 50027 }];
      }
      if (parts.length === 3 && method === "POST")
        return this.followup(interaction, body, call.files);
      if (parts[3] === "messages" && parts[4]) {
        return this.webhookMessage(method, interaction, parts[4], body, call.files);
      }
    }
    return [404, { message: "404: Not Found", code: 0 }];
  }

  private overwriteCommands(scope: string, body: unknown): [number, unknown] {
    const errors = validateCommands(body);
    if (errors.length > 0) return invalidForm(errors);
    const before = new Map((this.commands.get(scope) ?? []).map((c) => [String(c.name), c]));
    const stored = (body as Json[]).map((command) => {
      const old = before.get(String(command.name));
      this.commandVersion += 1n;
      return {
        id: old?.id ?? this.nextId(),
        application_id: this.applicationId,
        version: String(this.commandVersion),
        default_member_permissions: null,
        type: 1,
        nsfw: false,
        integration_types: [0],
        contexts: null,
        ...(scope === "global" ? {} : { guild_id: scope }),
        ...command,
      };
    });
    this.commands.set(scope, stored);
    return [200, stored];
  }

  private callback(
    id: string,
    token: string,
    body: Json,
    files: RecordedFile[],
  ): [number, unknown] {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token) {
      return [404, { message: "Unknown interaction", code: 10062 }];
    }
    if (Date.now() - interaction.dispatchedAt > this.options.responseDeadlineMs) {
      return [404, { message: "Unknown interaction", code: 10062 }];
    }
    if (interaction.response) {
      return [400, { message: "Interaction has already been acknowledged.", code: 40060 }];
    }
    const type = Number(body.type);
    const data = (body.data ?? {}) as Json;
    const allowed =
      interaction.type === 4 ? [8] : interaction.type === 3 ? [4, 5, 6, 7, 9] : [4, 5, 9];
    if (!allowed.includes(type))
      return invalidForm([`type: interaction response type ${type} not allowed here`]);
    if (type === 8) {
      const errors = validateAutocomplete(data);
      if (errors.length > 0) return invalidForm(errors);
      interaction.choices = data.choices as Json[];
    } else if (type === 4) {
      const problem = this.checkMessage(data, files);
      if (problem) return problem;
      interaction.original = this.newMessage(interaction, data, files, Number(data.flags ?? 0));
    } else if (type === 5) {
      interaction.original = this.newMessage(
        interaction,
        {},
        [],
        (Number(data.flags ?? 0) & EPHEMERAL) | LOADING,
      );
    } else if (type === 6 || type === 7) {
      // A component's "update message" (7) edits the message carrying the button; after a deferred
      // update (6), `@original` of the interaction is that message too.
      if (type === 7) {
        const problem = this.checkMessage(data, files);
        if (problem) return problem;
      }
      interaction.original = this.clickedMessage(interaction);
      if (type === 7) this.applyEdit(interaction.original, data, files);
    }
    interaction.response = { type, at: Date.now(), data };
    return [204, undefined];
  }

  private followup(
    interaction: InteractionRecord,
    body: Json,
    files: RecordedFile[],
  ): [number, unknown] {
    if (!interaction.response || interaction.type === 4) {
      return [404, { message: "Unknown Webhook", code: 10015 }];
    }
    const problem = this.checkMessage(body, files);
    if (problem) return problem;
    const original = interaction.original;
    if (original?.loading && !original.deleted) {
      // Discord: the first follow-up after a deferral edits the deferred message, and its
      // visibility stays what the deferral chose (an `EPHEMERAL` flag here is ignored).
      this.applyEdit(original, body, files);
      return [200, this.messageJson(original)];
    }
    const message = this.newMessage(interaction, body, files, Number(body.flags ?? 0));
    interaction.followups.push(message);
    return [200, this.messageJson(message)];
  }

  private webhookMessage(
    method: string,
    interaction: InteractionRecord,
    messageId: string,
    body: Json,
    files: RecordedFile[],
  ): [number, unknown] {
    const message =
      messageId === "@original"
        ? interaction.original
        : interaction.followups.find((m) => m.id === messageId);
    if (!message || message.deleted) return [404, { message: "Unknown Message", code: 10008 }];
    if (method === "GET") return [200, this.messageJson(message)];
    if (method === "DELETE") {
      message.deleted = true;
      return [204, undefined];
    }
    if (method === "PATCH") {
      const problem = this.checkMessage(body, files);
      if (problem) return problem;
      this.applyEdit(message, body, files);
      return [200, this.messageJson(message)];
    }
    return [405, { message: "405: Method Not Allowed", code: 0 }];
  }

  private openDm(body: Json): [number, unknown] {
    const userId = String(body.recipient_id ?? "");
    if (!/^\d+$/.test(userId)) return invalidForm(["recipient_id: Value is not snowflake."]);
    const existing = [...this.dmChannels].find(([, user]) => user === userId)?.[0];
    const id = existing ?? this.nextId();
    this.dmChannels.set(id, userId);
    return [200, { id, type: 1, last_message_id: null, recipients: [{ id: userId }] }];
  }

  /** A message the bot posts on its own: into a guild text channel it sees, or an opened DM. */
  private postToChannel(channelId: string, body: Json, files: RecordedFile[]): [number, unknown] {
    const known =
      this.guilds.some((g) => g.channelId === channelId) || this.dmChannels.has(channelId);
    if (!known) return [404, { message: "Unknown Channel", code: 10003 }];
    const problem = this.checkMessage(body, files);
    if (problem) return problem;
    const message: StandinMessage = {
      id: this.nextId(),
      channelId,
      interactionId: "",
      content: typeof body.content === "string" ? body.content : "",
      embeds: Array.isArray(body.embeds) ? (body.embeds as Json[]) : [],
      components: Array.isArray(body.components) ? (body.components as Json[]) : [],
      attachments: files,
      flags: 0,
      ephemeral: false,
      loading: false,
      deleted: false,
      createdAt: Date.now(),
    };
    this.channelMessages.push(message);
    return [200, { id: message.id, channel_id: channelId, type: 0, content: message.content }];
  }

  /** Messages the bot posted into `channelId` by itself. */
  messagesIn(channelId: string): StandinMessage[] {
    return this.channelMessages.filter((m) => m.channelId === channelId);
  }

  /**
   * Serves `bytes` as an uploaded attachment (Discord's CDN does this for files users attach) and
   * returns the attachment object an interaction's `resolved.attachments` carries.
   */
  hostAttachment(filename: string, bytes: Buffer | string, contentType = "text/csv"): Json {
    const id = this.nextId();
    const path = `/attachments/${id}/${encodeURIComponent(filename)}`;
    const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
    this.hostedFiles.set(path, { bytes: data, contentType });
    const url = `${this.origin}${path}`;
    return { id, filename, size: data.length, url, proxy_url: url, content_type: contentType };
  }

  /** Messages the bot sent `userId` in their DM. */
  dmsTo(userId: string): StandinMessage[] {
    return this.channelMessages.filter((m) => this.dmChannels.get(m.channelId) === userId);
  }

  /** Forgets recorded calls, posted channel messages and queued failures (between tests). */
  reset(): void {
    this.calls.length = 0;
    this.channelMessages.length = 0;
    this.failures.clear();
    this.globalBlockedUntil = 0;
  }

  private checkMessage(body: Json, files: RecordedFile[]): [number, unknown] | undefined {
    const tooBig = files.find((f) => f.bytes.length > this.maxFileBytes);
    if (tooBig) return [413, { message: "Request entity too large", code: 40005 }];
    const errors = validateMessage(body);
    if (files.length > MAX_FILES) errors.push(`files: at most ${MAX_FILES} attachments`);
    return errors.length > 0 ? invalidForm(errors) : undefined;
  }

  private newMessage(
    interaction: InteractionRecord,
    body: Json,
    files: RecordedFile[],
    flags: number,
  ): StandinMessage {
    return {
      id: this.nextId(),
      channelId: String(interaction.payload.channel_id ?? ""),
      interactionId: interaction.id,
      content: typeof body.content === "string" ? body.content : "",
      embeds: Array.isArray(body.embeds) ? (body.embeds as Json[]) : [],
      components: Array.isArray(body.components) ? (body.components as Json[]) : [],
      attachments: files,
      flags,
      ephemeral: (flags & EPHEMERAL) !== 0,
      loading: (flags & LOADING) !== 0,
      deleted: false,
      createdAt: Date.now(),
    };
  }

  /** The message a component interaction was sent from, as the payload carried it. */
  private clickedMessage(interaction: InteractionRecord): StandinMessage {
    const message = (interaction.payload.message ?? {}) as Json;
    const flags = Number(message.flags ?? 0);
    return {
      id: String(message.id ?? this.nextId()),
      channelId: String(message.channel_id ?? interaction.payload.channel_id ?? ""),
      interactionId: interaction.id,
      content: typeof message.content === "string" ? message.content : "",
      embeds: Array.isArray(message.embeds) ? (message.embeds as Json[]) : [],
      components: Array.isArray(message.components) ? (message.components as Json[]) : [],
      attachments: [],
      flags,
      ephemeral: (flags & EPHEMERAL) !== 0,
      loading: false,
      deleted: false,
      createdAt: Date.now(),
    };
  }

  private applyEdit(message: StandinMessage, body: Json, files: RecordedFile[]): void {
    if ("content" in body) message.content = typeof body.content === "string" ? body.content : "";
    if ("embeds" in body)
      message.embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
    if ("components" in body) {
      message.components = Array.isArray(body.components) ? (body.components as Json[]) : [];
    }
    if (files.length > 0 || "attachments" in body) {
      // `attachments` lists what stays: new files by their upload index, old ones by id.
      const keep = Array.isArray(body.attachments) ? (body.attachments as Json[]) : [];
      const kept = message.attachments.filter((_, i) =>
        keep.some((a) => String(a.id) === `${message.id}${i}`),
      );
      message.attachments = [...kept, ...files];
    }
    message.loading = false;
    message.flags &= ~LOADING;
    message.editedAt = Date.now();
  }

  private nextId(): string {
    this.snowflake += 1n;
    return String(this.snowflake);
  }
}

/** Starts a stand-in on 127.0.0.1 and a free port. */
export function startDiscordStandin(options: DiscordStandinOptions = {}): Promise<DiscordStandin> {
  return DiscordStandin.start(options);
}

/** `POST /interactions/15…/itoken-…/callback` → `POST /interactions/:id/:token/callback`. */
function routeOf(method: string, path: string): string {
  const parts = path.split("/").filter(Boolean);
  const named = parts.map((part, i) => {
    const before = parts[i - 1];
    if (before === "interactions") return ":id";
    if (parts[i - 2] === "interactions") return ":token";
    if (before === "webhooks") return ":app";
    if (parts[i - 2] === "webhooks") return ":token";
    if (before === "applications") return ":app";
    if (before === "guilds") return ":guild";
    if (before === "messages" && part !== "@original") return ":message";
    if (before === "channels" && parts[i - 2] !== "@me") return ":channel";
    return part;
  });
  return `${method} /${named.join("/")}`;
}

function rateLimited(
  retryAfter: number,
  global: boolean,
): [number, unknown, Record<string, string>] {
  const headers: Record<string, string> = {
    // Discord's header rounds up to whole seconds; the body carries the precise figure.
    "retry-after": String(Math.ceil(retryAfter)),
    "x-ratelimit-scope": global ? "global" : "user",
  };
  if (global) headers["x-ratelimit-global"] = "true";
  return [
    429,
    { message: "You are being rate limited.", retry_after: retryAfter, global },
    headers,
  ];
}

function invalidForm(errors: string[]): [number, unknown] {
  return [400, { message: "Invalid Form Body", code: 50035, errors: { _errors: errors } }];
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON, or multipart with `payload_json` and `files[n]` parts. */
async function parseBody(
  headers: IncomingHttpHeaders,
  raw: Buffer,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  const type = headers["content-type"] ?? "";
  if (raw.length === 0) return { body: undefined, files: [] };
  if (type.startsWith("application/json")) {
    return { body: JSON.parse(raw.toString("utf8")) as unknown, files: [] };
  }
  if (!type.startsWith("multipart/form-data")) return { body: raw.toString("utf8"), files: [] };
  const form = await new Response(new Uint8Array(raw), {
    headers: { "content-type": type },
  }).formData();
  let body: Json = {};
  const files: RecordedFile[] = [];
  for (const [field, value] of form) {
    if (typeof value === "string") {
      if (field === "payload_json") body = JSON.parse(value) as Json;
      continue;
    }
    files.push({
      field,
      name: value.name,
      contentType: value.type,
      bytes: Buffer.from(await value.arrayBuffer()),
    });
  }
  // Webhook bodies carry `attachments` at the top; interaction responses inside `data`.
  const holder = (body.data && typeof body.data === "object" ? body.data : body) as Json;
  const attachments = Array.isArray(holder.attachments) ? (holder.attachments as Json[]) : [];
  for (const file of files) {
    const index = /^files\[(\d+)\]$/.exec(file.field)?.[1];
    const entry = attachments.find((a) => String(a.id) === index);
    if (typeof entry?.description === "string") file.description = entry.description;
  }
  return { body, files };
}
