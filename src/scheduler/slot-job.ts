import type { Clock, IdGenerator } from "../bot/clock";
import type { Context } from "../bot/context";
import type { ChartRasterizer } from "../bot/dispatcher";
import type { Reply } from "../bot/reply";
import { dueSlot, type LatePolicy } from "../core/schedule/due";
import type { ScheduleSpec } from "../core/schedule/schedule-spec";
import type { Logger } from "../logger";
import type { ChannelPlatform, DeliveryRow, JobRun, JobRunOutcome, Tenant } from "../store/schema";
import type { Store } from "../store/store";
import { ChannelPacer, realSleep, type Sleep } from "./channel-pacer";
import type { ChannelPosters } from "./channel-poster";
import { deliverWithRetries } from "./deliver-with-retries";
import { mapPool } from "./map-pool";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy";
import { createOwnerLiveness } from "./run-owner";

/** A run not heard from (heartbeat) for this long is taken over by another process. */
const DEFAULT_LEASE_MS = 5 * 60_000;

/** What every job run needs, built once per process (see start-job-scheduler.ts). */
export interface JobDependencies {
  store: Store;
  /** Bookkeeping time (claims, heartbeats, leases, sent_at); not the slot being evaluated. */
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  rasterizer: ChartRasterizer;
  /** Where posts can go from this process; subjects on other platforms are left to others. */
  posters: ChannelPosters;
  /** `host:pid:token` (run-owner.ts). */
  owner: string;
  /** Whether a run's claimer may still be alive; default: pid check on this host. */
  isOwnerAlive?: (owner: string) => boolean;
  sleep?: Sleep;
  random?: () => number;
  /** Shared by every run of the process so channels are paced across jobs. */
  pacer?: ChannelPacer;
  retry?: Partial<RetryPolicy>;
  leaseMs?: number;
  /** Runs delivered in parallel (different channels). */
  concurrency?: number;
}

/** A scheduled job as `jobs/index.ts` lists it and `adpulse jobs run` / the scheduler run it. */
export interface ScheduledJob {
  readonly name: string;
  readonly description: string;
  /** Runs what is due at `at` (claims, resumes, delivers) and reports what happened. */
  run(deps: JobDependencies, at: Date): Promise<JobRunSummary>;
}

export interface DeliveryReport {
  channelId: string;
  status: "sent" | "failed" | "pending";
  attempts: number;
  messageId?: string;
  error?: string;
}

export interface RunReport {
  runKey: string;
  subjectId: string;
  tenantId: string;
  scheduledFor: string;
  late: boolean;
  resumed: boolean;
  outcome: JobRunOutcome | "abandoned";
  deliveries: DeliveryReport[];
}

export interface JobRunSummary {
  job: string;
  at: string;
  /** Slots this process claimed. */
  claimed: number;
  /** Unfinished runs taken over from a dead or silent process. */
  resumed: number;
  /** Due slots another process had claimed first. */
  claimedElsewhere: number;
  /** Late slots recorded as skipped (policy `skip`). */
  skipped: number;
  /** Claimed slots that were late (policy `once`). */
  late: number;
  sent: number;
  failed: number;
  runs: RunReport[];
}

/** Something with a schedule that posts into one channel: a subscription, an alert rule. */
export interface JobSubject {
  id: string;
  tenant_id: string;
  platform: ChannelPlatform;
  channel_id: string;
  owner_id: string;
}

/** One run as the job's hooks see it. */
export interface RunEnvironment<S extends JobSubject> {
  run: JobRun;
  subject: S;
  tenant: Tenant;
  /** A command context for the subject's tenant and channel, so jobs reuse commands' reports. */
  ctx: Context;
  deps: JobDependencies;
}

export interface PreparedRun {
  /** Channels this run posts to (one delivery row each). */
  channels: { platform: ChannelPlatform; channelId: string }[];
  /** State to write in the same transaction as the delivery rows (alert incidents). */
  write?: (trx: Store) => Promise<void>;
}

/**
 * A job whose subjects each fire on a schedule. The engine (`defineSlotJob`) owns everything
 * about exactly-once: due slots, claims, late policy, resuming dead runs, the delivery ledger,
 * pacing and retries. A job only says what its subjects are and what to post.
 */
/** When a subject's slots fall: its schedule, what to do with missed ones, from when. */
export interface SlotSchedule {
  spec: ScheduleSpec;
  latePolicy: LatePolicy;
  activeFrom: Date;
}

