import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRunSummary } from "../../src/scheduler/slot-job";
import { ADPULSE_BIN } from "../support/child-processes";
import { startDiscordStandin } from "../support/discord-standin";
import { type SlackApiStandin, startSlackApiStandin } from "../support/slack-api-standin";
import {
  addSubscription,
  type SharedDatabase,
  seed,
  sharedPostgres,
  sharedSqlite,
} from "./fixtures";

// The acceptance case as an operator would run it: several `adpulse jobs run digest --at <slot>`
// processes at once over one store, Slack pointed at the local stand-in. Each subscribed channel
// gets exactly one digest; running the slot again posts nothing; a process killed mid-run is
// finished by the next one without re-posting what went out.
const SLOT = "2026-11-23T08:00:00Z"; // 09:00 in Paris
const CHANNELS = ["C0ONE", "C0TWO", "C0THREE", "C0FOUR", "C0FIVE"];
const postgresUrl = process.env.TEST_DATABASE_URL;
// Each `adpulse` process spends seconds compiling TypeScript (tsx) before it does anything; on a
// loaded two-core machine three at once take far longer than the suite's 30 s default.
const CLI_TIMEOUT_MS = 180_000;

let slack: SlackApiStandin;
beforeAll(async () => {
  slack = await startSlackApiStandin();
});
afterAll(() => slack.close());

function env(databaseUrl: string, apiUrl = slack.apiUrl): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: "cli-test-secret",
    SLACK_API_URL: apiUrl,
  };
}

async function jobsRun(databaseUrl: string, apiUrl?: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [ADPULSE_BIN, "jobs", "run", "digest", "--at", SLOT, "--json"],
    { env: env(databaseUrl, apiUrl) },
  );
  return JSON.parse(stdout) as JobRunSummary;
}

async function prepare(shared: SharedDatabase): Promise<void> {
  const store = await shared.open();
  try {
    await seed(store);
    for (const channel_id of CHANNELS) await addSubscription(store, { channel_id });
  } finally {
    await store.close();
  }
}

function digestCounts(): Record<string, number> {
  return Object.fromEntries(CHANNELS.map((c) => [c, slack.messagesIn(c).length]));
}

const databases: Array<[string, () => Promise<SharedDatabase>]> = [
  ["a SQLite file", sharedSqlite],
  ...(postgresUrl
    ? [["PostgreSQL", () => sharedPostgres(postgresUrl)] as [string, () => Promise<SharedDatabase>]]
    : []),
];

describe.each(databases)("adpulse jobs run digest on %s", (_name, openShared) => {
  it(
    "three processes at once post each channel's digest exactly once; again posts nothing",
    async () => {
      slack.reset();
      const shared = await openShared();
      try {
        await prepare(shared);
        const summaries = await Promise.all([1, 2, 3].map(() => jobsRun(shared.url)));
        expect(digestCounts()).toEqual(Object.fromEntries(CHANNELS.map((c) => [c, 1])));
        expect(summaries.reduce((n, s) => n + s.claimed, 0)).toBe(CHANNELS.length);
        expect(summaries.reduce((n, s) => n + s.sent, 0)).toBe(CHANNELS.length);
        expect(summaries.every((s) => s.failed === 0)).toBe(true);
        for (const channel of CHANNELS) {
          expect(slack.messagesIn(channel)[0]?.fileIds).toHaveLength(1);
        }

        const again = await jobsRun(shared.url);
        expect(again).toMatchObject({ claimed: 0, resumed: 0, sent: 0 });
        expect(digestCounts()).toEqual(Object.fromEntries(CHANNELS.map((c) => [c, 1])));
      } finally {
        await shared.dispose();
      }
    },
    CLI_TIMEOUT_MS,
  );
});

