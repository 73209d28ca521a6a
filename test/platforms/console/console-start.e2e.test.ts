import { spawn } from "node:child_process";
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADPULSE_BIN } from "../../support/child-processes";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** Runs `adpulse start` with no credentials in a fresh folder, typing `lines` at the prompt. */
async function startConsole(
  lines: string[],
): Promise<{ code: number | null; out: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), "adpulse-console-"));
  dirs.push(dir);
  const child = spawn(process.execPath, [ADPULSE_BIN, "start"], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += String(d)));
  child.stderr.on("data", (d) => (out += String(d)));
  child.stdin.end(`${lines.join("\n")}\n`);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, out, dir };
}

describe("adpulse start without credentials", () => {
  it("opens the console on demo data and answers with text, a terminal chart and a PNG", async () => {
    const { code, out, dir } = await startConsole(["/campaign roi last 30d", "exit"]);
    expect(code).toBe(0);
    expect(out).toMatch(/loaded the demo data set \(48 campaigns/);
    expect(out).toContain("ROI ranking — last 30 days");
    expect(out).toMatch(/█/);
    const png = /chart: (\S+\.png)/.exec(out)?.[1];
    expect(png?.startsWith(join(dir, "data", "charts"))).toBe(true);
    await access(png as string);
  });

  it("keeps going after bad input and never prints a stack trace", async () => {
    const junk = "¿".repeat(4000);
    const { code, out } = await startConsole([
      "/campaign frobnicate",
      junk,
      "roi last 400x",
      "kpis last 7d",
    ]);
    expect(code).toBe(0);
    expect(out).toContain('Unknown command "frobnicate"');
    expect(out).toMatch(/Periods:/);
    expect(out).toContain("KPIs — all campaigns — last 7 days");
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
