import { type FoldedPaths, PathFolder } from "../attribution/fold-paths";
import { MS_PER_DAY } from "../days";
import type { Journey } from "./build-journeys";

/**
 * Folds event-level journeys into distinct paths, keeping for time_decay the mean number of days
 * between each touch and the conversion (weighted by conversions, per path position).
 *
 * @example foldJourneys(buildJourneys(rows)).totals // { conversions, value, nulls, journeys }
 */
export function foldJourneys(journeys: Iterable<Journey>): FoldedPaths {
  const folder = new PathFolder();
  for (const journey of journeys) {
    if (journey.channels.length === 0) continue;
    const converted = journey.conversions > 0 && journey.convertedAt !== undefined;
    const daysBefore = converted
      ? journey.times.map((t) => Math.max(0, ((journey.convertedAt as number) - t) / MS_PER_DAY))
      : undefined;
    folder.add(
      journey.channels,
      journey.conversions,
      journey.value,
      journey.conversions > 0 ? 0 : 1,
      daysBefore,
    );
  }
  return folder.finish();
}
