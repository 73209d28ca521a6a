import commands from "../../commands/index";
import { fixedClock, sequentialIds } from "../../src/bot/clock";
import type { Command } from "../../src/bot/command";
import { createDispatcher, type Dispatcher } from "../../src/bot/dispatcher";
import type { Invocation } from "../../src/bot/invocation";
import type { Reply } from "../../src/bot/reply";
import { createChartRasterizer } from "../../src/charts/rasterizer";
import { silentLogger } from "../../src/logger";
import { seedDemo } from "../../src/store/seed-demo";
import type { Store } from "../../src/store/store";
import { sqliteEngine } from "./test-stores";

/** The instant every demo-backed test runs at: data ends on 2026-11-22 (UTC). */
export const DEMO_NOW = "2026-11-22T10:00:00.000Z";

export interface DemoServices {
  store: Store;
  dispatcher: Dispatcher;
  ask(text: string, overrides?: Partial<Invocation>): Promise<Reply>;
  close(): Promise<void>;
}

/** A real store (SQLite, real migrations) seeded with the demo data, and the real dispatcher. */
export async function openDemoServices(
  options: { commands?: readonly Command[]; store?: Store } = {},
): Promise<DemoServices> {
  const store = options.store ?? (await sqliteEngine.open());
  const clock = fixedClock(DEMO_NOW);
  await seedDemo(store, "local", clock.now());
  const dispatcher = createDispatcher({
    store,
    commands: options.commands ?? commands,
    rasterizer: createChartRasterizer(),
    clock,
    ids: sequentialIds(),
    log: silentLogger(),
    defaultTimezone: "UTC",
  });
  return {
    store,
    dispatcher,
    ask: (text, overrides = {}) =>
      dispatcher.dispatch({
        platform: "console",
        tenantId: "local",
        userId: "local:test",
        text,
        ...overrides,
      }),
    close: () => store.close(),
  };
}
