import { describe, expect, it } from "vitest";
import { dueSlot } from "../../../src/core/schedule/due";
import { localTimeToInstant } from "../../../src/core/schedule/local-time";
import {
  canonicalTimeZone,
  describeSchedule,
  parseTimeOfDay,
  type ScheduleSpec,
} from "../../../src/core/schedule/schedule-spec";
import {
  firesOn,
  latestSlotAtOrBefore,
  nextSlotAfter,
  slotsBetween,
} from "../../../src/core/schedule/slots";

const iso = (d: Date | undefined) => d?.toISOString();
const at = (s: string) => new Date(s);
const daily = (time: string, timezone: string): ScheduleSpec => ({
  cadence: "daily",
  time,
  timezone,
});

describe("localTimeToInstant", () => {
  // Offsets checked against the tz database: New York EST −5 / EDT −4, switching 2026-03-08 02:00
  // → 03:00 and 2026-11-01 02:00 → 01:00; Paris CET +1 / CEST +2, switching 2026-03-29 02:00 →
  // 03:00 and 2026-10-25 03:00 → 02:00.
  it("maps ordinary times with the offset in force", () => {
    expect(localTimeToInstant("2026-07-01", 9, 0, "America/New_York")).toEqual({
      instant: at("2026-07-01T13:00:00Z"),
      fit: "exact",
    });
    expect(localTimeToInstant("2026-01-15", 9, 0, "Europe/Paris").instant).toEqual(
      at("2026-01-15T08:00:00Z"),
    );
  });

  it("takes the first valid instant after a time skipped by spring-forward", () => {
    expect(localTimeToInstant("2026-03-08", 2, 30, "America/New_York")).toEqual({
      instant: at("2026-03-08T07:00:00Z"), // 03:00 EDT
      fit: "after-gap",
    });
    expect(localTimeToInstant("2026-03-29", 2, 30, "Europe/Paris")).toEqual({
      instant: at("2026-03-29T01:00:00Z"), // 03:00 CEST
      fit: "after-gap",
    });
    // 03:00 itself exists (it is the first minute after the gap).
    expect(localTimeToInstant("2026-03-08", 3, 0, "America/New_York")).toMatchObject({
      instant: at("2026-03-08T07:00:00Z"),
      fit: "exact",
    });
  });

  it("takes the first of the two occurrences on fall-back", () => {
    expect(localTimeToInstant("2026-11-01", 1, 30, "America/New_York")).toEqual({
      instant: at("2026-11-01T05:30:00Z"), // 01:30 EDT, not 06:30Z (EST)
      fit: "first-of-two",
    });
    expect(localTimeToInstant("2026-10-25", 2, 30, "Europe/Paris")).toEqual({
      instant: at("2026-10-25T00:30:00Z"), // 02:30 CEST, not 01:30Z (CET)
      fit: "first-of-two",
    });
  });

  it("rejects an unknown zone", () => {
    expect(() => localTimeToInstant("2026-01-01", 9, 0, "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("slots", () => {
  it("finds the latest slot at or before an instant, and the next one after", () => {
    const spec = daily("09:00", "Europe/Paris");
    expect(iso(latestSlotAtOrBefore(spec, at("2026-11-23T08:00:00Z")))).toBe(
      "2026-11-23T08:00:00.000Z",
    );
    expect(iso(latestSlotAtOrBefore(spec, at("2026-11-23T07:59:59Z")))).toBe(
      "2026-11-22T08:00:00.000Z",
    );
    expect(iso(nextSlotAfter(spec, at("2026-11-23T08:00:00Z")))).toBe("2026-11-24T08:00:00.000Z");
  });

  it("fires weekly on the chosen weekday and monthly on the day, clamped to short months", () => {
    const weekly: ScheduleSpec = { cadence: "weekly", time: "08:30", timezone: "UTC" };
    // 2026-11-23 is a Monday.
    expect(firesOn(weekly, "2026-11-23")).toBe(true);
    expect(firesOn(weekly, "2026-11-24")).toBe(false);
    expect(iso(nextSlotAfter(weekly, at("2026-11-23T08:30:00Z")))).toBe("2026-11-30T08:30:00.000Z");
    expect(firesOn({ ...weekly, day: 5 }, "2026-11-27")).toBe(true);

    const monthly: ScheduleSpec = { cadence: "monthly", time: "07:00", timezone: "UTC", day: 31 };
    expect(firesOn(monthly, "2026-02-28")).toBe(true);
    expect(firesOn(monthly, "2026-03-30")).toBe(false);
    expect(firesOn(monthly, "2026-03-31")).toBe(true);
    expect(iso(latestSlotAtOrBefore({ ...monthly, day: 1 }, at("2026-11-23T00:00:00Z")))).toBe(
      "2026-11-01T07:00:00.000Z",
    );
  });

  it("lists a DST week in New York once per local day, at 09:00 local", () => {
    const spec = daily("09:00", "America/New_York");
    const slots = slotsBetween(spec, at("2026-03-06T00:00:00Z"), at("2026-03-10T23:59:00Z"));
    expect(slots.map(iso)).toEqual([
      "2026-03-06T14:00:00.000Z", // EST
      "2026-03-07T14:00:00.000Z",
      "2026-03-08T13:00:00.000Z", // EDT from the 8th
      "2026-03-09T13:00:00.000Z",
      "2026-03-10T13:00:00.000Z",
    ]);
  });

  it("fires a 02:30 subscription once on spring-forward and a 01:30 once on fall-back", () => {
    const gap = daily("02:30", "America/New_York");
    expect(
      slotsBetween(gap, at("2026-03-07T12:00:00Z"), at("2026-03-09T12:00:00Z")).map(iso),
    ).toEqual(["2026-03-08T07:00:00.000Z", "2026-03-09T06:30:00.000Z"]);
    const overlap = daily("01:30", "America/New_York");
    expect(
      slotsBetween(overlap, at("2026-10-31T12:00:00Z"), at("2026-11-02T12:00:00Z")).map(iso),
    ).toEqual(["2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"]);
    const paris = daily("02:30", "Europe/Paris");
    expect(
      slotsBetween(paris, at("2026-10-24T12:00:00Z"), at("2026-10-26T12:00:00Z")).map(iso),
    ).toEqual(["2026-10-25T00:30:00.000Z", "2026-10-26T01:30:00.000Z"]);
  });

  it("runs hourly slots at the local minute", () => {
    const hourly: ScheduleSpec = { cadence: "hourly", time: "00:05", timezone: "UTC" };
    expect(iso(latestSlotAtOrBefore(hourly, at("2026-11-23T10:04:59Z")))).toBe(
      "2026-11-23T09:05:00.000Z",
    );
    expect(iso(nextSlotAfter(hourly, at("2026-11-23T10:05:00Z")))).toBe("2026-11-23T11:05:00.000Z");
  });
});

describe("dueSlot", () => {
  const spec = daily("09:00", "Europe/Paris");
  const activeFrom = at("2026-11-01T00:00:00Z");

  it("runs the slot on time, and never again once it is the watermark", () => {
    const first = dueSlot({
      spec,
      at: at("2026-11-23T08:00:20Z"),
      activeFrom,
      latePolicy: "skip",
      watermark: at("2026-11-22T08:00:00Z"),
    });
    expect(first).toEqual({
      action: "run",
      slot: at("2026-11-23T08:00:00Z"),
      late: false,
      missed: 0,
    });
    const again = dueSlot({
      spec,
      at: at("2026-11-23T08:01:00Z"),
      activeFrom,
      latePolicy: "skip",
      watermark: at("2026-11-23T08:00:00Z"),
    });
    expect(again).toEqual({ action: "none" });
  });

  it("finds nothing when the clock steps back behind the watermark", () => {
    expect(
      dueSlot({
        spec,
        at: at("2026-11-23T07:55:00Z"),
        activeFrom,
        latePolicy: "once",
        watermark: at("2026-11-23T08:00:00Z"),
      }),
    ).toEqual({ action: "none" });
  });

  it("applies the late policy to a slot missed during downtime, collapsing older ones", () => {
    // Down from the 21st's slot until 11:40 Paris on the 23rd: slots of the 22nd and 23rd missed.
    const input = {
      spec,
      at: at("2026-11-23T10:40:00Z"),
      activeFrom,
      watermark: at("2026-11-21T08:00:00Z"),
    };
    expect(dueSlot({ ...input, latePolicy: "once" })).toEqual({
      action: "run",
      slot: at("2026-11-23T08:00:00Z"),
      late: true,
      missed: 1,
    });
    expect(dueSlot({ ...input, latePolicy: "skip" })).toEqual({
      action: "skip",
      slot: at("2026-11-23T08:00:00Z"),
      missed: 1,
    });
    // 14 minutes after the slot is still on time.
    expect(dueSlot({ ...input, at: at("2026-11-23T08:14:00Z"), latePolicy: "skip" })).toMatchObject(
      {
        action: "run",
        late: false,
      },
    );
  });

  it("never runs slots from before the subscription existed", () => {
    const created = at("2026-11-23T08:05:00Z");
    expect(
      dueSlot({ spec, at: at("2026-11-23T08:06:00Z"), activeFrom: created, latePolicy: "once" }),
    ).toEqual({ action: "none" });
    expect(
      dueSlot({ spec, at: at("2026-11-24T08:00:00Z"), activeFrom: created, latePolicy: "once" }),
    ).toEqual({ action: "run", slot: at("2026-11-24T08:00:00Z"), late: false, missed: 0 });
  });
});

describe("schedule words", () => {
  it("parses times people type, and describes schedules", () => {
    expect(["09:00", "9:00", "9", "9am", "9:30pm", "21h30", "12am"].map(parseTimeOfDay)).toEqual([
      "09:00",
      "09:00",
      "09:00",
      "09:00",
      "21:30",
      "21:30",
      "00:00",
    ]);
    expect(["24:00", "9:60", "930", "13pm", "noon"].map(parseTimeOfDay)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(canonicalTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(canonicalTimeZone("Europe/Pariss")).toBeUndefined();
    expect(describeSchedule({ cadence: "weekly", time: "09:00", timezone: "UTC", day: 5 })).toBe(
      "Fridays at 09:00 UTC",
    );
    expect(describeSchedule({ cadence: "monthly", time: "07:00", timezone: "UTC", day: 2 })).toBe(
      "monthly on the 2nd at 07:00 UTC",
    );
  });
});