export interface SlotJobDefinition<S extends JobSubject> {
  name: string;
  description: string;
  /** Subjects that may be due, on the platforms this process can post to. */
  listSubjects(store: Store, platforms: readonly ChannelPlatform[]): Promise<S[]>;
  /** One subject by id (resuming a run); undefined once deleted. */
  findSubject(store: Store, id: string): Promise<S | undefined>;
  schedule(subject: S): SlotSchedule;
  /**
   * Decides what a claimed run posts, once per run (again only if the process died before the
   * delivery rows were written). Default: one delivery into the subject's channel.
   */
  prepare?(env: RunEnvironment<S>): Promise<PreparedRun>;
  /** The message of one delivery; rebuilt from the store when a run is resumed. */
  render(env: RunEnvironment<S>, delivery: DeliveryRow): Promise<Reply>;
  /** The owner's private note when a delivery failed for good. */
  failureNotice?(env: RunEnvironment<S>, delivery: DeliveryRow, error: string): Reply;
  /** Runs delivered in parallel by default (JobDependencies.concurrency wins). */
  concurrency?: number;
}

/** A delivery's id: its run and channel (the pair is unique anyway). */
function deliveryIdOf(runKey: string, channelId: string): string {
  return `${runKey}@${channelId}`;
}

/** `<job>:<subject>:<slot ISO>`. */
function runKeyOf(job: string, subjectId: string, slot: Date): string {
  return `${job}:${subjectId}:${slot.toISOString()}`;
}

/**
 * Builds a ScheduledJob from a definition.
 *
 * @example
 * export default defineSlotJob({ name: "digest", description: "…", listSubjects, findSubject,
 *   schedule: (s) => ({ spec, latePolicy: s.late_policy, activeFrom: new Date(s.active_from) }),
 *   render: (env) => buildDigest(env.ctx, …) });
 */
export function defineSlotJob<S extends JobSubject>(
  definition: SlotJobDefinition<S>,
): ScheduledJob {
  return {
    name: definition.name,
    description: definition.description,
    run: (deps, at) => runSlotJob(definition, deps, at),
  };
}

interface Work<S extends JobSubject> {
  run: JobRun;
  subject: S | undefined;
  resumed: boolean;
}

