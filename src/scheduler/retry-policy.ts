/** How hard a scheduled delivery tries before it is marked failed and its owner told. */
export interface RetryPolicy {
  /** HTTP 429 answers honoured (each waits its `Retry-After`). */
  maxRateLimitRetries: number;
  /** Retries after a 5xx or a network error. */
  maxServerErrorRetries: number;
  /** A `Retry-After` longer than this is not waited for: the delivery fails instead. */
  maxRetryAfterMs: number;
  /** Backoff before the first 5xx retry; doubles each time, with jitter. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRateLimitRetries: 6,
  maxServerErrorRetries: 3,
  maxRetryAfterMs: 120_000,
  baseBackoffMs: 1_000,
  maxBackoffMs: 30_000,
};

/**
 * The wait before 5xx retry number `retry` (1-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so replicas retrying the same outage do not hit the platform in step.
 *
 * @example backoffMs(1, DEFAULT_RETRY_POLICY, () => 0.5) // 750: 500 fixed + 0.5 × 500
 * @example backoffMs(3, DEFAULT_RETRY_POLICY, () => 0) // 2000: 4000 / 2
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** (retry - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
