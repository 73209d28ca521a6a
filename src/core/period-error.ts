/**
 * The period phrases users can type, for help text and error hints. Keep in step with period.ts.
 */
export const PERIOD_FORMS = [
  "last 30d (any 1–730 days, weeks or months: last 7d, last 2w, last 3m, last 30 days)",
  "today",
  "yesterday",
  "this week",
  "last week",
  "this month",
  "last month",
  "this quarter",
  "last quarter",
  "this year",
  "last year",
  "YYYY-MM-DD (one day)",
  "YYYY-MM-DD..YYYY-MM-DD (inclusive, at most 3 years)",
] as const;

/**
 * Something clearly meant as a period is malformed (`last 400x`, `2026-02-30`, a range that ends
 * before it starts). The core stays free of bot types: the dispatcher's adapter turns this into
 * a `UserError` with `code` and `forms` as hints.
 *
 * @example
 * try { findPeriodInTokens(["last", "400x"], now, tz) } catch (e) {
 *   if (e instanceof PeriodError) e.detail // 'unknown unit "x" in "last 400x": use d, w or m'
 * }
 */
export class PeriodError extends Error {
  override readonly name = "PeriodError";
  /** Stable machine code, same spelling as the bot's `UserError` codes. */
  readonly code = "bad_period";
  /** The valid forms, one per line when shown as hints. */
  readonly forms: readonly string[] = PERIOD_FORMS;

  constructor(
    /** What is wrong, without the list of forms: suits a one-line reply. */
    readonly detail: string,
    /** The text that was read as a period. */
    readonly input: string,
  ) {
    super(`${detail}. Valid periods: ${PERIOD_FORMS.join("; ")}`);
  }
}
