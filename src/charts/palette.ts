import { toPlatform } from "../core/platforms";
import type { Platform } from "../store/schema";

/**
 * The one palette every adpulse chart uses, so a platform or a "bad" value looks the same in every
 * reply.
 *
 * Categorical colours follow Okabe & Ito ("Color Universal Design"), which stays distinguishable
 * for the common forms of colour blindness. Their yellow is swapped for an olive because pale
 * yellow disappears on the white background Slack and Discord previews show.
 */
export const palette = {
  categorical: [
    "#0072B2", // blue
    "#E69F00", // orange
    "#009E73", // bluish green
    "#CC79A7", // reddish purple
    "#56B4E9", // sky blue
    "#D55E00", // vermillion
    "#999933", // olive (instead of Okabe-Ito yellow)
  ],
  /**
   * Green for positive, red for negative. They differ in lightness and in their blue component,
   * so they stay apart for red-green colour blindness too; charts never rely on them alone
   * (ranking bars also sit on opposite sides of zero, labels carry the sign).
   */
  good: "#1A9A5B",
  bad: "#D1433B",
  /** In-between: neither on target nor alarming (gauge between 50 % and 100 %). */
  neutral: "#7B8794",
  /** The unfilled part of a gauge. */
  track: "#E4E7EB",
  text: "#1F2933",
  mutedText: "#52606D",
  grid: "#E4E7EB",
  axisLine: "#9AA5B1",
  background: "#FFFFFF",
} as const;

/**
 * Brand-ish hue per platform. Facebook and LinkedIn are both blue in real life; Facebook takes its
 * classic indigo and LinkedIn its cerulean so the two stay apart side by side. TikTok is near-black
 * (its logo) but not pure black, which is reserved for text.
 */
export const platformColors: Readonly<Record<Platform, string>> = {
  facebook: "#3B5998",
  instagram: "#E1306C",
  tiktok: "#25282D",
  google: "#F4A100",
  linkedin: "#0A8FD8",
};

/**
 * The categorical colour for the n-th series, cycling when there are more series than colours.
 *
 * @example
 * categoricalColor(0); // "#0072B2"
 */
export function categoricalColor(index: number): string {
  const colors = palette.categorical;
  return colors[((index % colors.length) + colors.length) % colors.length] as string;
}

/**
 * Categorical colours that stay clear of every platform colour (no blue, pink, black or amber),
 * for non-platform series drawn next to platforms ("Total", "Forecast").
 */
const BESIDE_PLATFORMS = ["#009E73", "#D55E00", "#999933", palette.neutral] as const;

/**
 * One colour per name: a platform's own colour for platform names; the categorical palette when
 * no name is a platform. When the two mix, the other names take colours from a subset that no
 * platform uses, so "facebook" and an unrelated series never get two nearly identical blues.
 *
 * @example
 * colorsFor(["facebook", "tiktok"]);  // ["#3B5998", "#25282D"]
 * colorsFor(["Brand", "Search"]);     // ["#0072B2", "#E69F00"]
 * colorsFor(["google", "Total"]);     // ["#F4A100", "#009E73"]
 */
export function colorsFor(names: readonly string[]): string[] {
  const platforms = names.map(toPlatform);
  if (platforms.every((p) => p === undefined)) return names.map((_, i) => categoricalColor(i));
  let others = 0;
  return platforms.map((p) =>
    p ? platformColors[p] : (BESIDE_PLATFORMS[others++ % BESIDE_PLATFORMS.length] as string),
  );
}

/**
 * The colour for a signed value: good for ≥ 0, bad for < 0.
 *
 * @example
 * signColor(-12); // palette.bad
 */
export function signColor(value: number): string {
  return value < 0 ? palette.bad : palette.good;
}

/**
 * `#RRGGBB` plus an alpha channel, for fills that must let grid lines show through.
 *
 * @example
 * withAlpha("#0072B2", 0.5); // "#0072B280"
 */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
  return `${hex}${a.toString(16).padStart(2, "0").toUpperCase()}`;
}
