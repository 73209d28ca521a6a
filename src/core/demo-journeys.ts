import type { JourneyTouchpoint, Platform } from "../store/schema";
import { addDays, isIsoDay, isoWeekday, MS_PER_DAY, utcDayOf } from "./days";
import { createRng, meanOneLognormal, type Rng, weightedIndex } from "./random";

/** Channels of the demo journeys: the five ad platforms plus owned and organic channels. */
export const DEMO_CHANNELS = [
  "facebook",
  "instagram",
  "tiktok",
  "google",
  "linkedin",
  "email",
  "organic_search",
  "direct",
] as const;
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

export interface DemoJourneysOptions {
  tenantId: string;
  /** Last day of the window; journeys end before it (no touch lies in the future). */
  endDay: string;
  /** Window length in days (default 180). */
  days?: number;
  /** How many journeys (default 4,000). */
  count?: number;
  seed?: number;
  /** Demo campaigns, so paid touches name a campaign of their platform running that day. */
  campaigns?: readonly {
    id: string;
    platform: Platform;
    start_date: string;
    end_date: string | null;
  }[];
}

type Weights = Readonly<Record<DemoChannel, number>>;

// Who starts, continues and ends journeys. Social discovers, search and email close: the shape
// marketers see in every path report, and what makes first- and last-touch disagree.
const FIRST: Weights = {
  facebook: 22,
  instagram: 20,
  tiktok: 16,
  linkedin: 8,
  google: 13,
  organic_search: 12,
  direct: 4,
  email: 5,
};
const MIDDLE: Weights = {
  facebook: 13,
  instagram: 14,
  tiktok: 8,
  linkedin: 5,
  google: 15,
  organic_search: 13,
  direct: 6,
  email: 22,
};
const LAST: Weights = {
  facebook: 6,
  instagram: 5,
  tiktok: 3,
  linkedin: 3,
  google: 30,
  organic_search: 16,
  direct: 16,
  email: 21,
};
/** Share of journeys by number of touches (1 to 10). */
const LENGTHS = [24, 24, 18, 12, 8, 6, 4, 2, 1, 1] as const;
/** Mean days since the previous touch: email follows up fast, LinkedIn buyers take their time. */
const GAP_DAYS: Weights = {
  facebook: 1.6,
  instagram: 1.4,
  tiktok: 1.2,
  linkedin: 3.5,
  google: 1.2,
  organic_search: 1.5,
  direct: 1,
  email: 0.7,
};
/** Relative activity by hour of day (UTC): lunch and evening peaks. */
const HOURS = [
  1, 0.5, 0.3, 0.3, 0.4, 0.8, 1.5, 2.5, 3.5, 4, 4.5, 5, 6.5, 6, 5, 4.5, 4.5, 5, 6, 7, 7.5, 6.5, 4,
  2,
] as const;
const PAID = new Set<string>(["facebook", "instagram", "tiktok", "google", "linkedin"]);
const SOCIAL = new Set<string>(["facebook", "instagram", "tiktok"]);
const CLOSERS = new Set<string>(["google", "email", "organic_search", "direct"]);

/**
 * Deterministic event-level journeys for the demo tenant: a few thousand journeys of 1–10 touches
 * over the window, social channels introducing, search, email and direct closing, conversion odds
 * that depend on the channels and their order (social → search converts better than the
 * reverse), values around $90 (B2B journeys through LinkedIn larger), and touch times with lunch
 * and evening peaks. Converting journeys convert at their last touch.
 *
 * @example generateDemoJourneys({ tenantId: "local", endDay: "2026-11-22" }).length // ≈ 11,000 touches
 */
