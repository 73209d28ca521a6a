import { describe, expect, it } from "vitest";
import commands from "../../commands/index";
import { UserError } from "../../src/bot/errors";
import { parseCommandText, parseTypedOptions } from "../../src/bot/parse-text";

// The option kinds added for digests and alerts (time, timezone, number) and `name:value` for
// choice options, through the same parser as every other command.

const env = { now: new Date("2026-11-22T08:00:00Z"), timezone: "Europe/Paris" };
const parse = (text: string) => parseCommandText(text, commands, env).args;

function userError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("parsed without error");
}

describe("digest options", () => {
  it("reads cadence, weekday, time, zone, metric, late policy and filters positionally", () => {
    expect(parse("digest daily 09:00 Europe/Paris")).toEqual({
      action: "daily",
      time: "09:00",
      timezone: "Europe/Paris",
    });
    expect(
      parse("/campaign digest weekly fri 4:30pm america/new_york cpa late:skip platform:fb"),
    ).toEqual({
      action: "weekly",
      day: "fri",
      time: "16:30",
      timezone: "America/New_York",
      metric: "cpa",
      late: "skip",
      platform: "facebook",
    });
    expect(parse("digest monthly 8 utc skip")).toMatchObject({
      time: "08:00",
      timezone: "UTC",
      late: "skip",
    });
  });

  it("leaves ids to the free-text option", () => {
    expect(parse("digest pause dg-1a2b3c4d")).toEqual({ action: "pause", id: "dg-1a2b3c4d" });
    expect(parse("digest history")).toEqual({ action: "history" });
  });

  it("names the fix for a zone it does not know", () => {
    const error = userError(() => parse("digest daily 09:00 Europe/Pariss"));
    expect(error.code).toBe("unknown_timezone");
    expect(error.hints.join("\n")).toContain("Did you mean `Europe/Paris`?");
    expect(userError(() => parse("digest hourly 09:00")).code).toBe("invalid_action");
    expect(userError(() => parse("digest daily late:sometimes")).code).toBe("invalid_late");
  });
});

describe("alert options", () => {
  it("reads metric, operator, number, window, filters and a campaign", () => {
    expect(parse("alert cpa > 50 7d platform:facebook")).toEqual({
      metric: "cpa",
      op: ">",
      value: 50,
      window: "7d",
      platform: "facebook",
    });
    expect(parse('alert ctr below 1.5% "Spring Sale"')).toEqual({
      metric: "ctr",
      op: "below",
      value: 1.5,
      campaign: "Spring Sale",
    });
    expect(parse("alert spend >= $1,200")).toMatchObject({ op: ">=", value: 1200 });
    expect(parse("alert roi < -10")).toMatchObject({ op: "<", value: -10 });
    expect(parse("alert remove al-0001")).toEqual({ metric: "remove", campaign: "al-0001" });
    expect(parse("alert anomalies type:conversion")).toEqual({
      metric: "anomalies",
      type: "conversion",
    });
  });
});

describe("typed options (Discord) convert the new kinds like text", () => {
  const typed = (sub: string, raw: Record<string, string | number>) =>
    parseTypedOptions(sub, raw, commands, env).args;

  it("normalises times, zones and numbers", () => {
    expect(
      typed("digest", { action: "daily", time: "9am", timezone: "europe/paris" }),
    ).toMatchObject({
      time: "09:00",
      timezone: "Europe/Paris",
    });
    expect(typed("alert", { metric: "cpa", op: ">", value: "12.5" })).toMatchObject({
      value: 12.5,
    });
  });

  it("refuses what text refuses", () => {
    expect(userError(() => typed("digest", { action: "daily", time: "25:00" })).code).toBe(
      "invalid_time",
    );
    expect(userError(() => typed("digest", { action: "daily", timezone: "Paris" })).code).toBe(
      "unknown_timezone",
    );
    expect(userError(() => typed("alert", { metric: "cpa", value: "lots" })).code).toBe(
      "invalid_value",
    );
  });
});
