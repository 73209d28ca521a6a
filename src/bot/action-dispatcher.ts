import type { Logger } from "../logger";
import type { Store } from "../store/store";
import { type ActionClick, type ActionOutcome, actionMatches, type CommandAction } from "./action";
import type { Clock, IdGenerator } from "./clock";
import type { Command } from "./command";
import type { Context } from "./context";
import { inactiveActionReply, internalErrorReply, userErrorReply } from "./error-replies";
import { isUserError } from "./errors";

export interface ActionDispatcher {
  /**
   * Runs the handler of one button press. Never throws: unknown buttons, user errors and bugs
   * come back as private replies.
   */
  act(click: ActionClick): Promise<ActionOutcome>;
}

export interface ActionDispatcherDependencies {
  store: Store;
  /** Commands whose `actions` handle the buttons their replies carry. */
  commands: readonly Command[];
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  defaultTimezone: string;
  /** Bootstrap managers (ADPULSE_MANAGERS). */
  managers?: readonly string[];
}

/**
 * The button-press sibling of the dispatcher: adapters turn a platform's click payload (Slack
 * `block_actions`, a Discord component interaction) into an {@link ActionClick}; this finds the
 * command action whose id matches, builds the same per-invocation Context (tenant from the
 * payload, injected clock and ids), and turns failures into private replies. Permissions are the
 * handler's job on every click: anyone who sees a button can press it.
 */
export function createActionDispatcher(deps: ActionDispatcherDependencies): ActionDispatcher {
  const handlers: CommandAction[] = deps.commands.flatMap((c) => [...(c.actions ?? [])]);
  return {
    async act(click) {
      const log = deps.log.child({
        platform: click.platform,
        tenant: click.tenantId,
        user: click.userId,
        action: click.actionId,
      });
      const handler = handlers.find((h) => actionMatches(h.id, click.actionId));
      if (!handler) {
        log.info("button pressed that no command handles");
        return { reply: inactiveActionReply() };
      }
      try {
        const tenant = await deps.store.tenants.seen(
          click.tenantId,
          click.tenantName,
          deps.defaultTimezone,
          deps.clock.now(),
        );
        const ctx: Context = {
          store: deps.store,
          tenant,
          user: { id: click.userId, name: click.userName },
          channelId: click.channelId,
          platform: click.platform,
          clock: deps.clock,
          ids: deps.ids,
          log,
          managers: deps.managers,
        };
        const outcome = await handler.handle(ctx, click);
        log.info(
          { update: Boolean(outcome.update), reply: Boolean(outcome.reply) },
          "button handled",
        );
        return outcome;
      } catch (error) {
        if (isUserError(error)) {
          log.info({ code: error.code }, "button refused");
          return { reply: userErrorReply(error, "Can't do that") };
        }
        const errorId = deps.ids.next("err-");
        log.error({ err: error, errorId }, "button handler failed");
        return { reply: internalErrorReply("that button failed on our side", errorId) };
      }
    },
  };
}
