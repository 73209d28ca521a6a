import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/bot/clock";
import { importFromBuffer } from "../../src/import/run-import";
import { DEMO_NOW, type DemoServices, openDemoServices } from "../support/demo-services";

let services: DemoServices;
beforeAll(async () => {
  services = await openDemoServices();
});
afterAll(() => services.close());

interface ExportData {
  filename: string;
  contentType: string;
  rows: number;
  csv: string;
}

function rowsOf(csv: string): string[][] {
  return parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
}

describe("/campaign export", () => {
  it("exports the ROI ranking as CSV matching the roi command", async () => {
    const reply = await services.ask("export roi last 30d");
    const roi = await services.ask("roi last 30d");
    const data = reply.data.export as ExportData;
    expect(data).toMatchObject({
      filename: "roi-2026-10-24-2026-11-22.csv",
      contentType: "text/csv; charset=utf-8",
    });
    const [header, ...rows] = rowsOf(data.csv);
    expect(header).toEqual([
      "rank",
      "campaign_id",
      "campaign_name",
      "platform",
      "type",
      "spend",
      "revenue",
      "roi",
      "roas",
    ]);
    const ranked = roi.data.campaigns as { id: string; roi: number }[];
    expect(rows.map((r) => r[1])).toEqual(ranked.map((c) => c.id));
    // Numbers stay numbers: a losing campaign's ROI is a plain negative number, not '-12.5.
    const last = rows.at(-1) as string[];
    expect(Number(last[7])).toBeCloseTo(ranked.at(-1)?.roi as number, 3);
    expect(last[7]).toMatch(/^-\d/);
    expect(reply.table?.rows.length).toBeLessThanOrEqual(10);
  });

  it("neutralises spreadsheet formulas in text cells", async () => {
    const tenant = await services.store.tenants.get("local");
    if (!tenant) throw new Error("demo tenant");
    const csv =
      'Campaign,Day,Cost,Revenue,Platform\n"=HYPERLINK(""http://evil"",""win"")",2026-11-20,10,5,google\n+cmd|calc,2026-11-20,10,50,google\n';
    const summary = await importFromBuffer(
      {
        store: services.store,
        tenant,
        user: { id: "local:test" },
        clock: fixedClock(DEMO_NOW),
        managers: [],
      },
      "campaigns",
      csv,
    );
    expect(summary.status).toBe("imported");
    const reply = await services.ask("export kpis last 7d platform:google");
    const rows = rowsOf((reply.data.export as ExportData).csv);
    const names = rows.map((r) => r[1]);
    expect(names).toContain('\'=HYPERLINK("http://evil","win")');
    expect(names).toContain("'+cmd|calc");
    expect(names.filter((n) => /^[=+\-@]/.test(n ?? ""))).toEqual([]);
  });

  it("exports daily rows and campaigns, filtered", async () => {
    const daily = rowsOf(
      ((await services.ask("export daily last 7d platform:tiktok")).data.export as ExportData).csv,
    );
    expect(daily[0]?.slice(0, 5)).toEqual([
      "day",
      "campaign_id",
      "campaign_name",
      "platform",
      "spend",
    ]);
    expect(daily.length).toBeGreaterThan(1);
    expect(new Set(daily.slice(1).map((r) => r[3]))).toEqual(new Set(["tiktok"]));
    const campaigns = (await services.ask("export campaigns")).data.export as ExportData;
    expect(campaigns.filename).toBe("campaigns.csv");
    expect(campaigns.rows).toBeGreaterThanOrEqual(48);
  });

  it("rejects an unknown view with the valid ones", async () => {
    const reply = await services.ask("export everything");
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toMatch(/roi, kpis, campaigns, daily, audience/);
  });
});
