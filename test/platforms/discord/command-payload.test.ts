import { describe, expect, it } from "vitest";
import commands from "../../../commands/index";
import { type Command, defineCommand } from "../../../src/bot/command";
import { METRIC_CHOICES } from "../../../src/bot/common-options";
import { buildCommandPayload } from "../../../src/platforms/discord/command-payload";
import { CAMPAIGN_TYPES, PLATFORMS } from "../../../src/store/schema";
import { validateCommands } from "../../support/discord-rules";

// biome-ignore lint/suspicious/noExplicitAny: tests read into Discord's JSON payloads freely
type Json = Record<string, any>;

const payload = buildCommandPayload(commands) as Json[];
const campaign = payload[0] as Json;
const sub = (name: string) => (campaign.options as Json[]).find((o) => o.name === name) as Json;
const opt = (subcommand: string, name: string) =>
  (sub(subcommand).options as Json[]).find((o) => o.name === name) as Json;

function command(overrides: Partial<Command>): Command {
  return defineCommand({
    name: "probe",
    description: "A probe",
    examples: [],
    options: [] as const,
    run: async () => ({ title: "", data: {} }),
    ...overrides,
  } as never);
}

describe("buildCommandPayload (the registry as Discord's /campaign)", () => {
  it("is one /campaign command whose subcommands are commands/index.ts, in order, within Discord's rules", () => {
    expect(payload).toHaveLength(1);
    expect(campaign.name).toBe("campaign");
    expect(campaign.type).toBe(1);
    expect(campaign.options.map((o: Json) => [o.name, o.type])).toEqual(
      commands.map((c) => [c.name, 1]),
    );
    expect(validateCommands(payload)).toEqual([]);
  });

  it("maps each option kind to a Discord option type", () => {
    // period: free text with suggestions (fixed choices would refuse 2026-01-01..2026-01-31).
    expect(opt("roi", "period")).toMatchObject({ type: 3, autocomplete: true, required: false });
    expect(opt("roi", "period").choices).toBeUndefined();
    expect(opt("roi", "platform")).toMatchObject({ type: 3 });
    expect(opt("roi", "platform").choices.map((c: Json) => c.value)).toEqual([...PLATFORMS]);
    expect(opt("roi", "type").choices.map((c: Json) => c.value)).toEqual([...CAMPAIGN_TYPES]);
    expect(opt("roi", "campaign")).toMatchObject({ type: 3, autocomplete: true });
    expect(opt("top", "metric").choices.map((c: Json) => c.value)).toEqual([...METRIC_CHOICES]);
    expect(opt("top", "n")).toMatchObject({ type: 4, min_value: 1, max_value: 50 });
    expect(opt("compare", "campaigns")).toEqual({
      type: 3,
      name: "campaigns",
      description: "Two campaigns: A vs B",
      required: false,
    });
  });

  it("puts required options first, as Discord demands", () => {
    const trend = commands.find((c) => c.name === "trend");
    expect(trend?.options[0]?.required).toBe(true);
    const probe = command({
      options: [
        { name: "later", kind: "text", description: "optional" },
        { name: "first", kind: "text", description: "required", required: true },
      ],
    });
    const options = (buildCommandPayload([probe])[0] as Json).options[0].options as Json[];
    expect(options.map((o) => o.name)).toEqual(["first", "later"]);
  });

  it("autocompletes a choice list longer than Discord's 25 choices", () => {
    const choices = Array.from({ length: 30 }, (_, i) => `metric_${i}`);
    const probe = command({
      options: [{ name: "metric", kind: "metric", description: "m", choices }],
    });
    const [option] = (buildCommandPayload([probe])[0] as Json).options[0].options as Json[];
    expect(option).toMatchObject({ type: 3, autocomplete: true });
    expect(option?.choices).toBeUndefined();
  });

  it("cuts descriptions to 100 characters and defaults integer bounds like the dispatcher", () => {
    const probe = command({
      description: "x".repeat(140),
      options: [{ name: "n", kind: "integer", description: "y".repeat(300) }],
    });
    const subcommand = (buildCommandPayload([probe])[0] as Json).options[0];
    expect(subcommand.description).toHaveLength(100);
    expect(subcommand.options[0]).toMatchObject({ min_value: 1, max_value: 1000 });
    expect(subcommand.options[0].description.length).toBeLessThanOrEqual(100);
  });

  it("refuses definitions Discord cannot express, naming the culprit", () => {
    expect(() => buildCommandPayload([command({ name: "Top Campaigns" })])).toThrow(
      /command "Top Campaigns"/,
    );
    const badOption = command({ options: [{ name: "Period", kind: "period", description: "p" }] });
    expect(() => buildCommandPayload([badOption])).toThrow(/option "Period"/);
    const many = Array.from({ length: 26 }, (_, i) => command({ name: `c${i}` }));
    expect(() => buildCommandPayload(many)).toThrow(/at most 25 subcommands/);
  });
});
