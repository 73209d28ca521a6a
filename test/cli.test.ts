import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADPULSE_BIN, runAdpulse } from "./support/child-processes";

const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
let env: NodeJS.ProcessEnv;

function adpulse(...args: string[]) {
  return runAdpulse(args, { env, cwd: dir });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "adpulse-cli-"));
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: `sqlite:${join(dir, "cli.db")}`,
  };
  const seeded = await adpulse("seed", "--demo");
  expect(seeded.code).toBe(0);
  expect(seeded.stdout).toMatch(/Seeded local: 48 campaigns/);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("adpulse CLI", () => {
  it("ask --json prints data.totals and data.kpis and writes the charts", async () => {
    const charts = join(dir, "charts");
    const result = await adpulse("ask", "/campaign kpis last 30d", "--json", "--charts", charts);
    expect(result.code).toBe(0);
    const reply = JSON.parse(result.stdout);
    expect(Object.keys(reply.data.totals).sort()).toEqual([
      "clicks",
      "conversions",
      "engagements",
      "impressions",
      "reach",
      "revenue",
      "spend",
    ]);
    expect(reply.data.kpis).toHaveProperty("roi");
    expect(reply.data.kpis).toHaveProperty("cost_per_engagement");
    const png = await readFile(reply.charts[0].file);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("ask writes an export's CSV beside the charts and names it in files[]", async () => {
    const out = join(dir, "exports");
    const result = await adpulse("ask", "/campaign export roi last 30d", "--json", "--charts", out);
    expect(result.code).toBe(0);
    const reply = JSON.parse(result.stdout);
    expect(reply.files).toHaveLength(1);
    expect(reply.files[0].name).toMatch(/^roi-.*\.csv$/);
    const csv = await readFile(reply.files[0].file, "utf8");
    expect(Buffer.byteLength(csv)).toBe(reply.files[0].bytes);
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toContain("campaign");
  });

  it("prints a readable answer without --json", async () => {
    const result = await adpulse("ask", "roi last 7d");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("ROI ranking — last 7 days");
  });

  it("exits 2 with the fix on stderr for bad input", async () => {
    const result = await adpulse("ask", "roi last forever");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Periods:/);
    expect(result.stderr).not.toMatch(/Error:|at .*\.ts/);
  });

  it("exits 2 for bad usage and bad configuration, naming the problem", async () => {
    const usage = await adpulse("frobnicate");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown command/);
    const config: Result = await run(process.execPath, [ADPULSE_BIN, "migrate"], {
      env: { ...env, DATABASE_URL: "mysql://nope" },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e) => e as Result,
    );
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/DATABASE_URL must start with sqlite: or postgres:\/\//);
  });

  it("migrate reports an up-to-date schema", async () => {
    const result = await adpulse("migrate");
    expect(result).toMatchObject({ code: 0, stdout: "Schema is up to date.\n" });
  });
});
