import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import type { Clock } from "../../src/bot/clock";
import { sequentialIds } from "../../src/bot/clock";
import type { ChartRasterizer } from "../../src/bot/dispatcher";
import type { Reply } from "../../src/bot/reply";
import { silentLogger } from "../../src/logger";
import { ChannelPacer, type Sleep } from "../../src/scheduler/channel-pacer";
import type { ChannelPoster, PostResult } from "../../src/scheduler/channel-poster";
import type { JobDependencies } from "../../src/scheduler/slot-job";
import { openDatabase, openPostgresInSchema } from "../../src/store/database";
import { migrateOrThrow } from "../../src/store/migrate";
import type { NewSubscription } from "../../src/store/schema";
import { seedDemo } from "../../src/store/seed-demo";
import { Store } from "../../src/store/store";

/** Demo data ends on 2026-11-22 (UTC); digests of 2026-11-23 report it as "yesterday". */
export const SEED_NOW = new Date("2026-11-22T10:00:00.000Z");
export const TENANT = "slack:T0STANDIN";

/** A clock tests move by hand; `sleep` advances it instead of waiting. */
export class ManualClock implements Clock {
  private t: number;
  readonly waits: number[] = [];
  constructor(iso: string) {
    this.t = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string | Date): void {
    this.t = typeof iso === "string" ? Date.parse(iso) : iso.getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
  /** Records the wait and moves time forward: retries and pacing cost no real time. */
  readonly sleep: Sleep = async (ms) => {
    this.waits.push(ms);
    this.t += Math.max(0, ms);
    await Promise.resolve();
  };
}

export interface RecordedPost {
  channelId: string;
  reply: Reply;
  at: Date;
  finalAttempt: boolean;
}

/** A poster that records what it would post (and can fail or hang on demand). */
export class RecordingPoster implements ChannelPoster {
  readonly posts: RecordedPost[] = [];
  readonly notices: { userId: string; reply: Reply }[] = [];
  readonly minIntervalMs: number;
  /** Called before each post; may throw (a failure) or never resolve (a hang). */
  before?: (channelId: string, n: number) => Promise<void> | void;
  private count = 0;

  constructor(
    private readonly clock: Clock,
    readonly platform: "slack" | "discord" | "console" = "slack",
    minIntervalMs = 1000,
  ) {
    this.minIntervalMs = minIntervalMs;
  }

  async post(
    channelId: string,
    reply: Reply,
    options: { finalAttempt?: boolean } = {},
  ): Promise<PostResult> {
    this.count += 1;
    await this.before?.(channelId, this.count);
    this.posts.push({
      channelId,
      reply,
      at: this.clock.now(),
      finalAttempt: Boolean(options.finalAttempt),
    });
    return {
      messageId: `m${this.count}`,
      chartsShown: (reply.charts ?? []).filter((c) => c.png).length,
    };
  }

  async notifyUser(userId: string, reply: Reply): Promise<PostResult> {
    this.notices.push({ userId, reply });
    return { messageId: `n${this.notices.length}`, chartsShown: 0 };
  }

  postsIn(channelId: string): RecordedPost[] {
    return this.posts.filter((p) => p.channelId === channelId);
  }
}

/** Skips pixels: charts keep their config and get a 1-byte stand-in PNG. */
export const fakeRasterizer: ChartRasterizer = {
  renderAll: async (charts) => charts.map((c) => ({ ...c, png: Buffer.from([0]) })),
};

export function jobDeps(
  store: Store,
  clock: ManualClock,
  posters: JobDependencies["posters"],
  overrides: Partial<JobDependencies> = {},
): JobDependencies {
  return {
    store,
    clock,
    ids: sequentialIds(),
    log: silentLogger(),
    rasterizer: fakeRasterizer,
    posters,
    owner: "test-host:1:aaaa",
    isOwnerAlive: () => true,
    sleep: clock.sleep,
    random: () => 0.5,
    pacer: new ChannelPacer(clock, clock.sleep),
    ...overrides,
  };
}

let subscriptionCounter = 0;

/** Inserts a digest subscription directly (the command is tested on its own). */
export async function addSubscription(
  store: Store,
  fields: Partial<NewSubscription> & { channel_id: string },
): Promise<string> {
  subscriptionCounter += 1;
  const id = fields.id ?? `dg-${String(subscriptionCounter).padStart(4, "0")}`;
  await store.subscriptions.create({
    id,
    tenant_id: TENANT,
    kind: "digest",
    platform: "slack",
    owner_id: "slack:U0OWNER",
    cadence: "daily",
    time: "09:00",
    day: null,
    timezone: "Europe/Paris",
    options: "{}",
    late_policy: "once",
    paused: 0,
    active_from: "2026-11-01T00:00:00.000Z",
    created_at: "2026-11-01T00:00:00.000Z",
    updated_at: "2026-11-01T00:00:00.000Z",
    ...fields,
  });
  return id;
}

/** Forgets every subscription, run, delivery, rule and incident (keeps tenants and metrics). */
export async function resetScheduling(store: Store): Promise<void> {
  for (const table of [
    "deliveries",
    "job_runs",
    "alert_incidents",
    "alert_rules",
    "subscriptions",
  ] as const) {
    await store.db.deleteFrom(table).execute();
  }
}

/** Several stores over one database, as several processes would open it. */
export interface SharedDatabase {
  name: "sqlite" | "postgres";
  /** For child processes: DATABASE_URL. */
  url: string;
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export async function sharedSqlite(): Promise<SharedDatabase> {
  const dir = await mkdtemp(join(tmpdir(), "adpulse-sched-"));
  const url = `sqlite:${join(dir, "shared.db")}`;
  return {
    name: "sqlite",
    url,
    async open() {
      const handle = openDatabase(url);
      await migrateOrThrow(handle.db);
      return new Store(handle);
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** One PostgreSQL schema shared by several connections; `url` selects it via search_path. */
export async function sharedPostgres(baseUrl: string): Promise<SharedDatabase> {
  const schema = `s_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = openDatabase(baseUrl);
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const separator = baseUrl.includes("?") ? "&" : "?";
  return {
    name: "postgres",
    url: `${baseUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async open() {
      const handle = openPostgresInSchema(baseUrl, schema);
      try {
        await migrateOrThrow(handle.db);
      } catch (error) {
        await handle.close();
        throw error;
      }
      return new Store(handle);
    },
    async dispose() {
      const cleanup = openDatabase(baseUrl);
      await sql`drop schema ${sql.id(schema)} cascade`.execute(cleanup.db);
      await cleanup.close();
    },
  };
}

export async function seed(store: Store): Promise<void> {
  await seedDemo(store, TENANT, SEED_NOW);
}
