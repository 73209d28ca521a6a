import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isoWeekday, isoWeekdayOfEpoch, utcDayOf } from "../../src/core/days";
import { localPartsIn } from "../../src/core/local-parts";
import { createRng } from "../../src/core/random";

describe("local parts of an instant", () => {
  it("agrees with luxon across zones, DST changes and half-hour offsets", () => {
    const rng = createRng(11);
    const zones = [
      "UTC",
      "Europe/Paris",
      "America/New_York",
      "Asia/Kolkata",
      "Australia/Lord_Howe",
    ];
    for (const zone of zones) {
      const local = localPartsIn(zone);
      for (let i = 0; i < 300; i++) {
        const ms = Date.parse("2020-01-01T00:00:00Z") + Math.floor(rng.next() * 3e11);
        const expected = DateTime.fromMillis(ms, { zone });
        expect(local(new Date(ms).toISOString())).toEqual({
          day: expected.toISODate(),
          weekday: expected.weekday,
          hour: expected.hour,
        });
      }
    }
  });

  it("places the instants around a fall-back change in the right hour", () => {
    const local = localPartsIn("America/New_York");
    expect(local("2026-11-01T05:30:00.000Z")).toEqual({ day: "2026-11-01", weekday: 7, hour: 1 });
    expect(local("2026-11-01T06:30:00.000Z")).toEqual({ day: "2026-11-01", weekday: 7, hour: 1 });
    expect(local("2026-11-01T07:30:00.000Z")).toEqual({ day: "2026-11-01", weekday: 7, hour: 2 });
  });

  it("rejects an unknown zone when asked, and text that is no instant", () => {
    expect(() => localPartsIn("Mars/Base")).toThrow(/not an IANA time zone/);
    expect(() => localPartsIn("UTC")("soon")).toThrow(/not an ISO instant/);
  });

  it("counts weekdays from epoch days, before 1970 too", () => {
    for (let epoch = -800; epoch <= 800; epoch += 7 * 13 + 1) {
      expect(isoWeekdayOfEpoch(epoch)).toBe(isoWeekday(utcDayOf(epoch * 86_400_000)));
    }
    expect(isoWeekdayOfEpoch(0)).toBe(4);
    expect(isoWeekdayOfEpoch(-1)).toBe(3);
  });
});
