import { describe, expect, it } from "vitest";
import { closestNames, matchName } from "../../src/core/fuzzy";

const campaigns = [
  { id: "cmp-001", name: "Spring Sale — Retargeting" },
  { id: "cmp-002", name: "Spring Sale — Prospecting" },
  { id: "cmp-003", name: "Brand Lift Q2" },
  { id: "cmp-004", name: "Back to School — Carousel" },
  { id: "cmp-005", name: "Black Friday — Search Brand" },
  { id: "cmp-006", name: "Café Launch — Reels Boost" },
];
const names = (list: { name: string }[]) => list.map((c) => c.name);
const matched = (query: string) => matchName(query, campaigns).match?.id;

describe("matchName", () => {
  it("matches exact names ignoring case, spacing, punctuation and accents", () => {
    expect(matched("Spring Sale — Retargeting")).toBe("cmp-001");
    expect(matched("  SPRING   sale: retargeting!! ")).toBe("cmp-001");
    expect(matched("spring-sale-prospecting")).toBe("cmp-002");
    expect(matched("cafe launch reels boost")).toBe("cmp-006");
  });

  it("matches an id exactly (Discord autocomplete sends the value)", () => {
    expect(matched("cmp-004")).toBe("cmp-004");
  });

  it("matches a unique prefix or substring", () => {
    expect(matched("brand")).toBe("cmp-003"); // prefix beats "… Search Brand" containing it
    expect(matched("search brand")).toBe("cmp-005");
    expect(matched("carousel")).toBe("cmp-004");
  });

  it("returns the ambiguous candidates as suggestions instead of guessing", () => {
    const r = matchName("spring sale", campaigns);
    expect(r.match).toBeUndefined();
    expect(names(r.suggestions)).toEqual([
      "Spring Sale — Retargeting",
      "Spring Sale — Prospecting",
    ]);
  });

  it("finds a name quoted inside a longer query", () => {
    expect(matched("roi for brand lift q2 please")).toBe("cmp-003");
  });

  it("matches on shared words, word prefixes and small typos", () => {
    expect(matched("spring retarg")).toBe("cmp-001");
    expect(matched("prospecting spring")).toBe("cmp-002");
    expect(matched("back to scohol carousel")).toBe("cmp-004");
    expect(matched("brnd lift q2")).toBe("cmp-003");
    expect(matched("blak friday serch brand")).toBe("cmp-005");
  });

  it("suggests the three closest names when nothing matches well", () => {
    const r = matchName("sprnig sael", campaigns);
    expect(r.match).toBeUndefined();
    expect(r.suggestions).toHaveLength(3);
    expect(names(r.suggestions).slice(0, 2).sort()).toEqual([
      "Spring Sale — Prospecting",
      "Spring Sale — Retargeting",
    ]);
    const nothing = matchName("zzzz", campaigns);
    expect(nothing.match).toBeUndefined();
    expect(nothing.suggestions).toHaveLength(3);
  });

  it("copes with 4,000 characters of junk", () => {
    const junk = "x7#qW!".repeat(667); // 4,002 characters
    const r = matchName(junk, campaigns);
    expect(r.match).toBeUndefined();
    expect(r.suggestions).toHaveLength(3);
    expect(matchName(`Brand Lift Q2 ${"zz ".repeat(1300)}`, campaigns).match?.id).toBe("cmp-003");
  });

  it("returns nothing for an empty query or no candidates", () => {
    expect(matchName("  — ", campaigns)).toEqual({ suggestions: [] });
    expect(matchName("brand", [])).toEqual({ suggestions: [] });
  });

  it("refuses to pick between names that only differ in punctuation", () => {
    const twins = [
      { id: "a", name: "Q2 Push" },
      { id: "b", name: "Q2-Push" },
    ];
    const r = matchName("q2 push", twins);
    expect(r.match).toBeUndefined();
    expect(r.suggestions.map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("honours the suggestion limit", () => {
    expect(matchName("zzzz", campaigns, 1).suggestions).toHaveLength(1);
  });
});

describe("closestNames", () => {
  it("orders candidates by closeness for autocomplete", () => {
    expect(names(closestNames("brand", campaigns, 2))).toEqual([
      "Brand Lift Q2",
      "Black Friday — Search Brand",
    ]);
    expect(closestNames("", campaigns)).toHaveLength(3);
  });
});
