import { afterEach, describe, expect, it } from "vitest";
import { fixedClock, sequentialIds } from "../../src/bot/clock";
import { defineCommand } from "../../src/bot/command";
import { createDispatcher } from "../../src/bot/dispatcher";
import { UserError } from "../../src/bot/errors";
import type { ReplyChart } from "../../src/bot/reply";
import { createLogger } from "../../src/logger";
import type { Store } from "../../src/store/store";
import { sqliteEngine } from "../support/test-stores";

const chart: ReplyChart = {
  id: "c",
  title: "t",
  altText: "a",
  config: { type: "bar", data: { labels: [], datasets: [] } },
  width: 10,
  height: 10,
};

const commands = [
  defineCommand({
    name: "whoami",
    description: "echo the context",
    examples: ["whoami"],
    options: [] as const,
    run: async (ctx) => ({
      title: "you",
      charts: [chart],
      data: {
        tenant: ctx.tenant.id,
        timezone: ctx.tenant.timezone,
        user: ctx.user.id,
        channel: ctx.channelId,
      },
    }),
  }),
  defineCommand({
    name: "refuse",
    description: "a user error",
    examples: [],
    options: [] as const,
    run: async () => {
      throw new UserError("You may not.", "forbidden", ["Ask a manager."]);
    },
  }),
  defineCommand({
    name: "crash",
    description: "a bug",
    examples: [],
    options: [] as const,
    run: async () => {
      throw new Error("database exploded: password=hunter2");
    },
  }),
];

describe("dispatcher", () => {
  let store: Store;
  afterEach(() => store.close());

  async function setup() {
    store = await sqliteEngine.open();
    const lines: string[] = [];
    const log = createLogger("info", {
      write: (l: string) => lines.push(l),
    } as unknown as NodeJS.WritableStream);
    const rendered: string[] = [];
    const dispatcher = createDispatcher({
      store,
      commands,
      rasterizer: {
        renderAll: async (charts) => {
          rendered.push(...charts.map((c) => c.id));
          return charts.map((c) => ({ ...c, png: Buffer.from("png") }));
        },
      },
      clock: fixedClock("2026-11-22T10:00:00Z"),
      ids: sequentialIds(),
      log,
      defaultTimezone: "Europe/Paris",
    });
    return { dispatcher, lines, rendered };
  }

  const base = {
    platform: "slack" as const,
    tenantId: "slack:T1",
    userId: "slack:U1",
    channelId: "C1",
  };

  it("creates the tenant on first use, builds the context and rasterizes charts", async () => {
    const { dispatcher, rendered } = await setup();
    const reply = await dispatcher.dispatch({
      ...base,
      text: "/campaign whoami",
      tenantName: "Acme",
    });
    expect(reply.data).toEqual({
      tenant: "slack:T1",
      timezone: "Europe/Paris",
      user: "slack:U1",
      channel: "C1",
    });
    expect(reply.charts?.[0]?.png?.toString()).toBe("png");
    expect(rendered).toEqual(["c"]);
    expect(await store.tenants.get("slack:T1")).toMatchObject({ name: "Acme", currency: "USD" });
  });

  it("turns a UserError into a private reply with its hints", async () => {
    const { dispatcher } = await setup();
    const reply = await dispatcher.dispatch({ ...base, text: "refuse" });
    expect(reply).toMatchObject({ ephemeral: true, data: { error: { code: "forbidden" } } });
    expect(reply.text).toBe("You may not.\nAsk a manager.");
  });

  it("answers a bug with an apology and an error id, and logs it without leaking to the user", async () => {
    const { dispatcher, lines } = await setup();
    const reply = await dispatcher.dispatch({ ...base, text: "crash" });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.error).toEqual({ code: "internal", errorId: "err-0001" });
    expect(reply.text).not.toContain("exploded");
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.errorId === "err-0001");
    expect(logged).toMatchObject({ level: 50, command: "crash", tenant: "slack:T1" });
  });
});
