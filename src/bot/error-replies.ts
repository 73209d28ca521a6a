import type { UserError } from "./errors";
import type { Reply } from "./reply";

/**
 * The private answers to failures, the same wherever they happen (commands, buttons, imports,
 * adapters guarding the dispatcher), so a person sees one voice and scripts one `data.error`.
 */

/** A problem the user can fix: the message and its hints, privately. */
export function userErrorReply(
  error: UserError,
  title: string,
  options: { hintsInData?: boolean } = {},
): Reply {
  const hints = options.hintsInData === false ? {} : { hints: error.hints };
  return {
    title,
    text: [error.message, ...error.hints].join("\n"),
    ephemeral: true,
    tone: "bad",
    data: { error: { code: error.code, message: error.message, ...hints } },
  };
}

/**
 * A bug, logged under `errorId`: `failed` says what failed, e.g. "that failed on our side" or
 * "the import failed on our side and nothing was written".
 */
export function internalErrorReply(failed: string, errorId: string): Reply {
  return {
    title: "Something went wrong",
    text: `Sorry, ${failed}. The error id is \`${errorId}\`: give it to your admin.`,
    ephemeral: true,
    tone: "bad",
    data: { error: { code: "internal", errorId } },
  };
}

/**
 * What an adapter answers when the dispatcher breaks its promise never to throw (nothing was
 * logged with an id there): `what` is "that" or "that button".
 */
export function apologyReply(what = "that"): Reply {
  return {
    title: "Something went wrong",
    text: `Sorry, ${what} failed on our side. Please try again in a minute.`,
    ephemeral: true,
    tone: "bad",
    data: { error: { code: "internal" } },
  };
}

/** A button whose action no command handles (an older adpulse's message, or no handler wired). */
export function inactiveActionReply(): Reply {
  return {
    title: "This button does nothing here",
    text: "This adpulse version has no action for this button. Ask again with `/campaign` for a fresh answer.",
    ephemeral: true,
    data: { error: { code: "inactive_action" } },
  };
}
