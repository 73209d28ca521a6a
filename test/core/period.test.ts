import { describe, expect, it } from "vitest";
import {
  defaultPeriod,
  findPeriodInTokens,
  PERIOD_FORMS,
  PeriodError,
  parsePeriod,
  previousPeriod,
  todayIn,
} from "../../src/core/period";

// 02:00 UTC on Mar 1 is still 21:00 on Saturday Feb 28 in New York.
const NOW = new Date("2026-03-01T02:00:00Z");
const NY = "America/New_York";

const span = (text: string, now = NOW, tz = NY) => {
  const p = parsePeriod(text, now, tz);
  return [p.from, p.to, p.days, p.label];
};

describe("period phrases at 2026-03-01T02:00Z in New York (Sat Feb 28)", () => {
  it("uses the tenant's date, not UTC's", () => {
    expect(todayIn(NOW, NY)).toBe("2026-02-28");
    expect(todayIn(NOW, "UTC")).toBe("2026-03-01");
    expect(todayIn(NOW, "Asia/Tokyo")).toBe("2026-03-01");
  });

  it("reads last N days, weeks and months as spans ending today", () => {
    expect(span("last 7d")).toEqual(["2026-02-22", "2026-02-28", 7, "last 7 days"]);
    expect(span("last 30d")).toEqual(["2026-01-30", "2026-02-28", 30, "last 30 days"]);
    expect(span("last 90d")).toEqual(["2025-12-01", "2026-02-28", 90, "last 90 days"]);
    expect(span("last 1d")).toEqual(["2026-02-28", "2026-02-28", 1, "last 1 day"]);
    expect(span("last 30 days")).toEqual(["2026-01-30", "2026-02-28", 30, "last 30 days"]);
    expect(span("last 2 weeks")).toEqual(["2026-02-15", "2026-02-28", 14, "last 2 weeks"]);
    expect(span("last 2w")).toEqual(["2026-02-15", "2026-02-28", 14, "last 2 weeks"]);
    // Calendar months: Feb 28 − 3 months = Nov 28, so the span starts the day after.
    expect(span("last 3m")).toEqual(["2025-11-29", "2026-02-28", 92, "last 3 months"]);
    expect(span("last 1 month")).toEqual(["2026-01-29", "2026-02-28", 31, "last 1 month"]);
    expect(span("LAST 730D")).toEqual(["2024-03-01", "2026-02-28", 730, "last 730 days"]);
  });

  it("reads calendar keywords with Monday-first weeks", () => {
    expect(span("today")).toEqual(["2026-02-28", "2026-02-28", 1, "today"]);
    expect(span("yesterday")).toEqual(["2026-02-27", "2026-02-27", 1, "yesterday"]);
    expect(span("this week")).toEqual(["2026-02-23", "2026-02-28", 6, "this week"]);
    expect(span("last week")).toEqual(["2026-02-16", "2026-02-22", 7, "last week"]);
    expect(span("this month")).toEqual(["2026-02-01", "2026-02-28", 28, "this month"]);
    expect(span("last month")).toEqual(["2026-01-01", "2026-01-31", 31, "last month"]);
    expect(span("this quarter")).toEqual(["2026-01-01", "2026-02-28", 59, "this quarter"]);
    expect(span("last quarter")).toEqual(["2025-10-01", "2025-12-31", 92, "last quarter"]);
    expect(span("this year")).toEqual(["2026-01-01", "2026-02-28", 59, "this year"]);
    expect(span("last year")).toEqual(["2025-01-01", "2025-12-31", 365, "last year"]);
  });

  it("gives different answers in UTC, where it is already Sunday Mar 1", () => {
    expect(span("today", NOW, "UTC")).toEqual(["2026-03-01", "2026-03-01", 1, "today"]);
    expect(span("this month", NOW, "UTC")).toEqual(["2026-03-01", "2026-03-01", 1, "this month"]);
    expect(span("last month", NOW, "UTC")).toEqual(["2026-02-01", "2026-02-28", 28, "last month"]);
    expect(span("this week", NOW, "UTC")).toEqual(["2026-02-23", "2026-03-01", 7, "this week"]);
  });

  it("reads explicit days and inclusive ranges", () => {
    expect(span("2026-01-05..2026-01-11")).toEqual([
      "2026-01-05",
      "2026-01-11",
      7,
      "2026-01-05..2026-01-11",
    ]);
    expect(span("2026-1-5..2026-1-11")[0]).toBe("2026-01-05");
    expect(span("2026-01-05 .. 2026-01-11")[2]).toBe(7);
    expect(span("2026-01-05 to 2026-01-11")[2]).toBe(7);
    expect(span("2026-01-05…2026-01-11")[2]).toBe(7); // smart punctuation
    expect(span("2026-02-14")).toEqual(["2026-02-14", "2026-02-14", 1, "2026-02-14"]);
    expect(span("2024-02-29")[0]).toBe("2024-02-29");
    // Exactly three calendar years (with the 2024 leap day) is still allowed.
    expect(span("2023-01-01..2025-12-31")[2]).toBe(1096);
  });

  it("defaults to the last 30 days when the text is empty", () => {
    expect(span("")).toEqual(["2026-01-30", "2026-02-28", 30, "last 30 days"]);
    expect(defaultPeriod(NOW, NY)).toEqual(parsePeriod("last 30d", NOW, NY));
  });
});

