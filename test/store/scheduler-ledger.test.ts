import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store";
import { engines } from "../support/test-stores";

const NOW = new Date("2026-11-23T08:00:05Z");
const claim = (owner: string, slot = "2026-11-23T08:00:00.000Z") => ({
  run_key: `digest:dg-1:${slot}`,
  job: "digest",
  tenant_id: "t1",
  subject_id: "dg-1",
  scheduled_for: slot,
  late: false,
  missed: 0,
  owner,
});

describe.each(engines)("scheduler ledger on $name", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await engine.open();
  });
  afterEach(() => store.close());

  it("lets exactly one of many concurrent claims win", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => store.jobRuns.claim(claim(`p${i}`), NOW)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const run = await store.jobRuns.get(claim("x").run_key);
    expect(run).toMatchObject({ status: "claimed", late: 0, takeovers: 0, finished_at: null });
  });

  it("fences every write on the owner, and hands a run over only once", async () => {
    await store.jobRuns.claim(claim("a"), NOW);
    const key = claim("a").run_key;
    expect(await store.jobRuns.markPrepared(key, "b", NOW)).toBe(false);
    expect(await store.jobRuns.markPrepared(key, "a", NOW)).toBe(true);
    const takeovers = await Promise.all([
      store.jobRuns.takeOver(key, "a", "b", NOW),
      store.jobRuns.takeOver(key, "a", "c", NOW),
    ]);
    expect(takeovers.filter(Boolean)).toHaveLength(1);
    expect(await store.jobRuns.heartbeat(key, "a", NOW)).toBe(false);
    const owner = takeovers[0] ? "b" : "c";
    expect(await store.jobRuns.finish(key, "a", "sent", NOW)).toBe(false);
    expect(await store.jobRuns.finish(key, owner, "sent", NOW)).toBe(true);
    expect(await store.jobRuns.listUnfinished("digest")).toEqual([]);
  });

  it("keeps one delivery per run and channel, marked sent or failed once", async () => {
    await store.jobRuns.claim(claim("a"), NOW);
    const key = claim("a").run_key;
    const row = {
      id: `${key}@C1`,
      run_key: key,
      tenant_id: "t1",
      platform: "slack" as const,
      channel_id: "C1",
    };
    await store.deliveries.insertPending([row], NOW);
    await store.deliveries.insertPending([{ ...row, id: "other-id" }], NOW);
    expect(await store.deliveries.listForRun(key)).toHaveLength(1);
    await store.deliveries.recordAttempt(row.id, NOW);
    expect(await store.deliveries.markSent(row.id, "1732345200.000100", NOW)).toBe(true);
    expect(await store.deliveries.markSent(row.id, "again", NOW)).toBe(false);
    expect(await store.deliveries.markFailed(row.id, "late error", NOW)).toBe(false);
    expect(await store.deliveries.listForRun(key)).toEqual([
      expect.objectContaining({
        status: "sent",
        attempts: 1,
        platform_message_id: "1732345200.000100",
      }),
    ]);
  });

  it("reads watermarks and history newest first", async () => {
    await store.jobRuns.claim(claim("a", "2026-11-22T08:00:00.000Z"), NOW);
    await store.jobRuns.recordSkipped(claim("a", "2026-11-23T08:00:00.000Z"), NOW);
    expect(await store.jobRuns.watermarks("digest")).toEqual(
      new Map([["dg-1", "2026-11-23T08:00:00.000Z"]]),
    );
    const history = await store.jobRuns.history("t1", "digest");
    expect(history.map((r) => [r.scheduled_for, r.status, r.delivery])).toEqual([
      ["2026-11-23T08:00:00.000Z", "skipped", null],
      ["2026-11-22T08:00:00.000Z", "claimed", null],
    ]);
    expect(await store.jobRuns.history("other-tenant", "digest")).toEqual([]);
  });
});
