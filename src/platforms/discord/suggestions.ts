import { closestNames, fold as foldAccents } from "../../core/fuzzy";
import { parsePeriod } from "../../core/period";
import { DISCORD_LIMITS as L } from "./discord-limits";
import { truncate } from "./discord-text";

/** One autocomplete entry: `name` is shown, `value` is what the option receives if picked. */
export interface Suggestion {
  name: string;
  value: string;
}

/** What the period option suggests before anything is typed, most asked first. */
export const COMMON_PERIODS = [
  "last 7d",
  "last 30d",
  "last 90d",
  "this month",
  "last month",
  "this quarter",
  "last quarter",
  "this year",
  "yesterday",
  "today",
] as const;

/**
 * Period suggestions, each labelled with the days it covers in the tenant's timezone. What the
 * user typed comes first when it is a valid period of its own (`2026-01-01..2026-01-31`,
 * `last 2w`), so any period can be picked; Discord also lets the user send the typed text as is.
 * When nothing matches, all common periods are shown to teach the forms.
 *
 * @example suggestPeriods("last m", now, "UTC")[0] // { name: "last month · 2026-10-01 → 2026-10-31", value: "last month" }
 */
export function suggestPeriods(typed: string, now: Date, timezone: string): Suggestion[] {
  const query = typed.trim().replace(/\s+/g, " ");
  const lower = query.toLowerCase();
  const suggestions: Suggestion[] = [];
  const typedSpan = query && query.length <= L.choiceValue ? span(query, now, timezone) : undefined;
  const common = COMMON_PERIODS.filter((p) => p.includes(lower));
  if (typedSpan && !(COMMON_PERIODS as readonly string[]).includes(lower)) {
    suggestions.push({ name: label(query, typedSpan), value: query });
  }
  const shown = common.length > 0 || typedSpan ? common : COMMON_PERIODS;
  for (const phrase of shown) {
    const dates = span(phrase, now, timezone);
    suggestions.push({ name: dates ? label(phrase, dates) : phrase, value: phrase });
  }
  return suggestions.slice(0, L.autocompleteResults);
}

function span(text: string, now: Date, timezone: string): string | undefined {
  try {
    const period = parsePeriod(text, now, timezone);
    return period.from === period.to ? period.from : `${period.from} → ${period.to}`;
  } catch {
    return undefined;
  }
}

function label(phrase: string, dates: string): string {
  return truncate(`${phrase} · ${dates}`, L.choiceName);
}

export interface CampaignCandidate {
  id: string;
  name: string;
  platform?: string;
}

/**
 * Campaign suggestions from the tenant's own campaigns: names (or ids) containing what was typed,
 * those starting with it first; typo-tolerant closest names when none contains it. The value is
 * the campaign id, which the dispatcher resolves exactly (names may be longer than Discord's 100
 * characters for a value and are not unique).
 *
 * @example suggestCampaigns("spring", campaigns)[0] // { name: "Spring Sale — Prospecting (facebook)", value: "c-01" }
 */
export function suggestCampaigns(
  typed: string,
  campaigns: readonly CampaignCandidate[],
): Suggestion[] {
  const query = fold(typed.trim());
  let picked: CampaignCandidate[];
  if (!query) {
    picked = [...campaigns];
  } else {
    const matches = campaigns
      .map((c, index) => ({ c, index, at: fold(c.name).indexOf(query) }))
      .filter((m) => m.at >= 0 || fold(m.c.id) === query);
    matches.sort(
      (a, b) =>
        rank(a.at) - rank(b.at) ||
        a.at - b.at ||
        a.c.name.localeCompare(b.c.name) ||
        a.index - b.index,
    );
    picked = matches.length > 0 ? matches.map((m) => m.c) : closestNames(typed, campaigns, 5);
  }
  return picked
    .filter((c) => c.id.length > 0 && c.id.length <= L.choiceValue)
    .slice(0, L.autocompleteResults)
    .map((c) => ({
      name: truncate(c.platform ? `${c.name} (${c.platform})` : c.name, L.choiceName),
      value: c.id,
    }));
}

/** Starts-with first, then contains, then id-only matches. */
function rank(at: number): number {
  if (at === 0) return 0;
  return at > 0 ? 1 : 2;
}

/**
 * For a choice list longer than Discord's 25 fixed choices: the choices containing what was
 * typed, those starting with it first.
 */
export function suggestChoices(typed: string, choices: readonly string[]): Suggestion[] {
  const query = fold(typed.trim()).replace(/[\s-]+/g, "_");
  const starts = choices.filter((c) => c.startsWith(query));
  const contains = choices.filter((c) => !c.startsWith(query) && c.includes(query));
  return [...starts, ...contains]
    .slice(0, L.autocompleteResults)
    .map((c) => ({ name: truncate(c, L.choiceName), value: c }));
}

/** Lower case, accents dropped (the fuzzy matcher's fold), spacing collapsed: "Café  Promo" → "cafe promo". */
function fold(text: string): string {
  return foldAccents(text).replace(/\s+/g, " ");
}