export function generateDemoJourneys(options: DemoJourneysOptions): JourneyTouchpoint[] {
  const { tenantId, endDay, days = 180, count = 4000, seed = 4242 } = options;
  if (!isIsoDay(endDay))
    throw new RangeError(`endDay "${endDay}" must be a day written YYYY-MM-DD`);
  if (!Number.isInteger(days) || days < 2) throw new RangeError(`days must be a whole number ≥ 2`);
  const rng = createRng(seed);
  const windowStart = Date.parse(`${addDays(endDay, 1 - days)}T00:00:00.000Z`);
  const windowEnd = Date.parse(`${endDay}T00:00:00.000Z`);
  const rows: JourneyTouchpoint[] = [];
  for (let j = 0; j < count; j++) {
    const length = 1 + weightedIndex(rng, LENGTHS);
    const channels = pickChannels(rng, length);
    const converted = rng.chance(conversionOdds(channels));
    // The journey ends on a day of the window (weekdays a little busier), at a typical hour.
    let endDayIndex = rng.int(0, days - 2);
    const weekday = isoWeekday(addDays(endDay, 1 - days + endDayIndex));
    // Redraw (never skip: every id exists on every seed, so a re-seed replaces them all).
    if (weekday >= 6 && rng.chance(0.2)) endDayIndex = rng.int(0, days - 2);
    const end =
      windowStart +
      endDayIndex * MS_PER_DAY +
      weightedIndex(rng, HOURS) * 3_600_000 +
      rng.int(0, 3599) * 1000;
    const times = touchTimes(rng, channels, Math.min(end, windowEnd - 1000), windowStart);
    const value = converted ? conversionValue(rng, channels) : 0;
    const id = `demo-j-${String(j + 1).padStart(5, "0")}`;
    channels.forEach((channel, i) => {
      const last = i === channels.length - 1;
      rows.push({
        tenant_id: tenantId,
        journey_id: id,
        touched_at: new Date(times[i] as number).toISOString(),
        channel,
        campaign_id: PAID.has(channel)
          ? campaignFor(rng, options.campaigns, channel as Platform, times[i] as number)
          : null,
        is_conversion: converted && last ? 1 : 0,
        conversion_value: converted && last ? value : 0,
      });
    });
  }
  return rows;
}

function pickChannels(rng: Rng, length: number): DemoChannel[] {
  const channels: DemoChannel[] = [pick(rng, FIRST)];
  for (let i = 1; i < length; i++) {
    const previous = channels[i - 1] as DemoChannel;
    // People come back through the same channel now and then (retargeting, a second email).
    if (rng.chance(0.12)) {
      channels.push(previous);
      continue;
    }
    channels.push(pick(rng, i === length - 1 ? LAST : MIDDLE));
  }
  return channels;
}

function conversionOdds(channels: readonly DemoChannel[]): number {
  const first = channels[0] as DemoChannel;
  const last = channels[channels.length - 1] as DemoChannel;
  const set = new Set(channels);
  let p = 0.1 + 0.045 * Math.min(channels.length - 1, 4);
  if (set.has("email")) p += 0.07;
  if (last === "google" || last === "direct") p += 0.06;
  if (set.has("linkedin")) p += 0.03;
  // Order matters: discovered on social and closed by search/email beats the reverse.
  if (SOCIAL.has(first) && CLOSERS.has(last)) p += 0.08;
  if (CLOSERS.has(first) && SOCIAL.has(last)) p -= 0.06;
  if (channels.every((c) => c === "tiktok")) p -= 0.05;
  return Math.min(0.75, Math.max(0.02, p));
}

function conversionValue(rng: Rng, channels: readonly DemoChannel[]): number {
  const b2b = channels.includes("linkedin") ? 1.8 : 1;
  const value = 90 * b2b * meanOneLognormal(rng, 0.45);
  return Math.round(value * 100) / 100;
}

/** Walks back from the last touch; gaps shrink to fit if they would leave the window. */
function touchTimes(
  rng: Rng,
  channels: readonly DemoChannel[],
  end: number,
  windowStart: number,
): number[] {
  const gaps = channels.slice(1).map((channel) => {
    const days = -Math.log(1 - rng.next()) * GAP_DAYS[channel];
    return Math.max(120, Math.round(days * 86_400)) * 1000;
  });
  const total = gaps.reduce((a, b) => a + b, 0);
  const room = end - windowStart;
  const scale = total > room ? room / total : 1;
  const times = [end];
  for (let i = gaps.length - 1; i >= 0; i--) {
    // Whole seconds, and at least one apart, so (journey, time, channel) stays unique.
    const step = Math.max(1000, Math.floor(((gaps[i] as number) * scale) / 1000) * 1000);
    times.unshift((times[0] as number) - step);
  }
  return times;
}

function campaignFor(
  rng: Rng,
  campaigns: DemoJourneysOptions["campaigns"],
  platform: Platform,
  at: number,
): string | null {
  if (!campaigns) return null;
  const day = utcDayOf(at);
  const running = campaigns.filter(
    (c) =>
      c.platform === platform && c.start_date <= day && (c.end_date === null || c.end_date >= day),
  );
  return running.length > 0 ? rng.pick(running).id : null;
}

function pick(rng: Rng, weights: Weights): DemoChannel {
  return DEMO_CHANNELS[
    weightedIndex(
      rng,
      DEMO_CHANNELS.map((c) => weights[c]),
    )
  ] as DemoChannel;
}
