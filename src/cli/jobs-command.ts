import type { Command } from "commander";
import { findJob, jobs } from "../../jobs/index";
import type { JobRunSummary } from "../scheduler/slot-job";
import { createJobDependencies } from "../scheduler/start-job-scheduler";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "./cli-errors";
import { withServices } from "./with-services";

interface RunOptions {
  at?: string;
  json?: boolean;
  verbose?: boolean;
}

/**
 * `adpulse jobs run <job> [--at ISO]`: runs the slots due at that instant through exactly the
 * code the scheduler ticks (claims, late policy, resuming dead runs, delivery ledger). Safe to
 * run from several processes at once, and to run again: what was posted is not posted twice.
 * Exits 1 when any delivery failed. `adpulse jobs list` names the jobs.
 */
export function registerJobsCommand(program: Command): void {
  const group = program.command("jobs").description("run scheduled jobs (digests, alerts) by hand");
  group
    .command("list")
    .description("list the scheduled jobs")
    .action(() => {
      for (const job of jobs) process.stdout.write(`${job.name.padEnd(10)} ${job.description}\n`);
    });
  group
    .command("run")
    .description("run the slots of <job> due at --at (default: now)")
    .argument("<job>", `one of: ${jobs.map((j) => j.name).join(", ")}`)
    .option("--at <iso>", "the instant to evaluate, e.g. 2026-11-23T08:00:00Z")
    .option("--json", "print the summary as JSON")
    .option("--verbose", "log to stderr (at LOG_LEVEL)")
    .action(async (name: string, opts: RunOptions) => {
      const job = findJob(name);
      if (!job) {
        throw new UsageError(
          `Unknown job "${name}". Jobs: ${jobs.map((j) => j.name).join(", ")} (adpulse jobs list).`,
        );
      }
      const at = opts.at === undefined ? undefined : parseInstant(opts.at);
      process.exitCode = await withServices(
        async (services) => {
          // Console "channels" print; keep them off stdout when stdout carries JSON.
          const deps = await createJobDependencies(services, {
            consoleOutput: opts.json ? process.stderr : process.stdout,
          });
          const summary = await job.run(deps, at ?? services.clock.now());
          process.stdout.write(
            opts.json ? `${JSON.stringify(summary, null, 2)}\n` : describe(summary),
          );
          return summary.failed > 0 ? EXIT_FAILURE : EXIT_OK;
        },
        { verbose: opts.verbose },
      );
    });
}

function parseInstant(text: string): Date {
  // A date alone or a local time would be read in the machine's zone: insist on an instant.
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const at = new Date(text);
  if (!ok || Number.isNaN(at.getTime())) {
    throw new UsageError(
      `--at "${text}" is not an ISO-8601 instant: write it with a zone, e.g. 2026-11-23T08:00:00Z or 2026-11-23T09:00:00+01:00`,
    );
  }
  return at;
}

function describe(s: JobRunSummary): string {
  const lines = [
    `${s.job} at ${s.at}: ${s.claimed} claimed here${s.late ? ` (${s.late} late)` : ""}, ${s.resumed} resumed, ${s.claimedElsewhere} claimed by another process, ${s.skipped} skipped late; ${s.sent} sent, ${s.failed} failed`,
  ];
  for (const run of s.runs) {
    const flags = [run.late ? "late" : "", run.resumed ? "resumed" : ""].filter(Boolean).join(", ");
    lines.push(`  ${run.runKey} → ${run.outcome}${flags ? ` (${flags})` : ""}`);
    for (const d of run.deliveries) {
      const detail = d.status === "sent" ? d.messageId : d.error;
      lines.push(
        `    ${d.channelId}: ${d.status} after ${d.attempts} attempt${d.attempts === 1 ? "" : "s"}${detail ? ` — ${detail}` : ""}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
