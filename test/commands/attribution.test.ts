import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldPaths } from "../../src/core/attribution/fold-paths";
import { runAllModels } from "../../src/core/attribution/models";
import { ATTRIBUTION_MODELS } from "../../src/core/attribution/result";
import { generateDemoData } from "../../src/core/demo-data";
import { generateDemoJourneys } from "../../src/core/demo-journeys";
import { buildJourneys } from "../../src/core/journeys/build-journeys";
import { foldJourneys } from "../../src/core/journeys/fold-journeys";
import { type DemoServices, openDemoServices } from "../support/demo-services";

// The expected figures come from the demo generators and the core, independently of the store.
const campaigns = generateDemoData({ tenantId: "local", endDay: "2026-11-22" }).campaigns;
const journeys = buildJourneys(
  generateDemoJourneys({ tenantId: "local", endDay: "2026-11-22", campaigns }),
);
const endedIn = (from: string, to: string) =>
  journeys.filter((j) => {
    const end = new Date(j.convertedAt ?? (j.times.at(-1) as number)).toISOString();
    return end >= `${from}T00:00:00.000Z` && end < `${to}T00:00:00.000Z`;
  });
const last30 = foldJourneys(endedIn("2026-10-24", "2026-11-23"));

let services: DemoServices;
beforeAll(async () => {
  services = await openDemoServices();
});
afterAll(() => services.close());

type Credit = Record<string, Record<string, number>>;

describe("attribution compare", () => {
  it("returns all seven models per channel and the removal effects, as the core computes them", async () => {
    const reply = await services.ask("/campaign attribution compare");
    const data = reply.data as {
      models: Credit;
      removal_effects: Record<string, number>;
      totals: { conversions: number };
    };
    const expected = runAllModels(last30);
    expect(Object.keys(data.models)).toEqual([...ATTRIBUTION_MODELS]);
    expect(data.totals.conversions).toBe(last30.totals.conversions);
    for (const model of ATTRIBUTION_MODELS) {
      expect(Object.keys(data.models[model] ?? {}).sort()).toEqual([...last30.channels].sort());
      for (const channel of last30.channels) {
        expect(data.models[model]?.[channel], `${model}.${channel}`).toBeCloseTo(
          expected[model].conversions[channel] as number,
          9,
        );
      }
      const sum = Object.values(data.models[model] ?? {}).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(last30.totals.conversions, 9);
    }
    for (const channel of last30.channels) {
      expect(data.removal_effects[channel]).toBeCloseTo(
        expected.markov.removalEffects[channel] as number,
        12,
      );
    }
    expect(reply.charts?.map((c) => c.id)).toEqual([
      "attribution-models",
      "markov-removal-effects",
    ]);
    expect(reply.charts?.every((c) => c.png?.subarray(1, 4).toString("latin1") === "PNG")).toBe(
      true,
    );
    expect(reply.table?.columns).toContain("Removal effect");
    expect(reply.data.source).toBe("touchpoints");
  });

  it("compares by default, and honours the period and the Markov order", async () => {
    const reply = await services.ask("attribution 2 last 90d");
    expect(reply.data.markov_order).toBe(2);
    expect((reply.data.period as { days: number }).days).toBe(90);
    expect(Object.keys(reply.data.models as Credit)).toHaveLength(7);
  });
});

describe("attribution with one model", () => {
  it("shows markov with its transition matrix", async () => {
    const reply = await services.ask("attribution markov last 30d");
    const matrix = reply.data.transition_matrix as { states: string[]; matrix: number[][] };
    expect(matrix.states[0]).toBe("(start)");
    expect(matrix.states.slice(-2)).toEqual(["(conversion)", "(null)"]);
    for (const row of matrix.matrix) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(reply.charts?.map((c) => c.id)).toEqual([
      "attribution-markov",
      "markov-removal-effects",
    ]);
  });

  it("shows one rule-based model with shares", async () => {
    const reply = await services.ask("attribution last-touch");
    const credit = (reply.data.models as Credit).last_touch ?? {};
    expect(Object.values(credit).reduce((a, b) => a + b, 0)).toBe(last30.totals.conversions);
    expect(reply.table?.columns).toEqual(["Channel", "Conversions", "Share", "Value"]);
  });
});

