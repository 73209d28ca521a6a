import commands from "../commands/index";
import { type ActionDispatcher, createActionDispatcher } from "./bot/action-dispatcher";
import type { Clock, IdGenerator } from "./bot/clock";
import { randomIds, systemClock } from "./bot/clock";
import { type ChartRasterizer, createDispatcher, type Dispatcher } from "./bot/dispatcher";
import { createChartRasterizer } from "./charts/rasterizer";
import type { Config } from "./config";
import type { Logger } from "./logger";
import { platformAdminCheck } from "./platforms/platform-admins";
import { openStore, type Store } from "./store/store";

/** What the process builds once at start-up and hands to adapters, jobs and the CLI. */
export interface Services {
  config: Readonly<Config>;
  store: Store;
  dispatcher: Dispatcher;
  /** Draws charts to PNG: for answers and for scheduled posts alike. */
  rasterizer: ChartRasterizer;
  /** Button clicks (Approve / Reject), routed to the commands' action handlers. */
  actions: ActionDispatcher;
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
  const rasterizer = createChartRasterizer();
  const dispatcher = createDispatcher({
    store,
    commands,
    rasterizer,
    clock,
    ids,
    log,
    defaultTimezone: config.defaultTimezone,
    managers: config.managers,
    isPlatformAdmin: platformAdminCheck(config, log),
  });
  const actions = createActionDispatcher({
    store,
    commands,
    clock,
    ids,
    log,
    defaultTimezone: config.defaultTimezone,
    managers: config.managers,
  });
  return {
    config,
    store,
    dispatcher,
    rasterizer,
    actions,
    clock,
    ids,
    log,
    close: () => store.close(),
  };
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
  const importer = await chatImporter(services);
  if (config.slack) {
    const { createSlackApp } = await import("./platforms/slack/slack-app");
    const slack = createSlackApp({
      slack: config.slack,
      dispatcher: services.dispatcher,
      log,
      importer,
      actions: services.actions,
    });
    const { port } = await slack.start();
    log.info({ port, socketMode: Boolean(config.slack.appToken) }, "slack connected");
    stops.push(() => slack.stop());
  }
  if (config.discord) {
    const { createDiscordBot } = await import("./platforms/discord/discord-bot");
    const discord = createDiscordBot({
      discord: config.discord,
      dispatcher: services.dispatcher,
      commands,
      store: services.store,
      clock: services.clock,
      defaultTimezone: config.defaultTimezone,
      log,
      importer,
      actions: (click) => services.actions.act(click),
    });
    try {
      const { user, guilds } = await discord.start();
      log.info({ user, guilds }, "discord connected");
    } catch (error) {
      // Slack may be up already: close it, or the process would linger after the failure.
      for (const stop of stops) await stop();
      throw error;
    }
    stops.push(() => discord.stop());
  }
  if (stops.length > 0) {
    // Digests and alerts: node-cron ticks, the store decides who posts (src/scheduler/).
    const { startJobScheduler } = await import("./scheduler/start-job-scheduler");
    const scheduler = await startJobScheduler(services);
    stops.unshift(() => scheduler.stop());
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
  // Console digests and alerts (`/campaign digest daily 09:00` typed here) print into it.
  const { startJobScheduler } = await import("./scheduler/start-job-scheduler");
  const scheduler = await startJobScheduler(services, { consoleOutput: io.output });
  const done = runConsole({
    dispatcher: services.dispatcher,
    input: io.input,
    output: io.output,
    tenantId: "local",
    userId: "local:console",
    chartsDir: "data/charts",
  }).finally(() => scheduler.stop());
  return { done, stop: () => scheduler.stop() };
}

/** Imports from chat (Slack file shares, Discord's `/campaign import`), when a platform is on. */
async function chatImporter(services: Services) {
  const { config, log } = services;
  if (!config.slack && !config.discord) return undefined;
  const { createImporter } = await import("./import/importer");
  return createImporter({
    store: services.store,
    clock: services.clock,
    log,
    managers: config.managers,
    defaultTimezone: config.defaultTimezone,
  });
}
