import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdpulse } from "../support/child-processes";

const _run = promisify(execFile);
const FIXTURES = join(import.meta.dirname, "..", "import", "fixtures");

let dir: string;
let env: NodeJS.ProcessEnv;

function adpulse(...args: string[]) {
  return runAdpulse(args, { env, cwd: dir });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "adpulse-import-cli-"));
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: `sqlite:${join(dir, "cli.db")}`,
  };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// Each case starts the real CLI (tsx compiles the app on load): slow on a busy 2-core machine.
describe("adpulse import / export", { timeout: 120_000 }, () => {
  it("imports an export, then re-imports it as unchanged (--json)", async () => {
    const first = await adpulse(
      "import",
      "campaigns",
      join(FIXTURES, "google-ads-campaign-report.csv"),
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      "Imported 4 campaign-day rows from google-ads-campaign-report.csv",
    );
    expect(first.stdout).toContain("Impr. → impressions");
    const again = await adpulse(
      "import",
      "campaigns",
      join(FIXTURES, "google-ads-campaign-report.csv"),
      "--json",
    );
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({
      status: "imported",
      kind: "campaigns",
      counts: { inserted: 0, updated: 0, unchanged: 4 },
    });
    expect(summary.columns[5]).toEqual({ column: "F", header: "Impr.", field: "impressions" });
  });

  it("exits 2 with the first problems (line, column) on stderr and writes nothing", async () => {
    const bad = join(dir, "bad.csv");
    await writeFile(
      bad,
      "Campaign,Day,Cost,Platform\nNew one,2026-03-05,5,google\nOther,2026-02-30,1,google\nThird,2026-03-05,lots,google\n",
    );
    const result = await adpulse("import", "campaigns", bad, "--json");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nothing imported, 2 problems");
    expect(result.stderr).toContain(
      'line 3, column B "Day": date: impossible date (no such day) ("2026-02-30")',
    );
    expect(result.stderr).toContain('line 4, column C "Cost": spend is not a number ("lots")');
    expect(JSON.parse(result.stdout)).toMatchObject({ status: "invalid", errorCount: 2 });
    const campaigns = await adpulse("export", "campaigns");
    expect(campaigns.stdout).not.toContain("New one");
  });

  it("a dry run writes nothing", async () => {
    const result = await adpulse(
      "import",
      "campaigns",
      join(FIXTURES, "tiktok-by-day.csv"),
      "--dry-run",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Dry run: 2 campaign-day rows would import");
    const campaigns = await adpulse("export", "campaigns");
    expect(campaigns.stdout).not.toContain("Creator Spark Ads");
  });

  it("exports views as CSV with formula injection neutralised and numbers left numeric", async () => {
    const hostile = join(dir, "hostile.csv");
    await writeFile(
      hostile,
      'Campaign,Day,Cost,Revenue,Platform\n"=HYPERLINK(""http://evil"")",2026-03-02,10,0,google\n@SUM(1),2026-03-02,10,25,google\n',
    );
    expect((await adpulse("import", "campaigns", hostile)).code).toBe(0);
    const out = join(dir, "roi.csv");
    const result = await adpulse(
      "export",
      "roi",
      "--period",
      "2026-03-01..2026-03-31",
      "--output",
      out,
    );
    expect(result.code).toBe(0);
    const lines = (await readFile(out, "utf8")).trim().split("\r\n");
    expect(lines[0]).toBe("rank,campaign_id,campaign_name,platform,type,spend,revenue,roi,roas");
    expect(lines).toContain(
      '4,google-hyperlink-http-evil,"\'=HYPERLINK(""http://evil"")",google,conversion,10,0,-100,0',
    );
    expect(lines.some((l) => l.includes("'@SUM(1)") && l.endsWith(",150,2.5"))).toBe(true);
    const daily = await adpulse("export", "daily", "--period", "2026-03-01..2026-03-03");
    expect(daily.stdout.split("\r\n")[0]).toBe(
      "day,campaign_id,campaign_name,platform,spend,impressions,reach,clicks,engagements,conversions,revenue",
    );
    expect(daily.stdout).toContain(
      "2026-03-01,18203377001,Search — Brand,google,1018.4,1204,0,311,0,27,3410.25",
    );
  });

  it("exits 2 for an unknown kind or a missing file", async () => {
    const kind = await adpulse("import", "widgets", "x.csv");
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/unknown kind "widgets"/);
    const missing = await adpulse("import", "campaigns", join(dir, "nope.csv"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it("exits 2 for a bad --date or view", async () => {
    const date = await adpulse(
      "import",
      "campaigns",
      join(FIXTURES, "tiktok-by-day.csv"),
      "--date",
      "2026-02-30",
    );
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/write --date as YYYY-MM-DD/);
    expect((await adpulse("export", "everything")).code).toBe(2);
  });
});
