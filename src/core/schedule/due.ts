import type { ScheduleSpec } from "./schedule-spec";
import { latestSlotAtOrBefore, slotsBetween } from "./slots";

/**
 * What to do with a slot found late (the process was down, or stopped ticking, when it was due):
 * - `skip`: record it as skipped, post nothing (a "today's numbers" message hours late is noise);
 * - `once`: post it once, marked late. Several missed slots collapse into the latest one: a team
 *   back from a three-day outage gets one late digest, not three.
 */
export const LATE_POLICIES = ["once", "skip"] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

/**
 * A slot run more than this long after its time counts as late. Ticks come every minute, so an
 * on-time slot is seconds old; a quarter of an hour leaves room for a slow tick or a restart.
 */
export const LATE_AFTER_MS = 15 * 60_000;

export interface DueInput {
  spec: ScheduleSpec;
  /** The instant being evaluated ("now" of the tick, or `--at`). */
  at: Date;
  /** The latest slot already claimed or skipped for this subject; earlier slots never run again. */
  watermark?: Date;
  /** Slots before this (subscription created or resumed) never run. */
  activeFrom: Date;
  latePolicy: LatePolicy;
  lateAfterMs?: number;
}

export type DueDecision =
  | { action: "none" }
  /** Run `slot`; `missed` earlier slots since the watermark were never posted and won't be. */
  | { action: "run"; slot: Date; late: boolean; missed: number }
  /** Record `slot` as skipped (late under the `skip` policy). */
  | { action: "skip"; slot: Date; missed: number };

/**
 * Decides which slot of one subject is due at `at`. Only the latest slot at or before `at` can be
 * due: it must be newer than the watermark (so a clock stepping back, or the same `--at` run
 * again, finds nothing) and not older than `activeFrom`.
 *
 * @example
 * dueSlot({ spec: daily0900Paris, at: new Date("2026-11-23T08:00:30Z"),
 *   watermark: new Date("2026-11-22T08:00:00Z"), activeFrom, latePolicy: "once" })
 * // { action: "run", slot: 2026-11-23T08:00:00.000Z, late: false, missed: 0 }
 */
export function dueSlot(input: DueInput): DueDecision {
  const { spec, at, watermark, activeFrom } = input;
  const slot = latestSlotAtOrBefore(spec, at);
  if (!slot) return { action: "none" };
  if (slot.getTime() < activeFrom.getTime()) return { action: "none" };
  if (watermark && slot.getTime() <= watermark.getTime()) return { action: "none" };

  const floor = watermark ?? new Date(activeFrom.getTime() - 1);
  const missed = slotsBetween(spec, floor, new Date(slot.getTime() - 1), 1000).length;
  const late = at.getTime() - slot.getTime() > (input.lateAfterMs ?? LATE_AFTER_MS);
  if (late && input.latePolicy === "skip") return { action: "skip", slot, missed };
  return { action: "run", slot, late, missed };
}
