import type { Campaign, CampaignType, MetricTotals, Platform } from "../store/schema";
import { CAMPAIGN_TYPES, PLATFORMS } from "../store/schema";
import { addDays, daysBetween, dayToEpoch, startOfIsoWeek } from "./days";
import { addTotals, emptyTotals } from "./kpis";

/**
 * Groups rows by a key and sums their totals. Keys should be primitives (Map identity); groups
 * keep the order in which their key first appears.
 *
 * @example totalsBy(dailyRows, (r) => r.campaign_id).get("cmp-001")?.spend
 */
export function totalsBy<R extends MetricTotals, K>(
  rows: Iterable<R>,
  keyOf: (row: R) => K,
): Map<K, MetricTotals> {
  const out = new Map<K, MetricTotals>();
  for (const row of rows) {
    const key = keyOf(row);
    out.set(key, addTotals(out.get(key) ?? emptyTotals(), row));
  }
  return out;
}

/**
 * Totals per campaign id.
 *
 * @example totalsByCampaign(dailyRows).get("cmp-001")
 */
export function totalsByCampaign(
  rows: Iterable<MetricTotals & { campaign_id: string }>,
): Map<string, MetricTotals> {
  return totalsBy(rows, (r) => r.campaign_id);
}

/**
 * Totals per platform, from per-campaign totals and the campaign list. Every platform that has a
 * campaign in the list appears (zero totals when it has no rows), in `PLATFORMS` order. Totals for
 * ids missing from the list are ignored: only the caller knows which campaigns are in scope.
 *
 * @example totalsByPlatform(totalsByCampaign(rows), campaigns).get("tiktok")?.clicks
 */
export function totalsByPlatform(
  perCampaign: ReadonlyMap<string, MetricTotals>,
  campaigns: Iterable<Pick<Campaign, "id" | "platform">>,
): Map<Platform, MetricTotals> {
  return totalsByField(perCampaign, campaigns, (c) => c.platform, PLATFORMS);
}

/**
 * Totals per campaign type (awareness, engagement, conversion); same rules as
 * {@link totalsByPlatform}.
 *
 * @example totalsByType(totalsByCampaign(rows), campaigns).get("conversion")?.revenue
 */
export function totalsByType(
  perCampaign: ReadonlyMap<string, MetricTotals>,
  campaigns: Iterable<Pick<Campaign, "id" | "type">>,
): Map<CampaignType, MetricTotals> {
  return totalsByField(perCampaign, campaigns, (c) => c.type, CAMPAIGN_TYPES);
}

function totalsByField<C extends { id: string }, K extends string>(
  perCampaign: ReadonlyMap<string, MetricTotals>,
  campaigns: Iterable<C>,
  fieldOf: (campaign: C) => K,
  order: readonly K[],
): Map<K, MetricTotals> {
  const sums = new Map<K, MetricTotals>();
  const seen = new Set<string>();
  for (const c of campaigns) {
    // A campaign listed twice must not count twice.
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const key = fieldOf(c);
    const totals = perCampaign.get(c.id) ?? emptyTotals();
    sums.set(key, addTotals(sums.get(key) ?? emptyTotals(), totals));
  }
  const out = new Map<K, MetricTotals>();
  for (const key of order) {
    const t = sums.get(key);
    if (t) out.set(key, t);
  }
  return out;
}

export const GRAINS = ["day", "week", "month"] as const;
export type Grain = (typeof GRAINS)[number];

export interface Bucket {
  /** `YYYY-MM-DD` for days, the Monday's date for ISO weeks, `YYYY-MM` for months. */
  label: string;
  /** First and last day covered: the calendar bounds, clipped to the range when one is given. */
  from: string;
  to: string;
  totals: MetricTotals;
}

/**
 * Sums daily rows into day, ISO-week (Monday start) or calendar-month buckets, oldest first. With a
 * `range`, rows outside it are dropped and every bucket inside it appears, zero when empty, so
 * charts show gaps as zeros instead of joining the neighbours. Without one, only buckets that have
 * rows appear.
 *
 * @example
 * bucketDays(rows, "week", { from: "2026-02-01", to: "2026-02-28" }).map((b) => b.label)
 * // ["2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23"]
 */
export function bucketDays(
  rows: Iterable<MetricTotals & { day: string }>,
  grain: Grain,
  range?: { from: string; to: string },
): Bucket[] {
  if (range && daysBetween(range.from, range.to) < 0) {
    throw new RangeError(`bucketDays: range ends (${range.to}) before it starts (${range.from})`);
  }
  const sums = new Map<string, MetricTotals>();
  for (const row of rows) {
    if (range && (row.day < range.from || row.day > range.to)) continue;
    const start = bucketStart(row.day, grain);
    sums.set(start, addTotals(sums.get(start) ?? emptyTotals(), row));
  }

  const starts = range ? startsInRange(range.from, range.to, grain) : [...sums.keys()].sort();
  return starts.map((start) => {
    const end = bucketEnd(start, grain);
    return {
      label: grain === "month" ? start.slice(0, 7) : start,
      from: range && range.from > start ? range.from : start,
      to: range && range.to < end ? range.to : end,
      totals: sums.get(start) ?? emptyTotals(),
    };
  });
}

function bucketStart(day: string, grain: Grain): string {
  dayToEpoch(day); // validates: a malformed day from a bad import must not form its own bucket
  if (grain === "week") return startOfIsoWeek(day);
  if (grain === "month") return `${day.slice(0, 7)}-01`;
  return day;
}

function bucketEnd(start: string, grain: Grain): string {
  if (grain === "day") return start;
  if (grain === "week") return addDays(start, 6);
  return addDays(nextMonthStart(start), -1);
}

function nextBucketStart(start: string, grain: Grain): string {
  if (grain === "day") return addDays(start, 1);
  if (grain === "week") return addDays(start, 7);
  return nextMonthStart(start);
}

function nextMonthStart(monthStart: string): string {
  const year = Number(monthStart.slice(0, 4));
  const month = Number(monthStart.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

function startsInRange(from: string, to: string, grain: Grain): string[] {
  const out: string[] = [];
  const last = bucketStart(to, grain);
  for (let s = bucketStart(from, grain); s <= last; s = nextBucketStart(s, grain)) out.push(s);
  return out;
}
