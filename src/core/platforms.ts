import { PLATFORMS, type Platform } from "../store/schema";

/**
 * What people and exports call each platform, beyond its own name. Keys are compacted (see
 * {@link compact}), so "Tik Tok", "tik-tok" and "TIK_TOK" all find "tiktok".
 */
const ALIASES: Readonly<Record<string, Platform>> = {
  fb: "facebook",
  meta: "facebook",
  ig: "instagram",
  insta: "instagram",
  tt: "tiktok",
  adwords: "google",
  googleadwords: "google",
  li: "linkedin",
};

/** Case, spaces, underscores and hyphens do not matter: "Google_Ads" → "googleads". */
function compact(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

function lookup(key: string): Platform | undefined {
  if ((PLATFORMS as readonly string[]).includes(key)) return key as Platform;
  return ALIASES[key];
}

/**
 * Recognises a platform as users, importers and series labels spell it: its own name, a common
 * alias, either one followed by "ads". Undefined for anything else, so callers decide whether an
 * unknown name is an error (a command argument) or just not a platform (a chart series).
 *
 * @example toPlatform("Google Ads") // "google"
 * @example toPlatform("tik_tok") // "tiktok"
 * @example toPlatform("Meta") // "facebook"
 * @example toPlatform("Newsletter") // undefined
 */
export function toPlatform(name: string): Platform | undefined {
  const key = compact(name);
  const found = lookup(key);
  if (found || !key.endsWith("ads")) return found;
  // "facebook ads", "Meta Ads", "linkedin_ads": the suffix names the product, not another platform.
  return lookup(key.slice(0, -"ads".length));
}
