/**
 * A problem the user can fix (bad argument, unknown campaign, no permission). The dispatcher turns
 * it into a private reply naming the fix; anything else is a bug, logged with an error id.
 */
export class UserError extends Error {
  override readonly name = "UserError";
  constructor(
    message: string,
    /** Stable machine code, e.g. `bad_period`, `unknown_campaign`. */
    readonly code: string,
    /** Extra lines shown under the message: valid values, suggestions. */
    readonly hints: string[] = [],
  ) {
    super(message);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