async function runSlotJob<S extends JobSubject>(
  def: SlotJobDefinition<S>,
  deps: JobDependencies,
  at: Date,
): Promise<JobRunSummary> {
  const { store, clock } = deps;
  const log = deps.log.child({ job: def.name, at: at.toISOString() });
  const platforms = (Object.keys(deps.posters) as ChannelPlatform[]).filter((p) => deps.posters[p]);
  const summary: JobRunSummary = {
    job: def.name,
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
  const work: Work<S>[] = [];

  // 1. Due slots: claim them (or record them skipped). The insert decides between replicas.
  const subjects = await def.listSubjects(store, platforms);
  const watermarks = await store.jobRuns.watermarks(def.name);
  for (const subject of subjects) {
    let decision: ReturnType<typeof dueSlot>;
    try {
      const schedule = def.schedule(subject);
      const watermark = watermarks.get(subject.id);
      decision = dueSlot({
        ...schedule,
        at,
        watermark: watermark ? new Date(watermark) : undefined,
      });
    } catch (error) {
      log.error({ err: error, subject: subject.id }, "cannot compute this subject's schedule");
      continue;
    }
    if (decision.action === "none") continue;
    const request = {
      run_key: runKeyOf(def.name, subject.id, decision.slot),
      job: def.name,
      tenant_id: subject.tenant_id,
      subject_id: subject.id,
      scheduled_for: decision.slot.toISOString(),
      late: decision.action === "run" && decision.late,
      missed: decision.missed,
      owner: deps.owner,
    };
    if (decision.action === "skip") {
      if (await store.jobRuns.recordSkipped(request, clock.now())) {
        summary.skipped += 1;
        log.info(
          { runKey: request.run_key, missed: decision.missed },
          "late slot skipped (policy skip)",
        );
      }
      continue;
    }
    const claimedAt = clock.now();
    if (await store.jobRuns.claim(request, claimedAt)) {
      // The row as just inserted (no need to read it back).
      const run: JobRun = {
        run_key: request.run_key,
        job: request.job,
        tenant_id: request.tenant_id,
        subject_id: request.subject_id,
        scheduled_for: request.scheduled_for,
        late: request.late ? 1 : 0,
        missed: request.missed,
        status: "claimed",
        outcome: null,
        claimed_by: deps.owner,
        claimed_at: claimedAt.toISOString(),
        heartbeat_at: claimedAt.toISOString(),
        takeovers: 0,
        finished_at: null,
      };
      summary.claimed += 1;
      if (request.late) summary.late += 1;
      work.push({ run, subject, resumed: false });
    } else {
      summary.claimedElsewhere += 1;
    }
  }

  // 2. Unfinished runs whose process died or went silent: take them over and finish them.
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const isAlive = deps.isOwnerAlive ?? createOwnerLiveness(deps.owner);
  const claimedNow = new Set(work.map((w) => w.run.run_key));
  for (const run of await store.jobRuns.listUnfinished(def.name)) {
    if (claimedNow.has(run.run_key)) continue;
    const silentFor = clock.now().getTime() - new Date(run.heartbeat_at).getTime();
    if (silentFor <= leaseMs && isAlive(run.claimed_by)) continue;
    const subject = await def.findSubject(store, run.subject_id);
    if (subject && !platforms.includes(subject.platform)) continue;
    if (!(await store.jobRuns.takeOver(run.run_key, run.claimed_by, deps.owner, clock.now()))) {
      continue;
    }
    log.info(
      { runKey: run.run_key, from: run.claimed_by, silentFor },
      "resuming an unfinished run",
    );
    summary.resumed += 1;
    work.push({ run: { ...run, claimed_by: deps.owner }, subject, resumed: true });
  }

  // 3. Deliver, a few runs at a time (each run's channel is paced on its own). A tenant with many
  // subscriptions due at once is read once for the tick.
  const tenants = new Map<string, Promise<Tenant | undefined>>();
  const tenantOf = (id: string) => {
    let tenant = tenants.get(id);
    if (!tenant) {
      tenant = store.tenants.get(id);
      tenants.set(id, tenant);
    }
    return tenant;
  };
  await mapPool(work, deps.concurrency ?? def.concurrency ?? 4, async (item) => {
    const report = await executeRun(def, deps, item, log, tenantOf);
    summary.runs.push(report);
    for (const d of report.deliveries) {
      if (d.status === "sent") summary.sent += 1;
      if (d.status === "failed") summary.failed += 1;
    }
  });
  summary.runs.sort((a, b) => a.runKey.localeCompare(b.runKey));
  return summary;
}

async function executeRun<S extends JobSubject>(
  def: SlotJobDefinition<S>,
  deps: JobDependencies,
  item: Work<S>,
  parentLog: Logger,
  tenantOf: (id: string) => Promise<Tenant | undefined>,
): Promise<RunReport> {
  const { store, clock } = deps;
  const { run, subject } = item;
  const log = parentLog.child({ runKey: run.run_key });
  const report: RunReport = {
    runKey: run.run_key,
    subjectId: run.subject_id,
    tenantId: run.tenant_id,
    scheduledFor: run.scheduled_for,
    late: run.late === 1,
    resumed: item.resumed,
    outcome: "abandoned",
    deliveries: [],
  };
  const tenant = subject ? await tenantOf(subject.tenant_id) : undefined;
  if (!subject || !tenant) {
    // Deleted while the run was pending: nothing to post any more.
    await store.jobRuns.finish(run.run_key, deps.owner, "cancelled", clock.now());
    report.outcome = "cancelled";
    return report;
  }
  const env: RunEnvironment<S> = {
    run,
    subject,
    tenant,
    deps,
    ctx: {
      store,
      tenant,
      user: { id: subject.owner_id },
      channelId: subject.channel_id,
      platform: subject.platform,
      clock,
      ids: deps.ids,
      log,
    },
  };

  try {
    if (run.status === "claimed") {
      const prepared = def.prepare
        ? await def.prepare(env)
        : { channels: [{ platform: subject.platform, channelId: subject.channel_id }] };
      const mine = await store.transaction(async (trx) => {
        // The fenced status change goes first: on SQLite the first write takes the lock.
        if (!(await trx.jobRuns.markPrepared(run.run_key, deps.owner, clock.now()))) return false;
        await prepared.write?.(trx);
        await trx.deliveries.insertPending(
          prepared.channels.map((c) => ({
            // Derived, not generated: unique by construction, the same in every process.
            id: deliveryIdOf(run.run_key, c.channelId),
            run_key: run.run_key,
            tenant_id: run.tenant_id,
            platform: c.platform,
            channel_id: c.channelId,
          })),
          clock.now(),
        );
        return true;
      });
      if (!mine) return report;
    }

    const retry = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
    const sleep = deps.sleep ?? realSleep;
    const deliverEnv = {
      store,
      clock,
      log,
      sleep,
      random: deps.random ?? Math.random,
      pacer: deps.pacer ?? new ChannelPacer(clock, sleep),
      policy: retry,
      owner: deps.owner,
    };
    let abandoned = false;
    for (const delivery of await store.deliveries.listForRun(run.run_key)) {
      if (delivery.status !== "pending") {
        report.deliveries.push(deliveryReport(delivery));
        continue;
      }
      const poster = deps.posters[delivery.platform];
      if (!poster) {
        // Not connected here: leave it pending for a process that is (it resumes the run).
        abandoned = true;
        continue;
      }
      let reply: Reply;
      try {
        reply = await def.render(env, delivery);
        if (reply.charts?.length) reply.charts = await deps.rasterizer.renderAll(reply.charts);
      } catch (error) {
        const errorId = deps.ids.next("err-");
        log.error({ err: error, errorId }, "building the scheduled message failed");
        const text = `render_failed: could not build the message (error id ${errorId})`;
        await store.deliveries.recordAttempt(delivery.id, clock.now());
        await store.deliveries.markFailed(delivery.id, text, clock.now());
        await tellOwner(def, env, delivery, text);
        report.deliveries.push({
          channelId: delivery.channel_id,
          status: "failed",
          attempts: 1,
          error: text,
        });
        continue;
      }
      const outcome = await deliverWithRetries(
        deliverEnv,
        { runKey: run.run_key },
        delivery,
        poster,
        reply,
      );
      if (outcome.status === "abandoned") {
        abandoned = true;
        break;
      }
      if (outcome.status === "failed") await tellOwner(def, env, delivery, outcome.error);
      report.deliveries.push({
        channelId: delivery.channel_id,
        status: outcome.status,
        attempts: delivery.attempts + outcome.attempts,
        ...(outcome.status === "sent"
          ? { messageId: outcome.messageId }
          : { error: outcome.error }),
      });
    }
    if (abandoned) return report;

    const rows = report.deliveries;
    const sent = rows.filter((r) => r.status === "sent").length;
    const failed = rows.filter((r) => r.status === "failed").length;
    const outcome: JobRunOutcome =
      rows.length === 0 ? "nothing" : failed === 0 ? "sent" : sent === 0 ? "failed" : "partial";
    if (await store.jobRuns.finish(run.run_key, deps.owner, outcome, clock.now())) {
      report.outcome = outcome;
    }
    return report;
  } catch (error) {
    // A store or programming error: the run stays unfinished and is resumed after the lease.
    log.error({ err: error }, "job run failed; it will be resumed");
    return report;
  }
}

function deliveryReport(row: DeliveryRow): DeliveryReport {
  return {
    channelId: row.channel_id,
    status: row.status,
    attempts: row.attempts,
    ...(row.platform_message_id ? { messageId: row.platform_message_id } : {}),
    ...(row.last_error && row.status === "failed" ? { error: row.last_error } : {}),
  };
}

/** Tells the subscription's owner privately that a delivery failed, once per delivery. */
async function tellOwner<S extends JobSubject>(
  def: SlotJobDefinition<S>,
  env: RunEnvironment<S>,
  delivery: DeliveryRow,
  error: string,
): Promise<void> {
  const { deps, subject } = env;
  if (!(await deps.store.deliveries.claimOwnerNotice(delivery.id, deps.clock.now()))) return;
  const poster = deps.posters[subject.platform];
  if (!poster) return;
  const notice = def.failureNotice?.(env, delivery, error) ?? {
    title: `A scheduled ${def.name} could not be posted`,
    text: `Posting into \`${delivery.channel_id}\` failed: ${error}`,
    tone: "bad" as const,
    data: { failure: { run_key: env.run.run_key, channel: delivery.channel_id, error } },
  };
  const sleep = deps.sleep ?? realSleep;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      await poster.notifyUser(subject.owner_id, notice);
      return;
    } catch (caught) {
      const wait = (caught as { retryAfterMs?: number }).retryAfterMs ?? 1_000 * attempt;
      env.ctx.log.warn({ attempt, reason: String(caught) }, "could not tell the owner");
      if (attempt < 3) await sleep(Math.min(wait, 30_000));
    }
  }
}
