import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  dayToEpoch,
  eachDay,
  epochToDay,
  isIsoDay,
  isoWeekday,
  startOfIsoWeek,
} from "../../src/core/days";

describe("ISO day arithmetic", () => {
  it("validates real calendar days only", () => {
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2026-02-30")).toBe(false);
    expect(isIsoDay("2026-13-01")).toBe(false);
    expect(isIsoDay("2026-1-05")).toBe(false);
    expect(isIsoDay("0026-01-05")).toBe(false);
    expect(() => dayToEpoch("yesterday")).toThrow(RangeError);
  });

  it("moves across month, year and DST boundaries by whole days", () => {
    expect(dayToEpoch("1970-01-02")).toBe(1);
    expect(epochToDay(1)).toBe("1970-01-02");
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-03-07", 2)).toBe("2026-03-09"); // US DST starts Mar 8
    expect(daysBetween("2026-01-01", "2026-01-31")).toBe(30);
    expect(daysBetween("2026-01-31", "2026-01-01")).toBe(-30);
  });

  it("knows weekdays and ISO week starts", () => {
    expect(isoWeekday("2026-03-01")).toBe(7); // Sunday
    expect(isoWeekday("2026-03-02")).toBe(1); // Monday
    expect(isoWeekday("1970-01-01")).toBe(4); // Thursday
    expect(startOfIsoWeek("2026-03-01")).toBe("2026-02-23");
    expect(startOfIsoWeek("2026-03-02")).toBe("2026-03-02");
    expect(startOfIsoWeek("2026-01-01")).toBe("2025-12-29");
  });

  it("lists days inclusively", () => {
    expect(eachDay("2024-02-28", "2024-03-01")).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(eachDay("2026-01-02", "2026-01-01")).toEqual([]);
  });
});
