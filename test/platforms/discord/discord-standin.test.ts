import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { slashCommand } from "../../support/discord-interactions";
import { type DiscordStandin, startDiscordStandin } from "../../support/discord-standin";

// The stand-in must refuse what Discord refuses, or the adapter tests would prove nothing.
// These drive it with plain fetch and ws, no discord.js.

// biome-ignore lint/suspicious/noExplicitAny: tests read Discord's JSON freely
type Json = Record<string, any>;

interface GatewayClient {
  frames: Json[];
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Json): void;
  close(): void;
}

async function connect(url: string): Promise<GatewayClient> {
  const ws = new WebSocket(`${url}?v=10&encoding=json`);
  const frames: Json[] = [];
  ws.on("message", (data) => frames.push(JSON.parse(String(data)) as Json));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise((resolve) => ws.once("open", resolve));
  return { frames, closed, send: (f) => ws.send(JSON.stringify(f)), close: () => ws.close() };
}

describe("Discord stand-in", () => {
  let discord: DiscordStandin;
  const api = (path: string) => `${discord.apiUrl}/v10${path}`;
  const bot = () => ({ authorization: `Bot ${discord.token}` });

  beforeEach(async () => {
    discord = await startDiscordStandin({ responseDeadlineMs: 1_000 });
  });

  afterEach(async () => {
    await discord.close();
  });

  async function identified(): Promise<GatewayClient> {
    const client = await connect(discord.gatewayUrl);
    client.send({ op: 2, d: { token: discord.token, intents: 1, properties: {} } });
    await discord.connected();
    return client;
  }

  it("names its own gateway in GET /gateway/bot, for the bot token only", async () => {
    expect((await fetch(api("/gateway/bot"))).status).toBe(401);
    const response = await fetch(api("/gateway/bot"), { headers: bot() });
    expect(((await response.json()) as Json).url).toBe(discord.gatewayUrl);
    // Another API version is another API.
    expect((await fetch(`${discord.apiUrl}/v9/gateway/bot`, { headers: bot() })).status).toBe(404);
  });

  it("says HELLO, closes 4004 on a wrong token, sends READY + GUILD_CREATE and acks heartbeats", async () => {
    const intruder = await connect(discord.gatewayUrl);
    intruder.send({ op: 2, d: { token: "nope", intents: 1, properties: {} } });
    expect((await intruder.closed).code).toBe(4004);
    expect(intruder.frames[0]).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });

    const client = await identified();
    client.send({ op: 1, d: 2 });
    await discord.waitFor(() => client.frames.some((f) => f.op === 11));
    const events = client.frames.filter((f) => f.op === 0).map((f) => [f.t, f.s]);
    expect(events).toEqual([
      ["READY", 1],
      ["GUILD_CREATE", 2],
    ]);
    client.close();
  });

  it("accepts one initial response within the deadline: late is 10062, twice is 40060", async () => {
    const client = await identified();
    const callback = (id: string, token: string, body: Json) =>
      fetch(api(`/interactions/${id}/${token}/callback`), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const onTime = discord.dispatchInteraction(slashCommand(discord.place(), "roi"));
    expect((await callback(onTime.id, onTime.token, { type: 5 })).status).toBe(204);
    const twice = await callback(onTime.id, onTime.token, { type: 5 });
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as Json).code).toBe(40060);

    const late = discord.dispatchInteraction(slashCommand(discord.place(), "roi"));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const tooLate = await callback(late.id, late.token, { type: 4, data: { content: "hi" } });
    expect(tooLate.status).toBe(404);
    expect(((await tooLate.json()) as Json).code).toBe(10062);
    client.close();
  });

  it("refuses messages over Discord's limits with 50035, and keeps a deferral's visibility", async () => {
    const client = await identified();
    const interaction = discord.dispatchInteraction(slashCommand(discord.place(), "roi"));
    const webhook = api(`/webhooks/${discord.applicationId}/${interaction.token}`);
    await fetch(api(`/interactions/${interaction.id}/${interaction.token}/callback`), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: 5 }),
    });
    const huge = await fetch(webhook, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ embeds: [{ title: "t", description: "x".repeat(4097) }] }),
    });
    expect(huge.status).toBe(400);
    expect(JSON.stringify(await huge.json())).toContain(
      "embeds[0].description: BASE_TYPE_MAX_LENGTH",
    );

    // The first follow-up after a public deferral edits the placeholder and stays public.
    const first = await fetch(webhook, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ content: "secret?", flags: 64 }),
    });
    expect(first.status).toBe(200);
    expect(interaction.original?.content).toBe("secret?");
    expect(interaction.original?.ephemeral).toBe(false);
    expect(interaction.followups).toEqual([]);
    client.close();
  });

  it("answers an injected 429 with Retry-After and retry_after, then serves normally", async () => {
    discord.failNext("GET /users/@me", 1, { status: 429, retryAfter: 0.25 });
    const limited = await fetch(api("/users/@me"), { headers: bot() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(await limited.json()).toMatchObject({ retry_after: 0.25, global: false });
    expect((await fetch(api("/users/@me"), { headers: bot() })).status).toBe(200);
  });
});
