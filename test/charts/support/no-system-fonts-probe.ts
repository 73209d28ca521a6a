/**
 * Run by font.test.ts in a mount namespace where /usr/share/fonts is empty, i.e. the slim
 * container DESIGN.md warns about. Prints JSON: how many font families Skia saw before
 * registering, and how many pixels differ between two charts that differ only in their title text,
 * drawn through the real rasterizer (which registers the bundled font first).
 */
import { GlobalFonts } from "@napi-rs/canvas";
import { rankingBarChart } from "../../../src/charts/builders/ranking-bar-chart";
import { percent } from "../../../src/charts/measure";
import { createChartRasterizer } from "../../../src/charts/rasterizer";
import { decodePng, differingPixels } from "../png";

const familiesBefore = GlobalFonts.families.length;
const chart = (title: string) =>
  rankingBarChart({
    id: "probe",
    title,
    category: "Campaign",
    measure: percent("ROI"),
    items: [{ label: "A", value: 1 }],
  });
const rasterizer = createChartRasterizer();
const a = await decodePng(await rasterizer.render(chart("ROI by campaign")));
const b = await decodePng(await rasterizer.render(chart("ROI by platform")));
console.log(
  JSON.stringify({
    familiesBefore,
    familiesAfter: GlobalFonts.families.map((f) => f.family),
    titleDiff: differingPixels(a, b, { x: 0, y: 0, width: a.width, height: 45 }),
  }),
);
