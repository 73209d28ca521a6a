/**
 * Text helpers for Slack's `mrkdwn`: escaping, the Reply-markdown conversion and length cuts that
 * never leave a broken character or entity behind.
 */

const ELLIPSIS = "…";

/**
 * Escapes Slack's three control characters. Everything that reaches Slack goes through this, so a
 * campaign named `<!channel>` shows as text instead of paging the whole channel.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Converts the Reply markdown subset to Slack mrkdwn (escaped): `**bold**` → `*bold*`; `_italic_`
 * and `` `code` `` are the same in both; `- ` list items become `•` bullets because mrkdwn has no
 * list syntax and a bare dash reads like a minus sign next to figures.
 *
 * @example markdownToMrkdwn("**ROI** up\n- A & B") // "*ROI* up\n• A &amp; B"
 */
export function markdownToMrkdwn(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      const item = /^(\s*)- (.*)$/.exec(line);
      if (!item) return convertInline(line);
      return `${item[1] ?? ""}• ${convertInline(item[2] ?? "")}`;
    })
    .join("\n");
}

/** Bold conversion outside code spans only: `**` inside backticks is literal. */
function convertInline(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) =>
      i % 2 === 1 ? escapeMrkdwn(part) : escapeMrkdwn(part).replace(/\*\*(.+?)\*\*/g, "*$1*"),
    )
    .join("");
}

/** Plain text on one line (header blocks and button labels take no newlines). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * Cuts `text` to at most `max` UTF-16 units (the unit JS counts; never more than Slack's
 * characters), ending with `…`. Never splits a surrogate pair, and never an `&amp;`-style entity
 * when `entities` is set (a half entity shows as garbage).
 */
export function truncate(text: string, max: number, options: { entities?: boolean } = {}): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - ELLIPSIS.length, options.entities ?? false))}${ELLIPSIS}`;
}

/** Like `truncate` for mrkdwn that was escaped already. */
export function truncateMrkdwn(text: string, max: number): string {
  return truncate(text, max, { entities: true });
}

/**
 * Splits escaped mrkdwn into chunks of at most `max` units, preferring paragraph, then line, then
 * word boundaries, so a long answer becomes several readable sections instead of one cut-off one.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = lastBoundary(window, "\n\n", max);
    if (cut < max / 3) cut = lastBoundary(window, "\n", max);
    if (cut < max / 3) cut = lastBoundary(window, " ", max);
    if (cut < max / 3) cut = safeCut(rest, max, true);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

function lastBoundary(window: string, separator: string, max: number): number {
  const at = window.lastIndexOf(separator, max);
  return at <= 0 ? -1 : at;
}

function safeCut(text: string, at: number, entities: boolean): number {
  let cut = Math.max(0, Math.min(at, text.length));
  const code = text.charCodeAt(cut - 1);
  if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut -= 1;
  if (entities) {
    // `&amp;` is the longest entity we produce: an `&` in the last 4 units without its `;` would
    // be cut in half.
    const amp = text.lastIndexOf("&", cut - 1);
    if (amp >= 0 && cut - amp < 5 && !text.slice(amp, cut).includes(";")) cut = amp;
  }
  return cut;
}
