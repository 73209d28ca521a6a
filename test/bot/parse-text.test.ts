import { describe, expect, it } from "vitest";
import commands from "../../commands/index";
import { UserError } from "../../src/bot/errors";
import { parseCommandText, parseTypedOptions } from "../../src/bot/parse-text";
import { tokenize } from "../../src/bot/tokenize";

// 2026-11-22 09:00 in Paris.
const env = { now: new Date("2026-11-22T08:00:00Z"), timezone: "Europe/Paris" };
const parse = (text: string) => parseCommandText(text, commands, env);

function userError(text: string): UserError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed without error`);
}

describe("tokenize", () => {
  it("keeps quoted phrases and quoted filter values together", () => {
    expect(tokenize('compare "Spring Sale" vs “Brand Lift”')).toEqual([
      "compare",
      "Spring Sale",
      "vs",
      "Brand Lift",
    ]);
    expect(tokenize('kpis campaign:"Spring Sale" last 7d')).toEqual([
      "kpis",
      "campaign:Spring Sale",
      "last",
      "7d",
    ]);
  });
});

describe("parseCommandText", () => {
  it("parses a period, filters and the default period", () => {
    const roi = parse("/campaign roi last 7d platform:FB type:conversion");
    expect(roi.command.name).toBe("roi");
    expect(roi.args).toMatchObject({
      period: { from: "2026-11-16", to: "2026-11-22", days: 7 },
      platform: "facebook",
      type: "conversion",
    });
    expect(parse("roi").args.period).toMatchObject({
      from: "2026-10-24",
      to: "2026-11-22",
      days: 30,
    });
  });

  it("fills positional metric, number and campaign text in order", () => {
    expect(parse("top cpa 10 last 90d").args).toMatchObject({ metric: "cpa", n: 10 });
    expect(parse("top").args).not.toHaveProperty("metric");
    expect(parse("trend conv-rate weekly last month Spring Sale").args).toMatchObject({
      metric: "conversion_rate",
      grain: "weekly",
      campaign: "Spring Sale",
      period: { from: "2026-10-01", to: "2026-10-31" },
    });
  });

  it("treats an empty text as help", () => {
    expect(parse("").command.name).toBe("help");
  });

  it.each([
    ["rio last 30d", "unknown_command", /Did you mean `roi`/],
    ["roi last 400x", "bad_period", /Periods:/],
    ["roi 2026-02-30..2026-03-01", "bad_period", /Periods:/],
    ["roi platform:myspace", "unknown_platform", /facebook, instagram, tiktok, google, linkedin/],
    ["roi type:viral", "unknown_campaign_type", /awareness, engagement, conversion/],
    ["roi colour:red", "unknown_filter", /platform:/],
    ["trend", "missing_argument", /Valid metric values: .*ctr/],
    ["trend happiness", "invalid_metric", /ctr/],
    ["top roi 500", "invalid_n", /1 to 50/],
    ["top roi 5 bananas", "unexpected_argument", /Usage: `\/campaign top/],
  ])("%s → %s with the valid values", (text, code, hint) => {
    const error = userError(text);
    expect(error.code).toBe(code);
    expect([error.message, ...error.hints].join("\n")).toMatch(hint);
  });

  it("answers 4,000 characters of junk with a short, helpful error", () => {
    const junk = "x".repeat(1000) + " ".repeat(10) + "$%^&*()".repeat(427);
    const error = userError(junk);
    expect(error.code).toBe("unknown_command");
    expect(error.message.length).toBeLessThan(80);
    expect(error.hints.join(" ")).toContain("roi");
  });
});

describe("parseTypedOptions", () => {
  const typed = (sub: string, raw: Record<string, string | number>) =>
    parseTypedOptions(sub, raw, commands, env);

  it("converts typed values exactly like text and defaults the period", () => {
    expect(typed("top", { metric: "CPA", n: 3, platform: "Google Ads" }).args).toMatchObject({
      metric: "cpa",
      n: 3,
      platform: "google",
      period: { days: 30, to: "2026-11-22" },
    });
    expect(typed("roi", { period: "last month" }).args.period).toMatchObject({
      from: "2026-10-01",
      to: "2026-10-31",
    });
  });

  it("refuses what text refuses", () => {
    expect(() => typed("roi", { period: "last 13x" })).toThrow(UserError);
    expect(() => typed("trend", {})).toThrow(/trend needs a metric/);
    expect(() => typed("nope", {})).toThrow(/Unknown command/);
    expect(() => typed("roi", { colour: "red" })).toThrow(/not a filter/);
  });
});
