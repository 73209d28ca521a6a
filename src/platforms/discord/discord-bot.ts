import { once } from "node:events";
import {
  Client,
  type ClientOptions,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  type Interaction,
} from "discord.js";
import type { Clock } from "../../bot/clock";
import type { Command } from "../../bot/command";
import type { Dispatcher } from "../../bot/dispatcher";
import type { Config } from "../../config";
import type { Importer } from "../../import/importer";
import type { Logger } from "../../logger";
import type { Store } from "../../store/store";
import { describeDiscordError } from "./answer-interaction";
import { describeChanges } from "./command-diff";
import { CAMPAIGN_COMMAND } from "./command-payload";
import { bridgeDiscordLogs } from "./discord-logger";
import { handleAutocomplete } from "./handle-autocomplete";
import { type ActionHandler, handleButton } from "./handle-button";
import { handleSlashCommand } from "./handle-command";
import { handleImportCommand, IMPORT_SUBCOMMAND } from "./import-subcommand";
import { type Registration, registerCommands } from "./register-commands";

export type DiscordConfig = NonNullable<Config["discord"]>;

export interface DiscordBotDependencies {
  discord: DiscordConfig;
  dispatcher: Dispatcher;
  /** The definitions `/campaign` is registered from (commands/index.ts). */
  commands: readonly Command[];
  /** Autocomplete reads the guild's campaigns and timezone (its own tenant only). */
  store: Pick<Store, "campaigns" | "tenants">;
  clock: Clock;
  defaultTimezone: string;
  log: Logger;
  /** Runs `/campaign import` (see import-subcommand.ts); without one, imports are refused. */
  importer?: Importer;
  /** Button clicks (see handle-button.ts); without one, a click is told the button is inactive. */
  actions?: ActionHandler;
  /** Wait this long for an answer before deferring (default 1,000 ms; Discord allows 3 s). */
  deferAfterMs?: number;
  /** Bulk-overwrite the global `/campaign` command on start (default true). */
  registerOnStart?: boolean;
  /** Extra REST options (tests shorten timeouts). `api` comes from `discord.apiUrl`. */
  rest?: ClientOptions["rest"];
  /** Waited for at most this long on stop() for answers in flight. */
  drainTimeoutMs?: number;
}

export interface DiscordStart {
  /** The bot user's tag, e.g. `adpulse#0`. */
  user: string;
  guilds: number;
  /** What registration on start changed; undefined when disabled or failed (logged). */
  registration?: Registration;
}

export interface DiscordBot {
  client: Client;
  /** Logs in over the gateway, waits until ready, then registers the commands. */
  start(): Promise<DiscordStart>;
  /** Stops taking interactions, waits for answers already under way, then closes the gateway. */
  stop(): Promise<void>;
}

const DEFAULT_DEFER_AFTER_MS = 1_000;

/**
 * The Discord adapter: a discord.js client on the gateway (interactions arrive as
 * INTERACTION_CREATE events, so no public HTTP endpoint is needed), with REST calls — including
 * `GET /gateway/bot`, which tells the client where the gateway is — sent to `discord.apiUrl`
 * when set (a REST proxy, or a local stand-in in tests). discord.js's REST layer queues requests
 * per rate-limit bucket and waits out 429s (`Retry-After`, the global limit) by itself.
 *
 * @example
 * const discord = createDiscordBot({ discord: config.discord, dispatcher, commands, store, clock, defaultTimezone, log });
 * await discord.start();
 */
export function createDiscordBot(deps: DiscordBotDependencies): DiscordBot {
  const { discord } = deps;
  const log = deps.log.child({ platform: "discord" });
  const client = new Client({
    // Guilds brings GUILD_CREATE (server names for new tenants); interactions need no intent.
    intents: [GatewayIntentBits.Guilds],
    rest: { ...deps.rest, ...(discord.apiUrl ? { api: discord.apiUrl } : {}) },
  });
  bridgeDiscordLogs(client, log, discord.token);

  const deferAfterMs = deps.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const route = async (interaction: Interaction): Promise<unknown> => {
    if (
      interaction.isChatInputCommand() &&
      interaction.commandName === CAMPAIGN_COMMAND &&
      interaction.options.getSubcommand(false) === IMPORT_SUBCOMMAND
    ) {
      return handleImportCommand(interaction, {
        importer: deps.importer,
        apiUrl: discord.apiUrl,
        log,
        deferAfterMs,
      });
    }
    if (interaction.isChatInputCommand()) {
      return handleSlashCommand(interaction, { dispatcher: deps.dispatcher, log, deferAfterMs });
    }
    if (interaction.isAutocomplete()) {
      return handleAutocomplete(interaction, {
        commands: deps.commands,
        store: deps.store,
        clock: deps.clock,
        defaultTimezone: deps.defaultTimezone,
        log,
      });
    }
    if (interaction.isButton()) {
      return handleButton(interaction, { actions: deps.actions, log, deferAfterMs });
    }
    log.debug({ type: interaction.type }, "ignoring an interaction type adpulse does not use");
    return undefined;
  };
  const onInteraction = (interaction: Interaction) => {
    track(
      route(interaction).catch((error: unknown) => {
        log.error({ reason: describeDiscordError(error) }, "interaction handler failed");
      }),
    );
  };
  client.on(Events.InteractionCreate, onInteraction);

  let started = false;
  return {
    client,
    async start() {
      const ready = once(client, Events.ClientReady);
      try {
        await client.login(discord.token);
      } catch (error) {
        ready.catch(() => undefined);
        throw loginError(error, discord);
      }
      await ready;
      started = true;
      const user = client.user?.tag ?? "?";
      const guilds = client.guilds.cache.size;
      if (client.application && client.application.id !== discord.applicationId) {
        log.warn(
          { tokenApplication: client.application.id, configured: discord.applicationId },
          "DISCORD_TOKEN belongs to another application than DISCORD_APPLICATION_ID: copy both from the same app in the Developer Portal",
        );
      }
      log.info({ user, guilds }, "Discord gateway ready");
      let registration: Registration | undefined;
      if (deps.registerOnStart ?? true) {
        try {
          registration = await registerCommands(
            client.rest,
            { applicationId: discord.applicationId },
            deps.commands,
          );
          log.info(
            { scope: registration.scope, changes: describeChanges(registration.changes) },
            "Discord commands registered",
          );
        } catch (error) {
          log.error(
            { reason: describeDiscordError(error) },
            "could not register /campaign; check DISCORD_APPLICATION_ID, or run `adpulse register-commands`",
          );
        }
      }
      return { user, guilds, registration };
    },
    async stop() {
      // Stop taking interactions, let answers under way finish (they need REST), then close.
      client.off(Events.InteractionCreate, onInteraction);
      if (inFlight.size > 0) {
        log.info({ answers: inFlight.size }, "waiting for answers in flight");
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inFlight]),
          new Promise((resolve) => {
            timer = setTimeout(resolve, deps.drainTimeoutMs ?? 15_000);
          }),
        ]);
        clearTimeout(timer);
      }
      if (started) {
        started = false;
        await client.destroy();
      }
    },
  };
}

function loginError(error: unknown, discord: DiscordConfig): Error {
  const where = discord.apiUrl ? `, and check DISCORD_API_URL (${discord.apiUrl})` : "";
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) {
    return new Error(
      `Discord rejected DISCORD_TOKEN: copy the bot token from Developer Portal → Bot (Reset Token)${where}`,
      { cause: error },
    );
  }
  return new Error(`Could not connect to Discord (${describeDiscordError(error)})${where}`, {
    cause: error,
  });
}
