import { createRequire } from "node:module";
import { GlobalFonts } from "@napi-rs/canvas";
import { CHART_FONT_FAMILY } from "./theme";

// The font ships as an npm dependency and is resolved through Node's resolver, so it is found
// wherever npm put node_modules (hoisted, nested, or a global install of the bin).
const require = createRequire(import.meta.url);

/** The TTF files registered for the chart family: regular for ticks and labels, bold for titles. */
export const CHART_FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] as const;

let registered: string[] | undefined;

/**
 * Registers the bundled DejaVu Sans with Skia, once per process, and returns the files it
 * registered. A machine without system fonts (a slim container) otherwise draws charts with no
 * text at all — no error, just empty titles and axes — so this runs before the first chart.
 *
 * @example
 * ensureChartFonts(); // ["/…/dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "/…/DejaVuSans-Bold.ttf"]
 * GlobalFonts.has("DejaVu Sans"); // true
 */
export function ensureChartFonts(): readonly string[] {
  if (registered) return registered;
  const paths = CHART_FONT_FILES.map((file) => {
    let path: string;
    try {
      path = require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
    } catch {
      throw new Error(
        `Chart font ${file} not found: the dejavu-fonts-ttf package is missing; run npm install`,
      );
    }
    if (GlobalFonts.registerFromPath(path) === null) {
      throw new Error(
        `Chart font ${path} could not be loaded by @napi-rs/canvas: reinstall dejavu-fonts-ttf`,
      );
    }
    return path;
  });
  if (!GlobalFonts.has(CHART_FONT_FAMILY)) {
    throw new Error(
      `Chart font family "${CHART_FONT_FAMILY}" is not available after registering ${paths.join(", ")}`,
    );
  }
  registered = paths;
  return registered;
}
