import type { Kysely } from "kysely";
import type { Database, DeliveryRow, JobRun, JobRunOutcome } from "./schema";

export interface ClaimRequest {
  run_key: string;
  job: string;
  tenant_id: string;
  subject_id: string;
  scheduled_for: string;
  late: boolean;
  missed: number;
  owner: string;
}

/** A run with its delivery (if any), for `digest history`. */
export type RunHistoryRow = JobRun & {
  delivery: Pick<
    DeliveryRow,
    "channel_id" | "status" | "attempts" | "last_error" | "platform_message_id" | "sent_at"
  > | null;
};

/**
 * The run ledger. A slot is claimed by inserting its run key; the database's unique constraint
 * makes exactly one inserter win, on SQLite and PostgreSQL alike (INSERT … ON CONFLICT DO NOTHING,
 * then check whether a row was inserted). Every later write by the runner is fenced on
 * `claimed_by`, so a process that lost its run to a takeover cannot finish it.
 */
export class JobRunsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** True when this call inserted the run (the slot is ours to run). */
  async claim(request: ClaimRequest, now: Date): Promise<boolean> {
    return this.insert(request, "claimed", now);
  }

  /** Records a slot skipped by the late policy, so it counts as handled; true when inserted. */
  async recordSkipped(request: ClaimRequest, now: Date): Promise<boolean> {
    return this.insert(request, "skipped", now);
  }

  private async insert(request: ClaimRequest, status: "claimed" | "skipped", now: Date) {
    const at = now.toISOString();
    const result = await this.db
      .insertInto("job_runs")
      .values({
        run_key: request.run_key,
        job: request.job,
        tenant_id: request.tenant_id,
        subject_id: request.subject_id,
        scheduled_for: request.scheduled_for,
        late: request.late ? 1 : 0,
        missed: request.missed,
        status,
        outcome: null,
        claimed_by: request.owner,
        claimed_at: at,
        heartbeat_at: at,
        takeovers: 0,
        finished_at: status === "skipped" ? at : null,
      })
      .onConflict((oc) => oc.column("run_key").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async get(runKey: string): Promise<JobRun | undefined> {
    return this.db
      .selectFrom("job_runs")
      .selectAll()
      .where("run_key", "=", runKey)
      .executeTakeFirst();
  }

  /** Per subject, the latest slot ever claimed or skipped for `job`: the watermark. */
  async watermarks(job: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom("job_runs")
      .select((eb) => ["subject_id", eb.fn.max("scheduled_for").as("latest")])
      .where("job", "=", job)
      .groupBy("subject_id")
      .execute();
    return new Map(rows.map((r) => [r.subject_id, String(r.latest)]));
  }

  /** Runs of `job` not finished yet (running elsewhere, or left behind by a dead process). */
  async listUnfinished(job: string): Promise<JobRun[]> {
    return this.db
      .selectFrom("job_runs")
      .selectAll()
      .where("job", "=", job)
      .where("status", "in", ["claimed", "prepared"])
      .orderBy("scheduled_for")
      .execute();
  }

  /** Takes over a run from `previousOwner` (dead or silent); true when this call won it. */
  async takeOver(
    runKey: string,
    previousOwner: string,
    owner: string,
    now: Date,
  ): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable("job_runs")
      .set((eb) => ({ claimed_by: owner, heartbeat_at: at, takeovers: eb("takeovers", "+", 1) }))
      .where("run_key", "=", runKey)
      .where("claimed_by", "=", previousOwner)
      .where("status", "in", ["claimed", "prepared"])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Proves the owner is alive; false when the run is no longer ours (taken over or finished). */
  async heartbeat(runKey: string, owner: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("job_runs")
      .set({ heartbeat_at: now.toISOString() })
      .where("run_key", "=", runKey)
      .where("claimed_by", "=", owner)
      .where("status", "in", ["claimed", "prepared"])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** claimed → prepared; false when the run is not ours or was prepared already. */
  async markPrepared(runKey: string, owner: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("job_runs")
      .set({ status: "prepared", heartbeat_at: now.toISOString() })
      .where("run_key", "=", runKey)
      .where("claimed_by", "=", owner)
      .where("status", "=", "claimed")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async finish(runKey: string, owner: string, outcome: JobRunOutcome, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable("job_runs")
      .set({ status: "done", outcome, finished_at: at, heartbeat_at: at })
      .where("run_key", "=", runKey)
      .where("claimed_by", "=", owner)
      .where("status", "in", ["claimed", "prepared"])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** A tenant's latest runs of `job` (optionally for some subjects), newest slot first. */
  async history(
    tenantId: string,
    job: string,
    options: { subjectIds?: readonly string[]; limit?: number } = {},
  ): Promise<RunHistoryRow[]> {
    let query = this.db
      .selectFrom("job_runs as r")
      .leftJoin("deliveries as d", "d.run_key", "r.run_key")
      .selectAll("r")
      .select([
        "d.channel_id as d_channel_id",
        "d.status as d_status",
        "d.attempts as d_attempts",
        "d.last_error as d_last_error",
        "d.platform_message_id as d_message_id",
        "d.sent_at as d_sent_at",
      ])
      .where("r.tenant_id", "=", tenantId)
      .where("r.job", "=", job);
    if (options.subjectIds) {
      if (options.subjectIds.length === 0) return [];
      query = query.where("r.subject_id", "in", options.subjectIds);
    }
    const rows = await query
      .orderBy("r.scheduled_for", "desc")
      .orderBy("r.run_key")
      .limit(options.limit ?? 20)
      .execute();
    return rows.map(
      ({ d_channel_id, d_status, d_attempts, d_last_error, d_message_id, d_sent_at, ...run }) => ({
        ...run,
        delivery:
          d_status === null || d_channel_id === null
            ? null
            : {
                channel_id: d_channel_id,
                status: d_status,
                attempts: Number(d_attempts ?? 0),
                last_error: d_last_error,
                platform_message_id: d_message_id,
                sent_at: d_sent_at,
              },
      }),
    );
  }
}
