import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChartMeta } from "../../src/charts/meta";
import { generateDemoData } from "../../src/core/demo-data";
import { type DemoServices, openDemoServices } from "../support/demo-services";

const demo = generateDemoData({ tenantId: "local", endDay: "2026-11-22" });
/** Demo totals over the last 30 days (2026-10-24 … 2026-11-22), summed independently. */
const last30 = demo.daily.filter((d) => d.day >= "2026-10-24" && d.day <= "2026-11-22");
const sum = (key: "impressions" | "clicks" | "conversions" | "revenue" | "spend") =>
  last30.reduce((a, d) => a + d[key], 0);

let services: DemoServices;
beforeAll(async () => {
  services = await openDemoServices();
});
afterAll(() => services.close());

interface Step {
  step: string;
  value: number;
  rate_name: string | null;
  rate: number | null;
}

describe("funnel", () => {
  it("walks impressions → clicks → conversions → revenue with the demo's own sums and rates", async () => {
    const reply = await services.ask("funnel last 30d");
    const steps = reply.data.steps as Step[];
    expect(steps.map((s) => s.step)).toEqual(["impressions", "clicks", "conversions", "revenue"]);
    expect(steps[0]?.value).toBe(sum("impressions"));
    expect(steps[1]?.value).toBe(sum("clicks"));
    expect(steps[2]?.value).toBe(sum("conversions"));
    expect(steps[3]?.value).toBeCloseTo(sum("revenue"), 2);
    expect(steps[1]?.rate).toBeCloseTo((sum("clicks") / sum("impressions")) * 100, 10);
    expect(steps[2]?.rate).toBeCloseTo((sum("conversions") / sum("clicks")) * 100, 10);
    expect(steps[3]).toMatchObject({ rate_name: "revenue_per_conversion" });
    expect(steps[3]?.rate).toBeCloseTo(sum("revenue") / sum("conversions"), 6);
    const byPlatform = reply.data.by_platform as { platform: string; clicks: number }[];
    expect(byPlatform.reduce((a, p) => a + p.clicks, 0)).toBe(sum("clicks"));
    expect(reply.charts?.map((c) => c.id)).toEqual(["funnel", "funnel-rates-by-platform"]);
    expect(reply.charts?.every((c) => c.png && !c.renderError)).toBe(true);
    // The funnel is drawn on a log axis, or clicks and conversions would be invisible slivers.
    const scales = reply.charts?.[0]?.config.options?.scales as
      | { x?: { type: string } }
      | undefined;
    expect(scales?.x?.type).toBe("logarithmic");
  });

  it("names the weakest step of one campaign against all campaigns", async () => {
    const name = demo.campaigns.find((c) => c.status === "active" && c.type === "awareness")
      ?.name as string;
    const reply = await services.ask(`funnel "${name}" last 30d`);
    expect(reply.title).toContain(name);
    expect((reply.data.filters as { campaign: string }).campaign).toBe(
      demo.campaigns.find((c) => c.name === name)?.id,
    );
    expect(reply.data.weakest_step).not.toBeUndefined();
    expect(reply.charts?.map((c) => c.id)).toEqual(["funnel"]);
  });

  it("answers an unknown campaign with the closest names", async () => {
    const reply = await services.ask('funnel "Sprung Sail"');
    expect(reply.ephemeral).toBe(true);
    expect((reply.data.error as { code: string }).code).toBe("unknown_campaign");
    expect(reply.text).toContain("Spring Sale");
  });
});

describe("contribution", () => {
  it("builds a revenue waterfall whose steps add up to the period's revenue", async () => {
    const reply = await services.ask("contribution last 30d");
    const steps = reply.data.steps as {
      label: string;
      value: number;
      start: number;
      end: number;
      kind: string;
    }[];
    const total = steps.at(-1);
    expect(total?.kind).toBe("total");
    expect(total?.end).toBeCloseTo(sum("revenue"), 2);
    // Each step starts where the one before ended.
    for (let i = 1; i < steps.length - 1; i++)
      expect(steps[i]?.start).toBeCloseTo(steps[i - 1]?.end as number, 6);
    expect(steps.at(-2)?.end).toBeCloseTo(total?.end as number, 6);
    expect(steps.filter((s) => s.kind !== "total")).toHaveLength(11); // 10 named + "Other N campaigns"
    expect(steps.at(-2)?.label).toMatch(/^Other \d+ campaigns$/);
    const [waterfall, bubble] = reply.charts ?? [];
    expect(readChartMeta(waterfall?.config as never)?.kind).toBe("waterfall");
    expect(bubble?.config.type).toBe("bubble");
    expect(bubble?.id).toBe("spend-engagement-conversions");
    expect(waterfall?.png?.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("shows losses as steps down in profit mode", async () => {
    const reply = await services.ask("contribution profit last 90d");
    expect(reply.data.measure).toBe("profit");
    const steps = reply.data.steps as { kind: string; value: number }[];
    expect(steps.some((s) => s.kind === "decrease" && s.value < 0)).toBe(true);
    const campaigns = reply.data.campaigns as { revenue: number; spend: number; profit: number }[];
    expect(steps.at(-1)?.value).toBeCloseTo(
      campaigns.reduce((a, c) => a + c.profit, 0),
      2,
    );
  });
});