describe("months of different lengths", () => {
  it("handles leap years and month ends", () => {
    const mid = new Date("2024-03-15T12:00:00Z");
    expect(span("last month", mid, "UTC")).toEqual(["2024-02-01", "2024-02-29", 29, "last month"]);
    expect(span("last 1m", mid, "UTC")).toEqual(["2024-02-16", "2024-03-15", 29, "last 1 month"]);
    // Mar 31 − 1 month clamps to Feb 28, so the span is all of March.
    const end = new Date("2026-03-31T12:00:00Z");
    expect(span("last 1m", end, "UTC")).toEqual(["2026-03-01", "2026-03-31", 31, "last 1 month"]);
    expect(span("this quarter", end, "UTC")).toEqual([
      "2026-01-01",
      "2026-03-31",
      90,
      "this quarter",
    ]);
  });
});

describe("DST boundaries", () => {
  it("switches day at local midnight around the US spring-forward (Mar 8, 2026)", () => {
    expect(todayIn(new Date("2026-03-08T04:59:00Z"), NY)).toBe("2026-03-07"); // 23:59 EST
    expect(todayIn(new Date("2026-03-08T05:00:00Z"), NY)).toBe("2026-03-08"); // 00:00 EST
    expect(todayIn(new Date("2026-03-09T03:59:00Z"), NY)).toBe("2026-03-08"); // 23:59 EDT
    expect(todayIn(new Date("2026-03-09T04:00:00Z"), NY)).toBe("2026-03-09"); // 00:00 EDT
    // The 23-hour day still counts as one day.
    expect(span("last 7d", new Date("2026-03-09T03:59:00Z"))).toEqual([
      "2026-03-02",
      "2026-03-08",
      7,
      "last 7 days",
    ]);
  });

  it("switches day at local midnight around the Paris fall-back (Oct 25, 2026)", () => {
    const paris = "Europe/Paris";
    expect(todayIn(new Date("2026-10-24T21:59:00Z"), paris)).toBe("2026-10-24"); // 23:59 CEST
    expect(todayIn(new Date("2026-10-24T22:00:00Z"), paris)).toBe("2026-10-25"); // 00:00 CEST
    expect(todayIn(new Date("2026-10-25T22:59:00Z"), paris)).toBe("2026-10-25"); // 23:59 CET
    expect(todayIn(new Date("2026-10-25T23:00:00Z"), paris)).toBe("2026-10-26"); // 00:00 CET
    // The 25-hour Sunday ends its week.
    expect(span("this week", new Date("2026-10-25T22:59:00Z"), paris)).toEqual([
      "2026-10-19",
      "2026-10-25",
      7,
      "this week",
    ]);
    expect(span("yesterday", new Date("2026-10-25T23:00:00Z"), paris)[0]).toBe("2026-10-25");
  });
});

