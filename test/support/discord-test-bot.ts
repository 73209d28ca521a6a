import { PassThrough } from "node:stream";
import commands from "../../commands/index";
import { fixedClock } from "../../src/bot/clock";
import type { Dispatcher } from "../../src/bot/dispatcher";
import type { Invocation } from "../../src/bot/invocation";
import type { Reply } from "../../src/bot/reply";
import { createImporter } from "../../src/import/importer";
import { createLogger } from "../../src/logger";
import {
  createDiscordBot,
  type DiscordBot,
  type DiscordBotDependencies,
} from "../../src/platforms/discord/discord-bot";
import { seedDemo } from "../../src/store/seed-demo";
import { DEMO_NOW, type DemoServices, openDemoServices } from "./demo-services";
import type { DiscordStandin } from "./discord-standin";

/** Log lines kept in memory, so tests can check what was (and was not) written. */
export function memoryLog(level = "debug") {
  const lines: string[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => lines.push(chunk.toString("utf8")));
  return { log: createLogger(level, stream), lines, text: () => lines.join("") };
}

/**
 * A dispatcher in front of the real one that records invocations and can hold answers back
 * until `release()`, so a test decides whether the adapter must defer.
 */
export interface GatedDispatcher extends Dispatcher {
  invocations: Invocation[];
  /** Answers wait until `release()` while held. */
  hold(): void;
  release(): void;
  /** Replaces the next answers (e.g. an ephemeral reply after a deferral). */
  answerWith(reply: ((invocation: Invocation) => Promise<Reply>) | undefined): void;
}

export function gatedDispatcher(inner: Dispatcher): GatedDispatcher {
  const invocations: Invocation[] = [];
  let gate: Promise<void> | undefined;
  let open: () => void = () => {};
  let override: ((invocation: Invocation) => Promise<Reply>) | undefined;
  return {
    invocations,
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release() {
      gate = undefined;
      open();
    },
    answerWith(reply) {
      override = reply;
    },
    async dispatch(invocation) {
      invocations.push(invocation);
      if (gate) await gate;
      return override ? override(invocation) : inner.dispatch(invocation);
    },
  };
}

export interface DiscordTestBot {
  bot: DiscordBot;
  demo: DemoServices;
  dispatcher: GatedDispatcher;
  logs: ReturnType<typeof memoryLog>;
  stop(): Promise<void>;
}

/**
 * The real Discord adapter logged in to `standin`, over the demo store (seeded for the stand-in's
 * first guild) and the real dispatcher at the demo clock.
 */
export async function startDiscordTestBot(
  standin: DiscordStandin,
  overrides: Partial<DiscordBotDependencies> = {},
): Promise<DiscordTestBot> {
  const demo = await openDemoServices();
  const guild = standin.guilds[0];
  if (guild) await seedDemo(demo.store, `discord:${guild.id}`, new Date(DEMO_NOW));
  const dispatcher = gatedDispatcher(demo.dispatcher);
  const logs = memoryLog();
  const bot = createDiscordBot({
    discord: {
      token: standin.token,
      applicationId: standin.applicationId,
      apiUrl: standin.apiUrl,
    },
    dispatcher,
    commands,
    store: demo.store,
    clock: fixedClock(DEMO_NOW),
    defaultTimezone: "UTC",
    log: logs.log,
    // `/campaign import` writes into the same store the commands read.
    importer: createImporter({
      store: demo.store,
      clock: fixedClock(DEMO_NOW),
      log: logs.log,
      managers: [],
      defaultTimezone: "UTC",
    }),
    ...overrides,
  });
  await bot.start();
  return {
    bot,
    demo,
    dispatcher,
    logs,
    async stop() {
      await bot.stop();
      await demo.close();
    },
  };
}
