import cron from "node-cron";
import type { Logger } from "../logger";
import type { JobDependencies, JobRunSummary, ScheduledJob } from "./slot-job";

export interface SchedulerOptions {
  jobs: readonly ScheduledJob[];
  deps: JobDependencies;
  log: Logger;
  /** When to tick (default: every minute, at second 0). */
  cron?: string;
  /** Tick once at start: a restarted process catches up without waiting for the minute. */
  tickOnStart?: boolean;
}

export interface Scheduler {
  /** Runs every job for the clock's "now"; "busy" when the previous tick is still running. */
  tick(): Promise<JobRunSummary[] | "busy">;
  /**
   * Stops ticking and waits (at most `drainMs`) for a tick in progress. A run cut short is
   * finished by the next process to tick: its claimer is gone (pid) or silent (lease).
   */
  stop(drainMs?: number): Promise<void>;
}

/**
 * node-cron as a clock and nothing more: each tick asks every job what is due at `clock.now()`
 * and the store decides who runs it (claims, watermarks). Missed ticks (downtime, a long tick)
 * are caught up by the next one, because "due" is computed from the ledger, not from ticks; and
 * node-cron's own DST handling never matters, because slots are computed in
 * src/core/schedule/ from the subscription's zone.
 *
 * @example
 * const scheduler = startScheduler({ jobs, deps, log });
 * await scheduler.stop();
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { jobs, deps, log } = options;
  let running: Promise<JobRunSummary[]> | undefined;

  async function runAll(): Promise<JobRunSummary[]> {
    const at = deps.clock.now();
    const summaries: JobRunSummary[] = [];
    for (const job of jobs) {
      try {
        const summary = await job.run(deps, at);
        summaries.push(summary);
        if (summary.claimed + summary.resumed + summary.skipped > 0) {
          const { runs: _runs, ...figures } = summary;
          log.info(figures, "scheduled job ran");
        }
      } catch (error) {
        log.error({ err: error, job: job.name }, "scheduled job failed; the next tick retries");
      }
    }
    return summaries;
  }

  async function tick(): Promise<JobRunSummary[] | "busy"> {
    if (running) return "busy";
    running = runAll();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  }

  // UTC: the expression is "every minute"; zones belong to subscriptions, not to the ticker.
  const task = cron.schedule(options.cron ?? "* * * * *", () => void tick(), {
    name: "adpulse-scheduler",
    timezone: "UTC",
  });
  if (options.tickOnStart ?? true) void tick();

  return {
    tick,
    async stop(drainMs = 15_000) {
      await task.destroy();
      if (!running) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        running.catch(() => undefined),
        new Promise((resolve) => {
          timer = setTimeout(resolve, drainMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