describe("malformed periods", () => {
  const fails = (text: string) => {
    try {
      parsePeriod(text, NOW, NY);
    } catch (e) {
      expect(e).toBeInstanceOf(PeriodError);
      return e as PeriodError;
    }
    throw new Error(`"${text}" was accepted`);
  };

  it("names the problem and lists the valid forms", () => {
    const e = fails("last 400x");
    expect(e.detail).toBe('unknown unit "x" in "last 400x": use d, w or m');
    expect(e.message).toContain("Valid periods:");
    expect(e.message).toContain("this month");
    expect(e.message).toContain("YYYY-MM-DD..YYYY-MM-DD");
    expect(e.code).toBe("bad_period");
    expect(e.forms).toEqual(PERIOD_FORMS);
    expect(e.input).toBe("last 400x");
  });

  it("rejects impossible dates and backwards or overlong ranges", () => {
    expect(fails("2026-13-01..2026-01-01").detail).toContain('"2026-13-01"');
    expect(fails("2026-13-01..2026-01-01").detail).toContain("not a real date");
    expect(fails("2026-02-30").detail).toContain("not a real date");
    expect(fails("2026-02-01..2026-02-30").detail).toContain('"2026-02-30"');
    expect(fails("2026-03-01..2026-01-01").detail).toContain("before it starts");
    expect(fails("2020-01-01..2024-01-01").detail).toContain("longer than 3 years");
    expect(fails("2023-01-01..2026-01-01").detail).toContain("longer than 3 years");
    expect(fails("2026-01-01 to 2026-02-31").detail).toContain("not a real date");
    expect(fails("2026-01-01..").detail).toContain("YYYY-MM-DD..YYYY-MM-DD");
    expect(fails("2026-01-01..yesterday").detail).toContain("YYYY-MM-DD..YYYY-MM-DD");
    expect(fails("2026-01").detail).toContain("YYYY-MM-DD");
  });

  it("rejects bad counts and units after 'last'", () => {
    expect(fails("last 0d").detail).toContain("between 1 and 730");
    expect(fails("last 731d").detail).toContain("between 1 and 730");
    expect(fails("last 7").detail).toContain("needs a unit");
    expect(fails("last 1.5w").detail).toContain("whole number");
    expect(fails("last 37m").detail).toContain("longer than 3 years");
    expect(fails("last 157w").detail).toContain("longer than 3 years");
    expect(span("last 156w")[2]).toBe(1092);
    expect(span("last 36m")[0]).toBe("2023-03-01");
  });

  it("rejects text that is not a period at all when a whole period was expected", () => {
    expect(fails("next tuesday").detail).toContain("is not a period");
    expect(fails("this month please").detail).toContain("is not a period");
  });

  it("treats an unknown timezone as a configuration bug, not a user error", () => {
    expect(() => parsePeriod("today", NOW, "Mars/Olympus")).toThrow(RangeError);
    expect(() => parsePeriod("today", NOW, "Mars/Olympus")).not.toThrow(PeriodError);
  });
});

describe("findPeriodInTokens", () => {
  const find = (tokens: string[]) => findPeriodInTokens(tokens, NOW, NY);

  it("removes a period found anywhere in the tokens", () => {
    const r = find(["roi", "last", "2", "weeks", "tiktok"]);
    expect(r.period).toEqual({
      from: "2026-02-15",
      to: "2026-02-28",
      label: "last 2 weeks",
      days: 14,
    });
    expect(r.rest).toEqual(["roi", "tiktok"]);
    expect(r.explicit).toBe(true);
    expect(find(["this", "quarter", "roi"]).rest).toEqual(["roi"]);
    expect(find(["Spring", "Sale", "2026-01-05..2026-01-11"]).period.days).toBe(7);
  });

  it("is case-insensitive, ignores surrounding punctuation and splits multi-word tokens", () => {
    const r = find(["ROI", "(Last", "Month),"]);
    expect(r.period.label).toBe("last month");
    expect(r.rest).toEqual(["ROI"]);
    expect(find(["roi", "last 30 days"]).period.days).toBe(30);
    expect(find(["roi", "last", "month."]).period.label).toBe("last month");
  });

  it("falls back to the last 30 days and keeps every token when there is no period", () => {
    const r = find(["last", "chance", "sale", "brand", "lift", "q2"]);
    expect(r.period).toEqual(defaultPeriod(NOW, NY));
    expect(r.rest).toEqual(["last", "chance", "sale", "brand", "lift", "q2"]);
    expect(r.explicit).toBe(false);
    expect(find([]).rest).toEqual([]);
  });

  it("takes the first period and leaves later ones for the caller", () => {
    const r = find(["compare", "last", "7d", "last", "month"]);
    expect(r.period.label).toBe("last 7 days");
    expect(r.rest).toEqual(["compare", "last", "month"]);
  });

  it("throws when any period-like token is malformed", () => {
    expect(() => find(["last", "7d", "2026-02-30"])).toThrow(PeriodError);
    expect(() => find(["roi", "last", "400x"])).toThrow(/unknown unit "x"/);
    expect(() => find(["roi", "last", "7", "spring"])).toThrow(/needs a unit/);
  });
});

describe("previousPeriod", () => {
  it("is the same number of days just before", () => {
    const lastMonth = parsePeriod("last month", NOW, NY);
    expect(previousPeriod(lastMonth)).toEqual({
      from: "2025-12-01",
      to: "2025-12-31",
      label: "previous 31 days",
      days: 31,
    });
    const thisWeek = parsePeriod("this week", NOW, NY); // Feb 23–28, 6 days
    expect(previousPeriod(thisWeek)).toMatchObject({
      from: "2026-02-17",
      to: "2026-02-22",
      days: 6,
    });
    const today = parsePeriod("today", NOW, NY);
    expect(previousPeriod(today)).toEqual({
      from: "2026-02-27",
      to: "2026-02-27",
      label: "previous day",
      days: 1,
    });
  });
});
