import type { Logger } from "../logger";
import type { Store } from "../store/store";
import type { Clock, IdGenerator } from "./clock";
import type { Command } from "./command";
import type { Context } from "./context";
import { internalErrorReply, userErrorReply } from "./error-replies";
import { isUserError } from "./errors";
import type { Invocation } from "./invocation";
import { parseCommandText, parseTypedOptions } from "./parse-text";
import type { Reply, ReplyChart } from "./reply";

export interface Dispatcher {
  /**
   * Runs one invocation to a finished Reply with charts rasterized (`png` set). Never throws: user
   * errors and bugs come back as (ephemeral) replies.
   */
  dispatch(invocation: Invocation): Promise<Reply>;
}

export interface ChartRasterizer {
  renderAll(charts: ReplyChart[]): Promise<ReplyChart[]>;
}

export interface DispatcherDependencies {
  store: Store;
  commands: readonly Command[];
  rasterizer: ChartRasterizer;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  /** Timezone given to tenants created on first use. */
  defaultTimezone: string;
  /** Bootstrap managers (ADPULSE_MANAGERS), handed to commands for permission checks. */
  managers?: readonly string[];
  /**
   * Asks the platform whether the invoking user is an admin (Slack: users.info), for commands
   * that need it (`roles`); called lazily. Without it only `invocation.isAdmin` counts.
   */
  isPlatformAdmin?: (invocation: Invocation) => Promise<boolean>;
}

/**
 * The one place that routes, resolves the tenant, runs the command, renders charts and turns
 * errors into replies. Adapters only translate payloads to invocations and replies to API calls.
 */
export function createDispatcher(deps: DispatcherDependencies): Dispatcher {
  return {
    async dispatch(invocation) {
      const started = performance.now();
      const log = deps.log.child({
        platform: invocation.platform,
        tenant: invocation.tenantId,
        user: invocation.userId,
      });
      let commandName = "?";
      try {
        const tenant = await deps.store.tenants.seen(
          invocation.tenantId,
          invocation.tenantName,
          deps.defaultTimezone,
          deps.clock.now(),
        );
        const env = { now: deps.clock.now(), timezone: tenant.timezone };
        const { command, args } = invocation.subcommand
          ? parseTypedOptions(invocation.subcommand, invocation.options ?? {}, deps.commands, env)
          : parseCommandText(invocation.text, deps.commands, env);
        commandName = command.name;
        const ctx: Context = {
          store: deps.store,
          tenant,
          user: {
            id: invocation.userId,
            name: invocation.userName,
            isAdmin: adminCheck(deps, invocation),
          },
          channelId: invocation.channelId,
          platform: invocation.platform,
          clock: deps.clock,
          ids: deps.ids,
          log: log.child({ command: command.name }),
          managers: deps.managers,
        };
        const reply = await command.run(ctx, args);
        if (reply.charts?.length) reply.charts = await deps.rasterizer.renderAll(reply.charts);
        log.info(
          { command: command.name, ms: Math.round(performance.now() - started) },
          "command answered",
        );
        return reply;
      } catch (error) {
        if (isUserError(error)) {
          log.info({ command: commandName, code: error.code }, "user error");
          return userErrorReply(error, "Can't do that yet");
        }
        const errorId = deps.ids.next("err-");
        log.error({ err: error, command: commandName, errorId }, "command failed");
        return internalErrorReply("that failed on our side", errorId);
      }
    },
  };
}

/** `ctx.user.isAdmin`: the payload's word first, else the platform's answer (asked once). */
function adminCheck(deps: DispatcherDependencies, invocation: Invocation): () => Promise<boolean> {
  let answer: Promise<boolean> | undefined;
  return () => {
    if (invocation.isAdmin) return Promise.resolve(true);
    answer ??= deps.isPlatformAdmin
      ? deps.isPlatformAdmin(invocation).catch(() => false)
      : Promise.resolve(false);
    return answer;
  };
}
