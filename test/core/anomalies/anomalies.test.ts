import { describe, expect, it } from "vitest";
import {
  detectAnomaly,
  detectDailyAnomaly,
  expectedSeries,
  sameWeekdayHistoryDays,
} from "../../../src/core/anomalies/detect-anomaly";
import { nextIncidentAction } from "../../../src/core/anomalies/incidents";
import { breaches } from "../../../src/core/anomalies/thresholds";
import { addDays } from "../../../src/core/days";
import { median, medianAbsoluteDeviation } from "../../../src/core/stats";

describe("robust statistics", () => {
  it("computes median and MAD by hand", () => {
    // Sorted: 90 95 98 100 100 102 105 110 → median (100 + 100) / 2 = 100.
    // |x − 100|: 0 10 10 5 5 0 2 2 → sorted 0 0 2 2 5 5 10 10 → MAD (2 + 5) / 2 = 3.5.
    const history = [100, 110, 90, 105, 95, 100, 102, 98];
    expect(median(history)).toBe(100);
    expect(medianAbsoluteDeviation(history)).toBe(3.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNaN();
    // One wild value moves neither.
    expect(medianAbsoluteDeviation([10, 10, 10, 10, 1000])).toBe(0);
  });
});

describe("detectAnomaly", () => {
  const history = [100, 110, 90, 105, 95, 100, 102, 98];

  it("flags a value whose modified z-score passes 3.5", () => {
    // Spread = max(MAD 3.5, 5 % of 100 = 5, 0.5) = 5; z = 0.6745 × (130 − 100) / 5 = 4.047.
    const spike = detectAnomaly(130, history);
    expect(spike).toMatchObject({ anomalous: true, expected: 100, spread: 5, direction: "up" });
    expect(spike?.score).toBeCloseTo(4.047, 3);
    // z = 0.6745 × 20 / 5 = 2.698: unusual, not an anomaly.
    expect(detectAnomaly(120, history)).toMatchObject({ anomalous: false });
    // A drop: z = 0.6745 × (40 − 100) / 5 = −8.094.
    expect(detectAnomaly(40, history)?.score).toBeCloseTo(-8.094, 3);
    expect(detectAnomaly(40, history)?.direction).toBe("down");
  });

  it("uses the MAD when it is wider than the floor", () => {
    // History 100 200 300 400 500: median 300, MAD 100 (> 5 % of 300). z = 0.6745 × 500 / 100.
    const verdict = detectAnomaly(800, [100, 200, 300, 400, 500]);
    expect(verdict?.spread).toBe(100);
    expect(verdict?.score).toBeCloseTo(3.3725, 4);
    expect(verdict?.anomalous).toBe(false);
  });

  it("a past spike in the history does not hide the next one", () => {
    // Mean/stddev would be dragged up by the 900; median 100 and MAD 1 are not.
    const verdict = detectAnomaly(400, [100, 101, 99, 900, 100, 100]);
    expect(verdict?.expected).toBe(100);
    expect(verdict?.anomalous).toBe(true);
  });

  it("gives no verdict without enough history", () => {
    expect(detectAnomaly(500, [100, 100, 100])).toBeUndefined();
  });
});

describe("same-weekday history", () => {
  it("compares a Saturday with earlier Saturdays only", () => {
    expect(sameWeekdayHistoryDays("2026-11-21", 3)).toEqual([
      "2026-11-14",
      "2026-11-07",
      "2026-10-31",
    ]);
    // Weekdays spend 100, Saturdays 300: a 300 Saturday is normal, a 300 Tuesday is not.
    const series = new Map<string, number | null>();
    for (let i = 0; i < 70; i++) {
      const day = addDays("2026-09-14", i); // a Monday
      series.set(day, i % 7 === 5 ? 300 : 100);
    }
    const saturday = "2026-11-21";
    const tuesday = "2026-11-17";
    expect(series.get(saturday)).toBe(300);
    expect(detectDailyAnomaly(series, saturday)?.anomalous).toBe(false);
    series.set(tuesday, 300);
    expect(detectDailyAnomaly(series, tuesday)).toMatchObject({ anomalous: true, expected: 100 });
    expect(expectedSeries(series, [saturday, tuesday])).toEqual([300, 100]);
    expect(detectDailyAnomaly(series, "2030-01-01")).toBeUndefined();
  });
});

describe("thresholds and incidents", () => {
  it("compares with the rule's operator", () => {
    expect(breaches(62.4, ">", 50)).toBe(true);
    expect(breaches(50, ">", 50)).toBe(false);
    expect(breaches(50, ">=", 50)).toBe(true);
    expect(breaches(-3, "<", 0)).toBe(true);
    expect(breaches(null, "<", 0)).toBe(false);
  });

  it("alerts once per incident, resolves once, and stays quiet when it flaps within the cooldown", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const hourAgo = new Date("2026-11-23T09:00:00Z");
    const twoDaysAgo = new Date("2026-11-21T10:00:00Z");
    expect(nextIncidentAction(undefined, true, now)).toBe("open");
    expect(nextIncidentAction({ status: "open", resolveNotified: false }, true, now)).toBe("keep");
    expect(nextIncidentAction({ status: "open", resolveNotified: false }, false, now)).toBe(
      "resolve",
    );
    const resolved = { status: "resolved" as const, resolvedAt: hourAgo, resolveNotified: true };
    expect(nextIncidentAction(resolved, true, now)).toBe("reopen");
    expect(nextIncidentAction({ status: "open", resolveNotified: true }, false, now)).toBe(
      "resolve-quietly",
    );
    expect(nextIncidentAction({ ...resolved, resolvedAt: twoDaysAgo }, true, now)).toBe("open");
    expect(nextIncidentAction(resolved, false, now)).toBe("none");
    expect(nextIncidentAction(undefined, false, now)).toBe("none");
  });
});
