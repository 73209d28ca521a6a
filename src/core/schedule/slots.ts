import { DateTime } from "luxon";
import { addDays, isoWeekday } from "../days";
import { localDayOf, localTimeToInstant, zoneOffsetMinutes } from "./local-time";
import { type ScheduleSpec, timeParts } from "./schedule-spec";

const MINUTE = 60_000;
/** Far enough back to find the previous slot of any cadence (a monthly one is ≤ 31 days away). */
const LOOKBACK_DAYS = 62;

/**
 * Whether a daily/weekly/monthly schedule fires on a local calendar day.
 *
 * @example firesOn({ cadence: "monthly", time: "09:00", timezone: "UTC", day: 31 }, "2026-02-28") // true
 */
export function firesOn(spec: ScheduleSpec, day: string): boolean {
  switch (spec.cadence) {
    case "hourly":
    case "daily":
      return true;
    case "weekly":
      return isoWeekday(day) === (spec.day ?? 1);
    case "monthly": {
      const dom = Number(day.slice(8, 10));
      return dom === Math.min(spec.day ?? 1, lastDayOfMonth(day));
    }
  }
}

function lastDayOfMonth(day: string): number {
  const firstOfNext = DateTime.fromISO(`${day.slice(0, 7)}-01`, { zone: "utc" }).plus({
    months: 1,
  });
  return firstOfNext.minus({ days: 1 }).day;
}

/**
 * The instant a daily/weekly/monthly schedule fires on `day` (which must be a firing day), DST
 * resolved by {@link localTimeToInstant}.
 *
 * @example slotOn({ cadence: "daily", time: "01:30", timezone: "America/New_York" }, "2026-11-01")
 * // 2026-11-01T05:30:00.000Z — the first of the two 01:30s
 */
export function slotOn(spec: ScheduleSpec, day: string): Date {
  const { hour, minute } = timeParts(spec.time);
  return localTimeToInstant(day, hour, minute, spec.timezone).instant;
}

/**
 * The latest slot at or before `at`, or undefined when there is none within two months.
 *
 * @example latestSlotAtOrBefore({ cadence: "daily", time: "09:00", timezone: "Europe/Paris" },
 *   new Date("2026-11-23T08:30:00Z")) // 2026-11-23T08:00:00.000Z
 */
export function latestSlotAtOrBefore(spec: ScheduleSpec, at: Date): Date | undefined {
  if (spec.cadence === "hourly") return latestHourly(spec, at);
  const today = localDayOf(at, spec.timezone);
  // Start a day ahead: a slot is always on its own local day, but be generous at the edges.
  for (let back = -1; back <= LOOKBACK_DAYS; back += 1) {
    const day = addDays(today, -back);
    if (!firesOn(spec, day)) continue;
    const slot = slotOn(spec, day);
    if (slot.getTime() <= at.getTime()) return slot;
  }
  return undefined;
}

/**
 * The first slot strictly after `after`.
 *
 * @example nextSlotAfter({ cadence: "weekly", time: "09:00", timezone: "UTC" },
 *   new Date("2026-11-23T09:00:00Z")) // 2026-11-30T09:00:00.000Z (the next Monday)
 */
export function nextSlotAfter(spec: ScheduleSpec, after: Date): Date {
  if (spec.cadence === "hourly") {
    const latest = latestHourly(spec, after);
    // Hourly slots in whole-hour-offset zones are 60 minutes apart; step past and re-anchor.
    let probe = new Date((latest?.getTime() ?? after.getTime()) + 61 * MINUTE);
    let next = latestHourly(spec, probe);
    while (!next || next.getTime() <= after.getTime()) {
      probe = new Date(probe.getTime() + 30 * MINUTE);
      next = latestHourly(spec, probe);
    }
    return next;
  }
  const start = localDayOf(after, spec.timezone);
  for (let ahead = -1; ahead <= LOOKBACK_DAYS; ahead += 1) {
    const day = addDays(start, ahead);
    if (!firesOn(spec, day)) continue;
    const slot = slotOn(spec, day);
    if (slot.getTime() > after.getTime()) return slot;
  }
  throw new RangeError(`no slot within ${LOOKBACK_DAYS} days after ${after.toISOString()}`);
}

/**
 * Every slot in `(after, until]`, oldest first, at most `limit` of them.
 *
 * @example slotsBetween(daily0900Paris, new Date("2026-11-20T12:00:00Z"), new Date("2026-11-23T12:00:00Z")).length // 3
 */
export function slotsBetween(spec: ScheduleSpec, after: Date, until: Date, limit = 1000): Date[] {
  const slots: Date[] = [];
  let cursor = after;
  while (slots.length < limit) {
    const next = nextSlotAfter(spec, cursor);
    if (next.getTime() > until.getTime()) break;
    slots.push(next);
    cursor = next;
  }
  return slots;
}

/** Hourly: the latest instant ≤ `at` whose local minute is the spec's minute. */
function latestHourly(spec: ScheduleSpec, at: Date): Date | undefined {
  const { minute } = timeParts(spec.time);
  const start = Math.floor(at.getTime() / MINUTE) * MINUTE;
  for (let back = 0; back <= 60; back += 1) {
    const t = start - back * MINUTE;
    const local = t + zoneOffsetMinutes(spec.timezone, t) * MINUTE;
    if (Math.floor(local / MINUTE) % 60 === minute) return new Date(t);
  }
  return undefined;
}
