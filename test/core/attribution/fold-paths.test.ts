import { describe, expect, it } from "vitest";
import { foldPaths, PathFolder, pathChannels } from "../../../src/core/attribution/fold-paths";
import {
  formatPath,
  normalizeChannel,
  normalizePath,
  parsePath,
} from "../../../src/core/attribution/path-text";

describe("path text", () => {
  it("normalises channel names and paths the same way for every source", () => {
    expect(normalizeChannel("  Organic   Search ")).toBe("organic_search");
    expect(parsePath("Facebook>Email >  Organic Search > ")).toEqual([
      "facebook",
      "email",
      "organic_search",
    ]);
    expect(normalizePath("Facebook>Email")).toBe("facebook > email");
    expect(formatPath(["a", "b"])).toBe("a > b");
    expect(parsePath(" > ")).toEqual([]);
  });
});

describe("foldPaths", () => {
  it("sums identical paths, whatever their spelling, in one pass", () => {
    const folded = foldPaths([
      { path: "Facebook > Email", conversions: 1, value: 80 },
      { path: ["facebook", "email"], nulls: 2 },
      { path: "facebook>email", conversions: 2, value: 20, nulls: 1 },
      { path: "email > facebook", nulls: 4 },
    ]);
    expect(folded.pathCount).toBe(2);
    expect(folded.inputs).toBe(4);
    expect(pathChannels(folded, 0)).toEqual(["facebook", "email"]);
    expect([...folded.conversions]).toEqual([3, 0]);
    expect([...folded.value]).toEqual([100, 0]);
    expect([...folded.nulls]).toEqual([3, 4]);
    expect(folded.totals).toEqual({ conversions: 3, value: 100, nulls: 7, journeys: 10 });
    expect(folded.daysBefore).toBeUndefined();
  });

  it("keys long paths and many channels by text, and still folds them together", () => {
    const channels = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const long = Array.from({ length: 14 }, (_, i) => `c${i % 3}`);
    const folded = foldPaths([
      { path: long, conversions: 1 },
      { path: [...long], conversions: 2 },
      { path: channels, nulls: 1 },
      { path: [...channels], nulls: 1 },
      { path: ["c35"], conversions: 1 },
    ]);
    expect(folded.pathCount).toBe(3);
    expect([...folded.conversions]).toEqual([3, 0, 1]);
    expect([...folded.nulls]).toEqual([0, 2, 0]);
    expect(pathChannels(folded, 1)).toEqual(channels);
  });

  it("keeps the conversion-weighted mean days before conversion per position", () => {
    const folder = new PathFolder();
    folder.add(["a", "b"], 1, 10, 0, [4, 0]);
    folder.add(["a", "b"], 3, 30, 0, [2, 0]);
    folder.add(["a", "b"], 0, 0, 5, [100, 0]); // non-converting: no timing weight
    folder.add(["c"], 0, 0, 1);
    const folded = folder.finish();
    // (4·1 + 2·3) / 4 = 2.5 days for a; b is the converting touch.
    expect([...(folded.daysBefore ?? [])].slice(0, 2)).toEqual([2.5, 0]);
    expect(Number.isNaN(folded.daysBefore?.[2])).toBe(true);
  });

  it("refuses empty paths, negative counts and non-finite values", () => {
    const folder = new PathFolder();
    expect(() => folder.add([], 1)).toThrow(/at least one channel/);
    expect(() => folder.add(["a"], -1)).toThrow(RangeError);
    expect(() => folder.add(["a"], 1, Number.NaN)).toThrow(RangeError);
    expect(() => folder.addIds([7], 0, 1, 1, 0, 0)).toThrow(/unknown channel id/);
    expect(() => folder.add(["a", "b"], 1, 0, 0, [1, -2])).toThrow(/daysBefore/);
  });
});