describe("adpulse jobs run digest with Slack and Discord credentials", () => {
  it(
    "posts Slack subscriptions into Slack and Discord subscriptions into Discord, once",
    async () => {
      slack.reset();
      const discord = await startDiscordStandin();
      const shared = await sharedSqlite();
      const discordChannel = discord.guilds[0]?.channelId as string;
      try {
        const store = await shared.open();
        try {
          await seed(store);
          await addSubscription(store, { channel_id: "C0SLACKONLY" });
          await addSubscription(store, {
            platform: "discord",
            owner_id: "discord:3300000000000000001",
            channel_id: discordChannel,
          });
        } finally {
          await store.close();
        }
        const run = () =>
          promisify(execFile)(
            process.execPath,
            [ADPULSE_BIN, "jobs", "run", "digest", "--at", SLOT, "--json"],
            {
              env: {
                ...env(shared.url),
                DISCORD_TOKEN: discord.token,
                DISCORD_APPLICATION_ID: discord.applicationId,
                DISCORD_API_URL: discord.apiUrl,
              },
            },
          ).then(({ stdout }) => JSON.parse(stdout) as JobRunSummary);
        expect(await run()).toMatchObject({ claimed: 2, sent: 2, failed: 0 });
        expect(slack.messagesIn("C0SLACKONLY")).toHaveLength(1);
        const [posted, ...more] = discord.messagesIn(discordChannel);
        expect(more).toEqual([]);
        expect(posted?.embeds[0]?.title).toContain("Daily digest");
        expect(posted?.attachments[0]?.bytes.subarray(1, 4).toString()).toBe("PNG");
        expect(await run()).toMatchObject({ claimed: 0, sent: 0 });
        expect(discord.messagesIn(discordChannel)).toHaveLength(1);
      } finally {
        await shared.dispose();
        await discord.close();
      }
    },
    CLI_TIMEOUT_MS,
  );
});

describe("a jobs run killed mid-way", () => {
  it(
    "is resumed by the next run, posting only the channels not yet posted",
    async () => {
      slack.reset();
      const shared = await sharedSqlite();
      // Forwards the Web API to the stand-in, but from the third files.completeUploadExternal on
      // holds them forever: the process is killed while those calls are in flight.
      let completes = 0;
      let held = 0;
      const proxy = await startProxy(slack.apiUrl, (method) => {
        if (method !== "files.completeUploadExternal") return false;
        completes += 1;
        if (completes < 3) return false;
        held += 1;
        return true;
      });
      let child: ChildProcess | undefined;
      try {
        await prepare(shared);
        child = spawn(
          process.execPath,
          [ADPULSE_BIN, "jobs", "run", "digest", "--at", SLOT, "--json"],
          {
            env: env(shared.url, proxy.url),
            stdio: "ignore",
          },
        );
        await slack.waitFor(() => held > 0, 60_000);
        // Kill once the two posts that went through are in the ledger as sent.
        const probe = await shared.open();
        try {
          await waitFor(async () => {
            const sent = await probe.db
              .selectFrom("deliveries")
              .select("id")
              .where("status", "=", "sent")
              .execute();
            return sent.length === 2;
          });
        } finally {
          await probe.close();
        }
        const before = slack.messages.length;
        expect(before).toBe(2);
        child.kill("SIGKILL");
        await new Promise((resolve) => child?.once("exit", resolve));

        const resumed = await jobsRun(shared.url);
        expect(resumed.resumed).toBe(CHANNELS.length - before);
        expect(resumed.sent).toBe(CHANNELS.length - before);
        expect(digestCounts()).toEqual(Object.fromEntries(CHANNELS.map((c) => [c, 1])));
        expect(await jobsRun(shared.url)).toMatchObject({ claimed: 0, resumed: 0, sent: 0 });
      } finally {
        child?.kill("SIGKILL");
        await proxy.close();
        await shared.dispose();
      }
    },
    CLI_TIMEOUT_MS,
  );
});

async function waitFor(probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A pass-through proxy for the Web API that can hold requests (never answer them). */
async function startProxy(
  target: string,
  hold: (method: string) => boolean,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    if (hold(method)) return; // never answered
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === "string" && k !== "host" && k !== "content-length") headers[k] = v;
    }
    const upstream = await fetch(`${target}${method}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, Object.fromEntries(upstream.headers));
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
