import { describe, expect, it } from "vitest";
import { detectDayOrder, parseDay, parseInstant } from "../../src/import/dates";

describe("parseDay", () => {
  it.each([
    ["2026-03-01", "mdy", "2026-03-01"],
    ["2026/3/1", "mdy", "2026-03-01"],
    ["2026-03-01 00:00:00", "mdy", "2026-03-01"],
    ["2026-03-01T00:00:00Z", "mdy", "2026-03-01"],
    ["20260301", "mdy", "2026-03-01"],
    ["03/01/2026", "mdy", "2026-03-01"],
    ["03/01/2026", "dmy", "2026-01-03"],
    ["3/13/2026", "mdy", "2026-03-13"],
    ["01.03.2026", "dmy", "2026-03-01"],
    ["1 Mar 2026", "mdy", "2026-03-01"],
    ["1-Mar-26", "mdy", "2026-03-01"],
    ["01 March 2026", "dmy", "2026-03-01"],
    ["Mar 1, 2026", "mdy", "2026-03-01"],
    ["March 1 2026", "dmy", "2026-03-01"],
    ["Sunday, March 1, 2026", "mdy", "2026-03-01"],
    ["2024-02-29", "mdy", "2024-02-29"],
  ] as const)("%j (%s) → %s", (text, order, day) => {
    expect(parseDay(text, order)).toEqual({ day });
  });

  it.each([["2026-02-30"], ["2026-13-01"], ["31/04/2026"], ["2025-02-29"]])(
    "rejects the impossible %j",
    (text) => {
      expect(parseDay(text, "dmy").error).toMatch(/impossible date/);
    },
  );

  it("says when a date contradicts the file's order", () => {
    expect(parseDay("13/03/2026", "mdy").error).toMatch(/month\/day\/year/);
  });

  it("rejects what is not a date, naming the expected form", () => {
    expect(parseDay("yesterday", "mdy").error).toMatch(/2026-03-01/);
    expect(parseDay("1 Foo 2026", "mdy").error).toBeDefined();
  });
});

describe("detectDayOrder", () => {
  it("decides from the first unambiguous date", () => {
    expect(detectDayOrder(["03/01/2026", "03/13/2026"])).toBe("mdy");
    expect(detectDayOrder(["13.03.2026", "01.03.2026"])).toBe("dmy");
    expect(detectDayOrder(["03/01/2026", "2026-03-01"])).toBeUndefined();
    expect(detectDayOrder(["13/03/2026", "03/13/2026"])).toBe("conflict");
  });
});

describe("parseInstant", () => {
  it("keeps explicit zones and offsets", () => {
    expect(parseInstant("2026-03-01T10:15:00Z", "mdy", "Europe/Paris")).toEqual({
      at: "2026-03-01T10:15:00.000Z",
    });
    expect(parseInstant("2026-03-03T10:15:00+01:00", "mdy", "UTC")).toEqual({
      at: "2026-03-03T09:15:00.000Z",
    });
    expect(parseInstant("2026-03-01 10:15:00.25 UTC", "mdy", "Europe/Paris")).toEqual({
      at: "2026-03-01T10:15:00.250Z",
    });
  });

  it("reads zone-less times in the tenant's zone, DST included", () => {
    expect(parseInstant("2026-03-01 10:15", "mdy", "Europe/Paris")).toEqual({
      at: "2026-03-01T09:15:00.000Z",
    });
    expect(parseInstant("2026-07-01 10:15", "mdy", "Europe/Paris")).toEqual({
      at: "2026-07-01T08:15:00.000Z",
    });
  });

  it("reads US times, bare dates and Unix epochs", () => {
    expect(parseInstant("03/01/2026 2:05 PM", "mdy", "UTC")).toEqual({
      at: "2026-03-01T14:05:00.000Z",
    });
    expect(parseInstant("2026-03-01", "mdy", "UTC")).toEqual({ at: "2026-03-01T00:00:00.000Z" });
    expect(parseInstant("1772359200", "mdy", "UTC")).toEqual({ at: "2026-03-01T10:00:00.000Z" });
    expect(parseInstant("1772359200000", "mdy", "UTC")).toEqual({ at: "2026-03-01T10:00:00.000Z" });
  });

  it("rejects impossible times", () => {
    expect(parseInstant("2026-03-01 25:00", "mdy", "UTC").error).toMatch(/impossible time/);
    expect(parseInstant("2026-02-30 10:00", "mdy", "UTC").error).toMatch(/impossible date/);
  });
});
