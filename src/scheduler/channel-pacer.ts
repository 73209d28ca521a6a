import type { Clock } from "../bot/clock";

/** Waits `ms` milliseconds; injected so tests advance a fake clock instead of sleeping. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Spaces posts into each channel (Slack wants about one message per second per channel) and holds
 * a channel after a 429 for its `Retry-After`. Shared by every run in the process, so two digests
 * due at once in one channel go out a second apart. Per process: replicas rely on the platform's
 * 429 for the rest.
 *
 * @example
 * await pacer.wait("slack:C123", 1000); // returns at once, then reserves the next second
 * await pacer.wait("slack:C123", 1000); // sleeps ≈ 1 s
 */
export class ChannelPacer {
  private readonly nextAllowed = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {}

  /** Resolves when `key` may be posted to, and reserves the following `intervalMs`. */
  async wait(key: string, intervalMs: number): Promise<void> {
    for (;;) {
      const now = this.clock.now().getTime();
      const allowed = this.nextAllowed.get(key) ?? 0;
      if (allowed <= now) {
        this.nextAllowed.set(key, now + intervalMs);
        return;
      }
      await this.sleep(allowed - now);
    }
  }

  /** Keeps `key` closed for `ms` from now (a 429's Retry-After). */
  holdFor(key: string, ms: number): void {
    const until = this.clock.now().getTime() + ms;
    this.nextAllowed.set(key, Math.max(until, this.nextAllowed.get(key) ?? 0));
  }
}
