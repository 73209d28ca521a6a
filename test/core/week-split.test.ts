import { describe, expect, it } from "vitest";
import { splitIntoWeeks } from "../../src/core/week-split";

describe("splitIntoWeeks", () => {
  it("cuts a range into whole ISO weeks and loose edge days", () => {
    // 2026-11-05 is a Thursday, 2026-11-22 a Sunday.
    expect(splitIntoWeeks("2026-11-05", "2026-11-22")).toEqual({
      weeks: { first: "2026-11-09", last: "2026-11-16" },
      loose: [{ from: "2026-11-05", to: "2026-11-08" }],
    });
    // Wednesday to Tuesday: loose days on both sides.
    expect(splitIntoWeeks("2026-11-04", "2026-11-24")).toEqual({
      weeks: { first: "2026-11-09", last: "2026-11-16" },
      loose: [
        { from: "2026-11-04", to: "2026-11-08" },
        { from: "2026-11-23", to: "2026-11-24" },
      ],
    });
  });

  it("keeps ranges without a whole week as loose days", () => {
    expect(splitIntoWeeks("2026-11-18", "2026-11-24")).toEqual({
      loose: [{ from: "2026-11-18", to: "2026-11-24" }],
    });
    expect(splitIntoWeeks("2026-11-16", "2026-11-22")).toEqual({
      weeks: { first: "2026-11-16", last: "2026-11-16" },
      loose: [],
    });
    expect(splitIntoWeeks("2026-11-22", "2026-11-21")).toEqual({ loose: [] });
  });
});
