import { colorsFor } from "../palette";
import { listForAltText } from "./chart-base";

// What scatter and bubble charts share: which points can be drawn, their series, when they are
// named on the plot, and how their altText says what is shown and what is not.

/** The series of points that name no group. */
const UNGROUPED = "All";
/** Past this many points, names next to them overlap into an unreadable mass. */
const MAX_AUTO_LABELLED_POINTS = 20;

/** A point with both coordinates: one that can be drawn. */
export type Placed<P> = P & { x: number; y: number };

export interface PointGroups<P> {
  /** Group names in first-seen order: a dataset and a legend entry each. */
  names: string[];
  /** One colour per name (platform colours when the groups are platforms). */
  colors: string[];
  /** Each group's points, in `names` order. */
  points: P[][];
  /** False when no point names a group: a single series, with no legend worth drawing. */
  grouped: boolean;
}

/**
 * Whether a point has both coordinates; the others cannot be drawn and are named in altText.
 *
 * @example
 * points.filter(hasCoordinates);
 */
export function hasCoordinates<P extends { x: number | null; y: number | null }>(
  p: P,
): p is Placed<P> {
  return p.x !== null && p.y !== null && Number.isFinite(p.x) && Number.isFinite(p.y);
}

/**
 * Splits the points of a scatter or bubble chart into one series per group.
 *
 * @example
 * groupPoints([{ group: "google" }, {}]).names; // ["google", "All"]
 */
export function groupPoints<P extends { group?: string }>(points: readonly P[]): PointGroups<P> {
  const names = [...new Set(points.map((p) => p.group ?? UNGROUPED))];
  return {
    names,
    colors: colorsFor(names),
    points: names.map((name) => points.filter((p) => (p.group ?? UNGROUPED) === name)),
    grouped: names.length > 1 || names[0] !== UNGROUPED,
  };
}

/**
 * Whether to write each point's name beside it: as asked, else only while there are few enough
 * to stay readable (the altText and the terminal list name them all anyway).
 *
 * @example
 * namesPoints(undefined, 12); // true
 */
export function namesPoints(asked: boolean | undefined, plotted: number): boolean {
  return asked ?? plotted <= MAX_AUTO_LABELLED_POINTS;
}

/**
 * What a point chart's altText says it shows, after "… of Y against X".
 *
 * @example
 * pointsPhrase(4, groups); // "for 4 points in 2 groups (instagram and tiktok)"
 */
export function pointsPhrase(plotted: number, groups: PointGroups<unknown>): string {
  const { names } = groups;
  return (
    `for ${plotted} point${plotted === 1 ? "" : "s"}` +
    (groups.grouped
      ? ` in ${names.length} group${names.length === 1 ? "" : "s"} (${listForAltText(names, 5)})`
      : "")
  );
}

/**
 * The altText sentence naming the points left out for lack of data, or null when all are drawn.
 *
 * @example
 * unplottedNote(points, plotted); // "Not shown for lack of data: @d and @e."
 */
export function unplottedNote(
  points: readonly { label: string }[],
  plotted: readonly unknown[],
): string | null {
  // A Set: a scatter of thousands of users would make `plotted.includes` quadratic.
  const shown = new Set(plotted);
  const missing = points.filter((p) => !shown.has(p));
  if (missing.length === 0) return null;
  return `Not shown for lack of data: ${listForAltText(
    missing.map((p) => p.label),
    5,
  )}.`;
}
