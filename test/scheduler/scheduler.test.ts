import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger";
import { startScheduler } from "../../src/scheduler/scheduler";
import type { JobRunSummary, ScheduledJob } from "../../src/scheduler/slot-job";
import { sqliteEngine } from "../support/test-stores";
import { jobDeps, ManualClock } from "./fixtures";

function summary(job: string, at: Date): JobRunSummary {
  return {
    job,
    at: at.toISOString(),
    claimed: 0,
    resumed: 0,
    claimedElsewhere: 0,
    skipped: 0,
    late: 0,
    sent: 0,
    failed: 0,
    runs: [],
  };
}

describe("startScheduler", () => {
  it("runs every job for the clock's now, skips overlapping ticks, survives a failing job", async () => {
    const store = await sqliteEngine.open();
    const clock = new ManualClock("2026-11-23T08:00:30Z");
    const seen: string[] = [];
    let release: () => void = () => {};
    const slow: ScheduledJob = {
      name: "slow",
      description: "waits",
      async run(_deps, at) {
        seen.push(`slow@${at.toISOString()}`);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return summary("slow", at);
      },
    };
    const broken: ScheduledJob = {
      name: "broken",
      description: "throws",
      run: async () => {
        throw new Error("boom");
      },
    };
    const fine: ScheduledJob = {
      name: "fine",
      description: "ok",
      run: async (_d, at) => summary("fine", at),
    };
    const scheduler = startScheduler({
      jobs: [slow, broken, fine],
      deps: jobDeps(store, clock, {}),
      log: silentLogger(),
      tickOnStart: false,
    });
    try {
      const first = scheduler.tick();
      expect(await scheduler.tick()).toBe("busy");
      release();
      const summaries = await first;
      expect(summaries).not.toBe("busy");
      expect((summaries as JobRunSummary[]).map((s) => s.job)).toEqual(["slow", "fine"]);
      expect(seen).toEqual(["slow@2026-11-23T08:00:30.000Z"]);
    } finally {
      await scheduler.stop();
      await store.close();
    }
  });

  it("stops without waiting forever for a tick that hangs", async () => {
    const store = await sqliteEngine.open();
    const clock = new ManualClock("2026-11-23T08:00:30Z");
    const hang: ScheduledJob = {
      name: "hang",
      description: "never ends",
      run: () => new Promise(() => {}),
    };
    const scheduler = startScheduler({
      jobs: [hang],
      deps: jobDeps(store, clock, {}),
      log: silentLogger(),
      tickOnStart: true,
    });
    await scheduler.stop(20);
    await store.close();
  });
});
