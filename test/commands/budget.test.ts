import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADPULSE_BIN } from "../support/child-processes";
import { type DemoServices, openDemoServices } from "../support/demo-services";

describe("/campaign budget and /campaign roles on the demo data", () => {
  let demo: DemoServices;
  beforeAll(async () => {
    demo = await openDemoServices();
  });
  afterAll(() => demo.close());

  it("recommends moves with amount, from, to, expected gain and range, a reason, and buttons", async () => {
    const reply = await demo.ask("budget recommend", { userId: "local:alice" });
    const recs = reply.data.recommendations as Record<string, unknown>[];
    expect(recs.length).toBeGreaterThan(0);
    for (const rec of recs) {
      expect(rec).toMatchObject({
        amount: expect.any(Number),
        from: { id: expect.any(String), name: expect.any(String) },
        to: { id: expect.any(String), name: expect.any(String) },
        expected_gain: expect.any(Number),
        gain_range: { low: expect.any(Number), high: expect.any(Number) },
        reason: expect.stringMatching(/^[^.]+(\.\d+[^.]*)*\.$/),
        status: "pending",
      });
      expect(rec.expected_gain as number).toBeGreaterThan(0);
    }
    expect(reply.actions?.map((a) => a.label).slice(0, 2)).toEqual(["Approve #1", "Reject #1"]);
    // Buttons carry only the recommendation id, never an amount.
    expect(reply.actions?.[0]?.value).toBe(recs[0]?.id);
    // The plain rules are shown too.
    const rules = reply.data.rules as { cut: { roi: number }[]; scale: { roi: number }[] };
    expect(rules.cut.every((f) => f.roi < 50)).toBe(true);
    expect(rules.scale.every((f) => f.roi > 200)).toBe(true);
    expect(reply.text).toContain("Rules of thumb");
    // No chart: a reply with buttons goes out as a plain message Slack can chat.update.
    expect(reply.charts ?? []).toEqual([]);
  });

  it("caps the total moved and optimises conversions when asked", async () => {
    const reply = await demo.ask("budget recommend 500 conversions", { userId: "local:alice" });
    const recs = reply.data.recommendations as { amount: number }[];
    expect(recs.reduce((sum, r) => sum + r.amount, 0)).toBeLessThanOrEqual(500);
    expect(reply.data.goal).toBe("conversions");
  });

  it("plans the best split of a budget with its expected result and a current vs proposed chart", async () => {
    const reply = await demo.ask("budget plan 20000");
    const plan = reply.data.plan as {
      amount: number;
      expected: number;
      baseline_expected: number;
      allocations: { proposed: number }[];
    };
    expect(plan.amount).toBe(20_000);
    expect(plan.allocations.reduce((sum, a) => sum + a.proposed, 0)).toBeCloseTo(20_000, 4);
    expect(plan.expected).toBeGreaterThanOrEqual(plan.baseline_expected);
    expect(reply.charts?.[0]?.id).toBe("budget-plan");
    expect(reply.charts?.[0]?.png?.length).toBeGreaterThan(1000);
    const data = reply.charts?.[0]?.config.data;
    expect(data?.datasets.map((d) => d.label)).toEqual(["Current", "Proposed"]);
  });

  it("approves and rejects by id where there are no buttons, four eyes included", async () => {
    const reply = await demo.ask("budget recommend", { userId: "local:alice" });
    const [first, second] = reply.data.recommendations as { id: string }[];
    const self = await demo.ask(`budget approve ${first?.id}`, { userId: "local:alice" });
    expect(self.data.error).toMatchObject({ code: "self_approval" });
    const approved = await demo.ask(`budget approve ${first?.id}`, {
      userId: "local:bob",
      userName: "bob",
    });
    expect(approved.text).toContain("Approved by @bob");
    const rejected = await demo.ask(`budget reject ${second?.id}`, { userId: "local:alice" });
    expect(rejected.text).toContain("Rejected by local:alice");
    const unknown = await demo.ask("budget approve br-nope", { userId: "local:bob" });
    expect(unknown.data.error).toMatchObject({ code: "unknown_recommendation" });
  });

  it("subscribes and unsubscribes a channel to the weekly review", async () => {
    const on = await demo.ask("budget subscribe friday 16:30 Europe/Paris", { channelId: "C1" });
    expect(on.data.subscription).toMatchObject({ day: 5, time: "16:30", timezone: "Europe/Paris" });
    const moved = await demo.ask("budget subscribe monday", { channelId: "C1" });
    expect(moved.title).toBe("Weekly budget review rescheduled");
    const off = await demo.ask("budget unsubscribe", { channelId: "C1" });
    expect(off.title).toBe("Weekly budget review stopped");
    const again = await demo.ask("budget unsubscribe", { channelId: "C1" });
    expect(again.data.error).toMatchObject({ code: "no_subscription" });
  });

  it("says what to fix for a plan without an amount", async () => {
    const reply = await demo.ask("budget plan");
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.error).toMatchObject({ code: "missing_argument" });
  });

  it("grants and revokes roles (console users hold the database), refusing non-admins on chat", async () => {
    const granted = await demo.ask("roles grant @carol manager", { userId: "local:root" });
    expect(granted.data.grant).toEqual({ user: "local:carol", role: "manager", changed: true });
    const listed = await demo.ask("roles list");
    expect(listed.data.roles).toEqual([
      expect.objectContaining({ user: "local:carol", role: "manager", source: "granted" }),
    ]);
    const revoked = await demo.ask("roles revoke importer carol");
    expect(revoked.data.revoke).toMatchObject({ changed: false });
    const refused = await demo.ask("roles grant U0X manager", {
      platform: "slack",
      tenantId: "slack:T9",
      userId: "slack:U0NOBODY",
    });
    expect(refused.data.error).toMatchObject({ code: "not_admin" });
    const discordAdmin = await demo.ask("roles grant <@42> importer", {
      platform: "discord",
      tenantId: "discord:7",
      userId: "discord:1",
      isAdmin: true,
    });
    expect(discordAdmin.data.grant).toEqual({
      user: "discord:42",
      role: "importer",
      changed: true,
    });
    // Discord's typed options: a qualified id of another platform names nobody here.
    const wrongPlatform = await demo.ask("", {
      subcommand: "roles",
      options: { action: "grant", role: "manager", user: "slack:U1" },
      platform: "discord",
      tenantId: "discord:7",
      userId: "discord:1",
      isAdmin: true,
    });
    expect(wrongPlatform.data.error).toMatchObject({ code: "wrong_platform" });
  });
});

