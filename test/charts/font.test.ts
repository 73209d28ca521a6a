import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GlobalFonts } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { CHART_FONT_FILES, ensureChartFonts } from "../../src/charts/font";
import { CHART_FONT_FAMILY } from "../../src/charts/theme";

describe("ensureChartFonts", () => {
  it("registers the regular and bold DejaVu Sans shipped in node_modules, once", () => {
    const paths = ensureChartFonts();
    expect(paths).toHaveLength(CHART_FONT_FILES.length);
    for (const [i, path] of paths.entries()) {
      expect(path).toMatch(new RegExp(`dejavu-fonts-ttf/ttf/${CHART_FONT_FILES[i]}$`));
      expect(existsSync(path)).toBe(true);
    }
    expect(ensureChartFonts()).toBe(paths);
    expect(GlobalFonts.has(CHART_FONT_FAMILY)).toBe(true);
    const family = GlobalFonts.families.find((f) => f.family === CHART_FONT_FAMILY);
    expect(family?.styles.some((s) => s.weight === 700)).toBe(true);
  });

  // This machine has DejaVu installed system-wide, which hides the failure the font module exists
  // for. Where unprivileged mount namespaces are available, hide /usr/share/fonts from a child
  // process and check that charts still get text.
  const canHideFonts =
    process.platform === "linux" &&
    existsSync("/usr/share/fonts") &&
    spawnSync("unshare", ["-rm", "true"]).status === 0;

  it.skipIf(!canHideFonts)("draws text on a machine without system fonts", (ctx) => {
    const empty = mkdtempSync(join(tmpdir(), "adpulse-no-fonts-"));
    const probe = join(import.meta.dirname, "support", "no-system-fonts-probe.ts");
    const script = `mount --bind "$1" /usr/share/fonts && exec "$2" --import tsx "$3"`;
    const run = spawnSync(
      "unshare",
      ["-rm", "sh", "-c", script, "sh", empty, process.execPath, probe],
      { cwd: join(import.meta.dirname, "..", ".."), encoding: "utf8" },
    );
    expect(run.stderr).not.toMatch(/Error/);
    const result = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as {
      familiesBefore: number;
      familiesAfter: string[];
      titleDiff: number;
    };
    // Fonts elsewhere (e.g. /usr/local/share/fonts) would make this test prove nothing.
    if (result.familiesBefore !== 0) ctx.skip();
    expect(result.familiesAfter).toEqual([CHART_FONT_FAMILY]);
    expect(result.titleDiff).toBeGreaterThan(100);
  });
});
