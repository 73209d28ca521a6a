import type { AddressInfo } from "node:net";
import { App, type webApi } from "@slack/bolt";
import type { ActionDispatcher } from "../../bot/action-dispatcher";
import type { Dispatcher } from "../../bot/dispatcher";
import type { Config } from "../../config";
import type { Importer } from "../../import/importer";
import type { Logger } from "../../logger";
import { boltLogger } from "./bolt-logger";
import { registerActionHandlers } from "./handle-actions";
import { CAMPAIGN_COMMAND, registerCampaignCommand } from "./handle-command";
import { registerFileImport } from "./handle-file-import";
import { registerMessageHandlers } from "./handle-messages";
import { ignoreRedeliveries } from "./ignore-redeliveries";
import { describeError, type UploadOptions } from "./upload-charts";

export type SlackConfig = NonNullable<Config["slack"]>;

export interface SlackAppDependencies {
  slack: SlackConfig;
  dispatcher: Dispatcher;
  log: Logger;
  /**
   * Web API retries (5xx, network errors, 429 after `Retry-After`). WebClient's default keeps
   * retrying for ~30 minutes, which for a chat answer is worse than failing: ours gives up after
   * a few seconds. Tests pass a faster one.
   */
  retryConfig?: webApi.RetryOptions;
  /** Chart byte uploads (see upload-charts.ts). */
  upload?: UploadOptions;
  /** Waited for at most this long on stop() for answers still being delivered. */
  drainTimeoutMs?: number;
  /** CSV files shared with the bot (DM or @mention) are imported through it; none: not handled. */
  importer?: Importer;
  /** Button clicks (Approve / Reject); without it a click is told the button does nothing. */
  actions?: ActionDispatcher;
}

export interface SlackApp {
  app: App;
  /** Verifies the bot token (auth.test), then listens; `port` is the bound HTTP port (none in Socket Mode). */
  start(): Promise<{ port?: number }>;
  /** Stops receiving, then waits for answers already acknowledged to be delivered. */
  stop(): Promise<void>;
}

const DEFAULT_RETRY: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 4_000,
  randomize: true,
};

/**
 * The Slack adapter: a Bolt App receiving over HTTP (`POST /slack/events` on `slack.port`, request
 * signatures verified on the raw body by Bolt) or over Socket Mode when `appToken` is set, with
 * the Web API at `slack.apiUrl` (GovSlack, test stand-ins).
 *
 * @example
 * const slack = createSlackApp({ slack: config.slack, dispatcher, log });
 * const { port } = await slack.start();
 */
export function createSlackApp(deps: SlackAppDependencies): SlackApp {
  const { slack } = deps;
  const log = deps.log.child({ platform: "slack" });
  const socketMode = Boolean(slack.appToken);
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: deps.retryConfig ?? DEFAULT_RETRY,
    // A hung request must not hold an answer (or shutdown) forever.
    timeout: 30_000,
  };
  if (slack.apiUrl) clientOptions.slackApiUrl = slack.apiUrl;

  const app = new App({
    token: slack.botToken,
    signingSecret: slack.signingSecret,
    ...(socketMode ? { socketMode: true, appToken: slack.appToken } : { port: slack.port }),
    logger: boltLogger(log),
    clientOptions,
    // Otherwise the constructor fires auth.test itself and a bad token surfaces as an unhandled
    // rejection; deferred, start() runs it and can say what to fix.
    deferInitialization: true,
  });

  const inFlight = new Set<Promise<void>>();
  const track = async (work: Promise<void>) => {
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  };

  app.use(ignoreRedeliveries(log));
  if (deps.importer) {
    registerFileImport(app, {
      importer: deps.importer,
      botToken: slack.botToken,
      apiUrl: slack.apiUrl,
      upload: deps.upload,
      log,
      track,
    });
  }
  const handlerDeps = { dispatcher: deps.dispatcher, upload: deps.upload, log, track };
  registerCampaignCommand(app, handlerDeps);
  registerMessageHandlers(app, handlerDeps);
  registerActionHandlers(app, { actions: deps.actions, log, track });
  app.error(async (error) => {
    log.error({ reason: describeError(error) }, "unhandled error in a Slack listener");
  });

  let started = false;
  return {
    app,
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw new Error(
          `Slack rejected SLACK_BOT_TOKEN (${describeError(error)}): copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions${slack.apiUrl ? `, and check SLACK_API_URL (${slack.apiUrl})` : ""}`,
          { cause: error },
        );
      }
      if (socketMode) {
        await app.start();
        started = true;
        log.info({ mode: "socket", command: CAMPAIGN_COMMAND }, "Slack adapter connected");
        return {};
      }
      const server = await app.start(slack.port);
      started = true;
      const port = (server.address() as AddressInfo | null)?.port ?? slack.port;
      log.info({ mode: "http", port, path: "/slack/events" }, "Slack adapter listening");
      return { port };
    },
    async stop() {
      if (started) {
        started = false;
        await app.stop();
      }
      if (inFlight.size === 0) return;
      log.info({ answers: inFlight.size }, "waiting for answers in flight");
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, deps.drainTimeoutMs ?? 15_000);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
