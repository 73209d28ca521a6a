import type { ScheduledJob } from "../src/scheduler/slot-job";
import alerts from "./alerts";
import budgetWeekly from "./budget-weekly";
import digest from "./digest";

/**
 * Every scheduled job, listed explicitly. The scheduler ticks each of them every minute and
 * `adpulse jobs run <job> [--at ISO]` runs one; both go through the same code.
 */
export const jobs: readonly ScheduledJob[] = [digest, alerts, budgetWeekly];

export function findJob(name: string): ScheduledJob | undefined {
  return jobs.find((j) => j.name === name);
}
