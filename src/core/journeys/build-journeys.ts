import { normalizeChannel } from "../attribution/path-text";

/** One touchpoint as the store holds it (`journey_touchpoints`). */
export interface TouchRow {
  journey_id: string;
  /** ISO timestamp, UTC. */
  touched_at: string;
  channel: string;
  /** 1 (or true) when the journey converted at this touch. */
  is_conversion: number | boolean;
  conversion_value: number;
}

/** A journey ready to fold: its touches in time order, up to its last conversion. */
export interface Journey {
  id: string;
  /** Normalised channel names, one per touch. */
  channels: string[];
  /** Epoch milliseconds, one per touch, ascending. */
  times: number[];
  conversions: number;
  value: number;
  /** When it (last) converted, epoch ms; undefined for a journey that did not convert. */
  convertedAt?: number;
}

/**
 * Groups touchpoints into journeys, in time order (ties by channel name, so the result does not
 * depend on row order). A converting journey ends at its last conversion touch: touches after it
 * are post-purchase engagement, not part of the path to conversion, and are dropped. It counts
 * one conversion per conversion touch, with their summed value. A journey without a conversion
 * keeps all its touches and counts as one null (non-converting) journey.
 *
 * @example
 * buildJourneys([
 *   { journey_id: "j1", touched_at: "2026-01-02T10:00:00.000Z", channel: "Email", is_conversion: 1, conversion_value: 80 },
 *   { journey_id: "j1", touched_at: "2026-01-01T09:00:00.000Z", channel: "facebook", is_conversion: 0, conversion_value: 0 },
 * ])
 * // [{ id: "j1", channels: ["facebook", "email"], conversions: 1, value: 80, convertedAt: …, times: […] }]
 */
export function buildJourneys(rows: Iterable<TouchRow>): Journey[] {
  const byJourney = new Map<string, { at: number; channel: string; row: TouchRow }[]>();
  for (const row of rows) {
    const at = Date.parse(row.touched_at);
    if (Number.isNaN(at)) {
      throw new RangeError(
        `touchpoint of journey ${row.journey_id} has no valid time: "${row.touched_at}"`,
      );
    }
    const touches = byJourney.get(row.journey_id) ?? [];
    touches.push({ at, channel: normalizeChannel(row.channel), row });
    byJourney.set(row.journey_id, touches);
  }
  const journeys: Journey[] = [];
  for (const [id, touches] of byJourney) {
    touches.sort(
      (a, b) => a.at - b.at || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0),
    );
    let lastConversion = -1;
    let conversions = 0;
    let value = 0;
    touches.forEach((touch, i) => {
      if (touch.row.is_conversion === 1 || touch.row.is_conversion === true) {
        lastConversion = i;
        conversions++;
        value += Number(touch.row.conversion_value) || 0;
      }
    });
    const kept = lastConversion >= 0 ? touches.slice(0, lastConversion + 1) : touches;
    journeys.push({
      id,
      channels: kept.map((t) => t.channel),
      times: kept.map((t) => t.at),
      conversions,
      value,
      ...(lastConversion >= 0
        ? { convertedAt: (touches[lastConversion] as { at: number }).at }
        : {}),
    });
  }
  return journeys;
}
