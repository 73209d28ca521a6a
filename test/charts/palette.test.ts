import { describe, expect, it } from "vitest";
import {
  categoricalColor,
  colorsFor,
  palette,
  platformColors,
  signColor,
  withAlpha,
} from "../../src/charts/palette";
import { PLATFORMS } from "../../src/store/schema";

describe("palette", () => {
  it("has a distinct colour for every platform, none equal to a categorical or status colour", () => {
    const colors = PLATFORMS.map((p) => platformColors[p]);
    expect(new Set(colors).size).toBe(PLATFORMS.length);
    for (const color of colors) {
      expect(palette.categorical).not.toContain(color);
      expect([palette.good, palette.bad, palette.text]).not.toContain(color);
    }
  });

  it("recognises platform series as users and exports spell them", () => {
    expect(colorsFor(["Facebook", "google_ads", "Meta", "LinkedIn Ads", "Tik Tok", "IG"])).toEqual([
      platformColors.facebook,
      platformColors.google,
      platformColors.facebook,
      platformColors.linkedin,
      platformColors.tiktok,
      platformColors.instagram,
    ]);
    expect(colorsFor(["Newsletter"])).toEqual([categoricalColor(0)]);
  });

  it("uses platform colours for platforms and categorical colours otherwise", () => {
    expect(colorsFor(["TikTok", "instagram"])).toEqual([
      platformColors.tiktok,
      platformColors.instagram,
    ]);
    expect(colorsFor(["Brand", "Search", "Display"])).toEqual([0, 1, 2].map(categoricalColor));
  });

  it("keeps non-platform series clear of platform hues when the two mix", () => {
    const [google, total] = colorsFor(["google", "Total"]);
    expect(google).toBe(platformColors.google);
    expect(Object.values(platformColors)).not.toContain(total);
    expect(total).not.toBe(categoricalColor(0)); // Okabe-Ito blue, too close to facebook/linkedin
  });

  it("colours by sign and cycles categorical colours", () => {
    expect(signColor(-0.01)).toBe(palette.bad);
    expect(signColor(0)).toBe(palette.good);
    expect(categoricalColor(palette.categorical.length)).toBe(categoricalColor(0));
    expect(withAlpha("#0072B2", 0.5)).toBe("#0072B280");
  });
});
