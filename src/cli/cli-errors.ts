/** Exit codes are a contract: 0 ok, 1 runtime failure, 2 bad usage or invalid input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Bad usage or invalid input: printed as is to stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