describe("attribution through typed options (Discord)", () => {
  const typed = (options: Record<string, string>) =>
    services.dispatcher.dispatch({
      platform: "discord",
      tenantId: "local",
      userId: "discord:1",
      text: "",
      subcommand: "attribution",
      options,
    });

  it("takes the model as a choice and the order as text", async () => {
    const reply = await typed({ model: "markov", order: "2", period: "last 90d" });
    expect(reply.data.model).toBe("markov");
    expect(reply.data.markov_order).toBe(2);
  });

  it("lists the valid models for an unknown one", async () => {
    const reply = await typed({ model: "u_shaped" });
    expect((reply.data.error as { code: string }).code).toBe("invalid_model");
    expect(reply.text).toContain("Valid values: first_touch");
  });
});

describe("attribution from path exports", () => {
  it("uses journey_paths when a tenant has no touchpoints, and says how time decay was done", async () => {
    await services.store.tenants.ensure(
      { id: "paths-only", name: "Paths", timezone: "UTC", currency: "USD" },
      new Date(),
    );
    await services.store.journeys.upsertPaths([
      {
        tenant_id: "paths-only",
        day: "2026-11-20",
        path: "A > B > C",
        conversions: 2,
        conversion_value: 300,
        nulls: 1,
      },
      {
        tenant_id: "paths-only",
        day: "2026-11-20",
        path: "A > A > C",
        conversions: 1,
        conversion_value: 100,
        nulls: 1,
      },
      {
        tenant_id: "paths-only",
        day: "2026-11-21",
        path: "B",
        conversions: 1,
        conversion_value: 50,
        nulls: 3,
      },
      {
        tenant_id: "paths-only",
        day: "2026-11-21",
        path: "C > A",
        conversions: 0,
        conversion_value: 0,
        nulls: 2,
      },
    ]);
    const reply = await services.ask("attribution compare last 7d", { tenantId: "paths-only" });
    expect(reply.data.source).toBe("paths");
    // The hand-checked example (test/core/attribution/hand-example.test.ts).
    const markov = (reply.data.models as Credit).markov ?? {};
    expect(markov.a).toBeCloseTo(1800 / 1803, 12);
    expect((reply.data.removal_effects as Record<string, number>).c).toBeCloseTo(153 / 196, 12);
    expect(reply.text).toMatch(/no timestamps: time decay treats touches as one day apart/);
    const expected = runAllModels(
      foldPaths([
        { path: "a > b > c", conversions: 2, value: 300, nulls: 1 },
        { path: "a > a > c", conversions: 1, value: 100, nulls: 1 },
        { path: "b", conversions: 1, value: 50, nulls: 3 },
        { path: "c > a", nulls: 2 },
      ]),
    );
    expect((reply.data.models as Credit).time_decay?.a).toBeCloseTo(
      expected.time_decay.conversions.a as number,
      12,
    );
  });
});

describe("attribution bad input", () => {
  it.each([
    [
      "attribution markv",
      "invalid_model",
      /Valid values: first_touch, last_touch, linear, time_decay, position_based, markov, shapley, compare/,
    ],
    ["attribution markov 7", "invalid_order", /1, 2, 3 or 4/],
    ["attribution linear 2", "invalid_order", /only applies to markov/],
    ["attribution 2020-01-01..2020-01-31", "no_data", /No customer journeys/],
  ])("%s → %s", async (text, code, message) => {
    const reply = await services.ask(text);
    expect(reply.ephemeral).toBe(true);
    expect((reply.data.error as { code: string }).code).toBe(code);
    expect(reply.text).toMatch(message);
  });

  it("suggests the closest model", async () => {
    const reply = await services.ask("attribution shapely");
    expect(reply.text).toContain("Did you mean `shapley`?");
  });

  it("is listed in help with the other new commands", async () => {
    const reply = await services.ask("help");
    for (const name of ["attribution", "journeys", "influencers"])
      expect(reply.text).toContain(`**${name}**`);
  });
});
