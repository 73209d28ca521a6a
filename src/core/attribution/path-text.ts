/**
 * How channel names and path text are normalised, once, for every source (event-level
 * touchpoints, path exports, CSV imports): the same journey must fold into the same path whoever
 * wrote it down.
 */

/** Separator in stored and displayed path text: `facebook > email > google`. */
export const PATH_SEPARATOR = " > ";

/**
 * A channel name as stored: trimmed, lower case, inner whitespace as one `_`, so names are safe
 * keys in `Reply.data` (`data.models.linear.organic_search`).
 *
 * @example normalizeChannel("  Organic   Search ") // "organic_search"
 */
export function normalizeChannel(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, "_");
}

/**
 * Splits path text on `>` into normalised channel names; empty steps are dropped.
 *
 * @example parsePath("Facebook > Email >  Search") // ["facebook", "email", "search"]
 */
export function parsePath(text: string): string[] {
  const channels: string[] = [];
  for (const part of text.split(">")) {
    const channel = normalizeChannel(part);
    if (channel !== "") channels.push(channel);
  }
  return channels;
}

/**
 * Channel names joined as stored path text.
 *
 * @example formatPath(["facebook", "email"]) // "facebook > email"
 */
export function formatPath(channels: readonly string[]): string {
  return channels.join(PATH_SEPARATOR);
}

/**
 * The canonical text of a path, as `journey_paths.path` stores it (the primary key relies on it).
 *
 * @example normalizePath("Facebook>Email > Organic Search") // "facebook > email > organic_search"
 */
export function normalizePath(text: string): string {
  return formatPath(parsePath(text));
}
