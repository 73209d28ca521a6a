import type { Context } from "./context";
import type { PlatformName } from "./invocation";
import type { Reply } from "./reply";

/**
 * A button press as an adapter hands it to the action dispatcher: who pressed which button on
 * which message. Like an invocation, the tenant comes from the platform payload (workspace,
 * guild), never from the button. `value` is an opaque pointer to stored state (a recommendation
 * id): handlers read amounts and everything else from the store.
 */
export interface ActionClick {
  platform: PlatformName;
  tenantId: string;
  tenantName?: string;
  /** Who pressed it, platform-qualified: `slack:U123`, `discord:456`. */
  userId: string;
  userName?: string;
  channelId?: string;
  /** The message carrying the button: Slack `ts`, Discord message id. */
  messageId?: string;
  /** The Reply action's `id`, e.g. `budget.approve.2`. */
  actionId: string;
  value: string;
}

/**
 * What a click leads to. Adapters apply `update` to the clicked message for everyone (Slack
 * `chat.update`, Discord "update message") and show `reply` to the clicker only.
 */
export interface ActionOutcome {
  /** The clicked message as everyone should now see it. */
  update?: Reply;
  /** A private answer to whoever clicked: refusals, "already approved by …". */
  reply?: Reply;
}

/**
 * A command's handler for its buttons. `id` matches a click's action id exactly or as a prefix
 * followed by `.`: `budget.approve` handles `budget.approve` and `budget.approve.3` (Slack needs
 * distinct action ids per message, so buttons number themselves).
 */
export interface CommandAction {
  readonly id: string;
  handle(ctx: Context, click: ActionClick): Promise<ActionOutcome>;
}

/**
 * Whether `handlerId` handles `actionId`.
 *
 * @example actionMatches("budget.approve", "budget.approve.2") // true
 * @example actionMatches("budget.approve", "budget.approved") // false
 */
export function actionMatches(handlerId: string, actionId: string): boolean {
  return actionId === handlerId || actionId.startsWith(`${handlerId}.`);
}

/**
 * Tells an {@link ActionOutcome} from a plain Reply (adapters that accept both).
 *
 * @example isActionOutcome({ reply: { title: "No", data: {} } }) // true
 */
export function isActionOutcome(value: unknown): value is ActionOutcome {
  if (typeof value !== "object" || value === null) return false;
  return !("title" in value) && ("update" in value || "reply" in value);
}
