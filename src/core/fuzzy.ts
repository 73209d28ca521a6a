import { distance } from "fastest-levenshtein";

export interface NameCandidate {
  id: string;
  name: string;
}

export interface NameMatch<T extends NameCandidate> {
  /** Set only when one candidate is clearly meant. */
  match?: T;
  /** Closest candidates, best first: the ambiguous ones, or the nearest names when none fits. */
  suggestions: T[];
}

/**
 * Chat input can be anything (a pasted report, 4,000 characters of junk): comparing only a bounded
 * prefix keeps Levenshtein's quadratic cost flat. No campaign name needs more.
 */
const MAX_QUERY_CHARS = 256;
const MAX_COMPACT_CHARS = 120;
const MAX_QUERY_WORDS = 20;
/** Edit-distance similarity (0–1) from which a typo counts as the name. */
const SIMILARITY_THRESHOLD = 0.7;
/** Token-overlap score (0–1) from which shared words count as the name. */
const OVERLAP_THRESHOLD = 0.5;
/** How far the best must lead the runner-up, so near-ties become suggestions, not guesses. */
const MIN_LEAD = 0.1;

interface Prepared<T> {
  item: T;
  index: number;
  compact: string;
  words: string[];
}

/**
 * Resolves what a user typed to one candidate, in order of confidence: the exact id, the exact
 * name ignoring case, spaces and punctuation, a unique prefix, a unique substring, a name quoted
 * inside a longer query, shared words, then typo-tolerant edit distance. Several equally good
 * candidates give no match and come back as suggestions.
 *
 * @example
 * matchName("spring retarg", campaigns).match?.name // "Spring Sale — Retargeting"
 * matchName("sprnig sale", campaigns)
 * // { match: undefined, suggestions: [Spring Sale — Retargeting, Spring Sale — Prospecting, …] }
 */
export function matchName<T extends NameCandidate>(
  query: string,
  candidates: readonly T[],
  limit = 3,
): NameMatch<T> {
  const bounded = query.slice(0, MAX_QUERY_CHARS);
  const q = compact(bounded).slice(0, MAX_COMPACT_CHARS);
  if (q === "" || candidates.length === 0) return { suggestions: [] };

  const trimmed = bounded.trim();
  const byId = candidates.find((c) => c.id === trimmed);
  if (byId) return { match: byId, suggestions: [] };

  const prepared = candidates.map((item, index) => ({
    item,
    index,
    compact: compact(item.name),
    words: words(item.name),
  }));
  const qWords = words(bounded).slice(0, MAX_QUERY_WORDS);
  const rank = (list: Prepared<T>[]) => suggest(list, q, qWords, limit);

  const exact = prepared.filter((c) => c.compact === q);
  if (exact.length > 0) return decide(exact, rank);

  if (q.length >= 2) {
    const prefixed = prepared.filter((c) => c.compact.startsWith(q));
    if (prefixed.length > 0) return decide(prefixed, rank);
  }
  if (q.length >= 3) {
    const containing = prepared.filter((c) => c.compact.includes(q));
    if (containing.length > 0) return decide(containing, rank);
  }

  // "roi for brand lift q2 please": the query holds a whole name; the longest one is most specific.
  const quoted = prepared.filter((c) => c.compact.length >= 4 && q.includes(c.compact));
  if (quoted.length > 0) {
    const longest = Math.max(...quoted.map((c) => c.compact.length));
    return decide(
      quoted.filter((c) => c.compact.length === longest),
      rank,
    );
  }

  const overlap = best(prepared, (c) => overlapScore(qWords, c.words));
  if (overlap && overlap.score >= OVERLAP_THRESHOLD && overlap.lead >= MIN_LEAD) {
    return { match: overlap.item.item, suggestions: [] };
  }

  const similar = best(prepared, (c) => similarity(q, c.compact));
  if (similar && similar.score >= SIMILARITY_THRESHOLD && similar.lead >= MIN_LEAD) {
    return { match: similar.item.item, suggestions: [] };
  }

  return { suggestions: rank(prepared) };
}

/**
 * Candidates ordered by closeness to the query, best first (for autocomplete and "did you mean").
 *
 * @example closestNames("brand", campaigns, 2).map((c) => c.name) // ["Brand Lift Q2", …]
 */
export function closestNames<T extends NameCandidate>(
  query: string,
  candidates: readonly T[],
  limit = 3,
): T[] {
  const bounded = query.slice(0, MAX_QUERY_CHARS);
  const prepared = candidates.map((item, index) => ({
    item,
    index,
    compact: compact(item.name),
    words: words(item.name),
  }));
  return suggest(
    prepared,
    compact(bounded).slice(0, MAX_COMPACT_CHARS),
    words(bounded).slice(0, MAX_QUERY_WORDS),
    limit,
  );
}

function decide<T extends NameCandidate>(
  found: Prepared<T>[],
  rank: (list: Prepared<T>[]) => T[],
): NameMatch<T> {
  const [only] = found;
  if (found.length === 1 && only) return { match: only.item, suggestions: [] };
  return { suggestions: rank(found) };
}

function suggest<T>(list: Prepared<T>[], q: string, qWords: string[], limit: number): T[] {
  return list
    .map((c) => ({ c, score: closeness(q, qWords, c) }))
    .sort(
      (a, b) =>
        b.score - a.score || a.c.compact.length - b.c.compact.length || a.c.index - b.c.index,
    )
    .slice(0, Math.max(0, limit))
    .map((s) => s.c.item);
}

function closeness<T>(q: string, qWords: string[], c: Prepared<T>): number {
  if (q === "") return 0;
  const contained = c.compact.startsWith(q) ? 1 : c.compact.includes(q) ? 0.9 : 0;
  return Math.max(contained, overlapScore(qWords, c.words), similarity(q, c.compact));
}

function best<T>(
  list: Prepared<T>[],
  score: (c: Prepared<T>) => number,
): { item: Prepared<T>; score: number; lead: number } | undefined {
  let top: Prepared<T> | undefined;
  let first = -1;
  let second = -1;
  for (const c of list) {
    const s = score(c);
    if (s > first) {
      second = first;
      first = s;
      top = c;
    } else if (s > second) {
      second = s;
    }
  }
  return top ? { item: top, score: first, lead: first - Math.max(second, 0) } : undefined;
}

/**
 * Share of words in common, over the longer word list: "spring retargeting" shares 2 of 3 words
 * with "Spring Sale — Retargeting" (0.67). A word prefix ("retarg") or a one-letter typo in a long
 * word counts 0.8.
 */
function overlapScore(qWords: string[], nameWords: string[]): number {
  if (qWords.length === 0 || nameWords.length === 0) return 0;
  let sum = 0;
  for (const qw of qWords) {
    let wordBest = 0;
    for (const nw of nameWords) {
      wordBest = Math.max(wordBest, wordScore(qw, nw));
      if (wordBest === 1) break;
    }
    sum += wordBest;
  }
  return sum / Math.max(qWords.length, nameWords.length);
}

function wordScore(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length >= 3 && b.startsWith(a)) return 0.8;
  if (a.length >= 5 && b.length >= 5 && distance(a, b) <= 1) return 0.8;
  return 0;
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - distance(a, b) / longest;
}

/** Lower case, accents dropped ("Café" = "cafe"). */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** Letters and digits only: "Spring Sale — Retargeting" → "springsaleretargeting". */
function compact(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, "");
}

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}