describe('adpulse ask "/campaign budget history" --json', () => {
  const run = promisify(execFile);
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const adpulse = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, [ADPULSE_BIN, ...args], { env, cwd: dir });
    return stdout;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "adpulse-budget-"));
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: `sqlite:${join(dir, "b.db")}`,
    };
    await adpulse("seed", "--demo");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("lists applied decisions in data.decisions (who, what, when, before / after)", async () => {
    const recommended = JSON.parse(
      await adpulse("ask", "/campaign budget recommend", "--json", "--user", "local:alice"),
    );
    const id = recommended.data.recommendations[0].id as string;
    await adpulse("ask", `/campaign budget approve ${id}`, "--json", "--user", "local:bob");
    const history = JSON.parse(await adpulse("ask", "/campaign budget history", "--json"));
    const [decision] = history.data.decisions;
    expect(decision).toMatchObject({
      id,
      status: "approved",
      decided_by: "local:bob",
      requested_by: "local:alice",
      amount: recommended.data.recommendations[0].amount,
      decided_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(decision.from.after).toBeCloseTo(decision.from.before - decision.amount, 6);
    expect(decision.to.after).toBeCloseTo(decision.to.before + decision.amount, 6);
    expect(history.data.audit.map((a: { action: string }) => a.action)).toContain("budget.approve");
  });
});
