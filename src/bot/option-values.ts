import { closest } from "fastest-levenshtein";
import { toPlatform } from "../core/platforms";
import { CAMPAIGN_TYPES, type CampaignType, PLATFORMS, type Platform } from "../store/schema";
import { UserError } from "./errors";

const TYPE_ALIASES: Record<string, CampaignType> = {
  brand: "awareness",
  reach: "awareness",
  engage: "engagement",
  conversions: "conversion",
  sales: "conversion",
  performance: "conversion",
};

/** `Google Ads` → `google-ads`: case, spacing and underscores do not matter. */
export function normalizeWord(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

/** Cuts user text before echoing it back, so junk input yields a short, readable error. */
export function echo(value: string, max = 40): string {
  const clean = value.replace(/[`*_~<>]/g, "");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

function didYouMean(value: string, valid: readonly string[]): string[] {
  if (!value) return [];
  return [`Did you mean \`${closest(normalizeWord(value).slice(0, 40), [...valid])}\`?`];
}

/** A platform argument, aliases included (see `toPlatform`); a UserError listing them otherwise. */
export function parsePlatform(value: string): Platform {
  const platform = toPlatform(value);
  if (platform) return platform;
  throw new UserError(`Unknown platform "${echo(value)}".`, "unknown_platform", [
    `Valid platforms: ${PLATFORMS.join(", ")}.`,
    ...didYouMean(value, PLATFORMS),
  ]);
}

export function parseCampaignType(value: string): CampaignType {
  const word = normalizeWord(value);
  const type = (CAMPAIGN_TYPES as readonly string[]).includes(word)
    ? (word as CampaignType)
    : TYPE_ALIASES[word];
  if (type) return type;
  throw new UserError(`Unknown campaign type "${echo(value)}".`, "unknown_campaign_type", [
    `Valid types: ${CAMPAIGN_TYPES.join(", ")}.`,
    ...didYouMean(value, CAMPAIGN_TYPES),
  ]);
}

/**
 * Matches one of `choices`, accepting `-`/space for `_` and the given aliases; returns undefined
 * when the word is not a choice so optional positional options can be skipped.
 */
export function matchChoice(
  value: string,
  choices: readonly string[],
  aliases: Record<string, string> = {},
): string | undefined {
  const word = normalizeWord(value).replace(/-/g, "_");
  if (choices.includes(word)) return word;
  const alias = aliases[word];
  return alias && choices.includes(alias) ? alias : undefined;
}

export function choiceError(name: string, value: string, choices: readonly string[]): UserError {
  return new UserError(`"${echo(value)}" is not a valid ${name}.`, `invalid_${name}`, [
    `Valid values: ${choices.join(", ")}.`,
    ...didYouMean(value, choices),
  ]);
}
