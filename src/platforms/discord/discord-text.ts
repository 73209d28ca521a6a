/**
 * Text helpers for Discord: length cuts that never split a character, and markdown cuts that do
 * not leave a bold or code span open. The Reply markdown subset (`**bold**`, `_italic_`,
 * `` `code` ``, `- ` lists) is native Discord markdown, so no conversion is needed.
 */

const ELLIPSIS = "…";

/** Plain text on one line (titles, field names, button labels). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * Cuts `text` to at most `max` UTF-16 units (what JS counts; never more than Discord's
 * characters), ending with `…`. Never splits a surrogate pair.
 *
 * @example truncate("Spring Sale — Retargeting", 12) // "Spring Sale…"
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  return `${text.slice(0, safeCut(text, max - ELLIPSIS.length)).trimEnd()}${ELLIPSIS}`;
}

/**
 * Cuts markdown to at most `max` units at a line or word boundary, closes a `**` or `` ` `` span
 * left open by the cut and marks the cut with ` _(cut)_`.
 */
export function truncateMarkdown(markdown: string, max: number): string {
  if (markdown.length <= max) return markdown;
  const marker = " _(cut)_";
  // Room for the marker and for closing a bold span and a code span.
  const room = Math.max(0, max - marker.length - 3);
  let cut = markdown.lastIndexOf("\n", room);
  if (cut < room / 2) cut = markdown.lastIndexOf(" ", room);
  if (cut < room / 2) cut = safeCut(markdown, room);
  let head = markdown.slice(0, cut).trimEnd();
  if ((head.match(/`/g)?.length ?? 0) % 2 === 1) head += "`";
  const outsideCode = head.replace(/`[^`]*`/g, "");
  if ((outsideCode.match(/\*\*/g)?.length ?? 0) % 2 === 1) head += "**";
  return `${head}${marker}`;
}

/** An index at or before `at` that does not fall between the two halves of a surrogate pair. */
function safeCut(text: string, at: number): number {
  let cut = Math.max(0, Math.min(at, text.length));
  const code = text.charCodeAt(cut - 1);
  if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}
