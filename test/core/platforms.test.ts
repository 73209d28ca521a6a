import { describe, expect, it } from "vitest";
import { toPlatform } from "../../src/core/platforms";
import { PLATFORMS } from "../../src/store/schema";

describe("toPlatform", () => {
  it("accepts every platform's own name in any case and spacing", () => {
    for (const platform of PLATFORMS) {
      expect(toPlatform(platform)).toBe(platform);
      expect(toPlatform(` ${platform.toUpperCase()} `)).toBe(platform);
    }
    expect(toPlatform("LinkedIn")).toBe("linkedin");
  });

  it("ignores spaces, underscores and hyphens", () => {
    expect(toPlatform("Tik Tok")).toBe("tiktok");
    expect(toPlatform("tik-tok")).toBe("tiktok");
    expect(toPlatform("TIK_TOK")).toBe("tiktok");
    expect(toPlatform("google_ads")).toBe("google");
    expect(toPlatform("Google-Ads")).toBe("google");
  });

  it("knows the common aliases", () => {
    expect(toPlatform("fb")).toBe("facebook");
    expect(toPlatform("Meta")).toBe("facebook");
    expect(toPlatform("Facebook Ads")).toBe("facebook");
    expect(toPlatform("Meta Ads")).toBe("facebook");
    expect(toPlatform("IG")).toBe("instagram");
    expect(toPlatform("insta")).toBe("instagram");
    expect(toPlatform("tt")).toBe("tiktok");
    expect(toPlatform("TikTok Ads")).toBe("tiktok");
    expect(toPlatform("Google Ads")).toBe("google");
    expect(toPlatform("googleads")).toBe("google");
    expect(toPlatform("AdWords")).toBe("google");
    expect(toPlatform("li")).toBe("linkedin");
    expect(toPlatform("LinkedIn Ads")).toBe("linkedin");
  });

  it("returns undefined for anything else", () => {
    expect(toPlatform("Newsletter")).toBeUndefined();
    expect(toPlatform("myspace")).toBeUndefined();
    expect(toPlatform("")).toBeUndefined();
    expect(toPlatform("ads")).toBeUndefined();
    expect(toPlatform("fbads ads")).toBeUndefined(); // one "ads" suffix, not any number
    expect(toPlatform("Total")).toBeUndefined();
  });
});
