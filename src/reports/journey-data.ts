import type { Context } from "../bot/context";
import { UserError } from "../bot/errors";
import { type FoldedPaths, PathFolder } from "../core/attribution/fold-paths";
import { parsePath } from "../core/attribution/path-text";
import { buildJourneys, type Journey } from "../core/journeys/build-journeys";
import { foldJourneys } from "../core/journeys/fold-journeys";
import type { Period } from "../core/period";
import { periodInstants } from "./period-instants";

/** The journeys of a period, folded, and where they came from. */
export interface JourneyData {
  /**
   * `touchpoints`: event-level journeys that ended in the period (with timestamps);
   * `paths`: path aggregates of the export days in the period (no timestamps).
   */
  source: "touchpoints" | "paths";
  folded: FoldedPaths;
  /** Event-level journeys (touchpoints source only): time-to-conversion needs them. */
  journeys?: Journey[];
}

/**
 * Loads the tenant's journeys for a period. Event-level touchpoints win when there are any in
 * the period (they carry timestamps and fold to the same paths); otherwise the path aggregates
 * imported for days in the period are used. Never both: a tenant that imports both would count
 * its journeys twice. No journeys at all is a UserError saying how to load some.
 */
export async function loadJourneyData(ctx: Context, period: Period): Promise<JourneyData> {
  const rows = await ctx.store.journeys.touchpointsOfJourneysEnding(
    ctx.tenant.id,
    periodInstants(period, ctx.tenant.timezone),
  );
  if (rows.length > 0) {
    const journeys = buildJourneys(rows);
    return { source: "touchpoints", folded: foldJourneys(journeys), journeys };
  }
  const paths = await ctx.store.journeys.pathTotals(ctx.tenant.id, period);
  const folder = new PathFolder();
  for (const row of paths) {
    const channels = parsePath(row.path);
    if (channels.length > 0) folder.add(channels, row.conversions, row.conversion_value, row.nulls);
  }
  const folded = folder.finish();
  if (folded.pathCount === 0) {
    throw new UserError(`No customer journeys recorded in ${period.label}.`, "no_data", [
      "Journeys come from touchpoint or path exports (`adpulse import`), or `adpulse seed --demo`.",
      "Try a longer period, e.g. `last 90d`.",
    ]);
  }
  return { source: "paths", folded };
}
