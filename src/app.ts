import commands from "../commands/index";
import type { Clock, IdGenerator } from "./bot/clock";
import { randomIds, systemClock } from "./bot/clock";
import { createDispatcher, type Dispatcher } from "./bot/dispatcher";
import { createChartRasterizer } from "./charts/rasterizer";
import type { Config } from "./config";
import type { Logger } from "./logger";
import { openStore, type Store } from "./store/store";

/** What the process builds once at start-up and hands to adapters, jobs and the CLI. */
export interface Services {
  config: Readonly<Config>;
  store: Store;
  dispatcher: Dispatcher;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  close(): Promise<void>;
}

export interface ServiceOverrides {
  clock?: Clock;
  ids?: IdGenerator;
}

/** Opens (and migrates) the store and wires the dispatcher with every command. */
export async function createServices(
  config: Readonly<Config>,
  log: Logger,
  overrides: ServiceOverrides = {},
): Promise<Services> {
  const store = await openStore(config.databaseUrl);
  const clock = overrides.clock ?? systemClock;
  const ids = overrides.ids ?? randomIds;
  const dispatcher = createDispatcher({
    store,
    commands,
    rasterizer: createChartRasterizer(),
    clock,
    ids,
    log,
    defaultTimezone: config.defaultTimezone,
  });
  return { config, store, dispatcher, clock, ids, log, close: () => store.close() };
}

export interface RunningBot {
  /** Resolves when the bot stops (console: input closed; platforms: a stop signal). */
  done: Promise<void>;
  stop(): Promise<void>;
}

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/**
 * `adpulse start`: serve every platform that has credentials; with none, open the console on the
 * `local` tenant, seeding demo data when the store is empty.
 */
export async function startBot(services: Services, io: ConsoleIo): Promise<RunningBot> {
  const { config, log } = services;
  const stops: Array<() => Promise<void>> = [];
  if (config.slack) {
    const { createSlackApp } = await import("./platforms/slack/slack-app");
    const slack = createSlackApp({ slack: config.slack, dispatcher: services.dispatcher, log });
    const { port } = await slack.start();
    log.info({ port, socketMode: Boolean(config.slack.appToken) }, "slack connected");
    stops.push(() => slack.stop());
  }
  if (stops.length > 0) {
    let release: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    return {
      done,
      async stop() {
        for (const stop of stops) await stop();
        release();
      },
    };
  }

  if ((await services.store.campaigns.count("local")) === 0) {
    const { seedDemo } = await import("./store/seed-demo");
    const summary = await seedDemo(services.store, "local", services.clock.now());
    io.output.write(
      `No data yet: loaded the demo data set (${summary.campaigns} campaigns, ${summary.from} to ${summary.to}).\n`,
    );
  }
  const { runConsole } = await import("./platforms/console/console-repl");
  const done = runConsole({
    dispatcher: services.dispatcher,
    input: io.input,
    output: io.output,
    tenantId: "local",
    userId: "local:console",
    chartsDir: "data/charts",
  });
  return { done, stop: async () => {} };
}
