import { afterAll, beforeAll, describe, expect, it } from "vitest";
import digestJob from "../../jobs/digest";
import type { Reply } from "../../src/bot/reply";
import { jobDeps, ManualClock, RecordingPoster } from "../scheduler/fixtures";
import { type DemoServices, openDemoServices } from "../support/demo-services";

// `/campaign digest …` and `/campaign alert …` through the real dispatcher on the demo data
// (2026-11-22, tenant "local" in UTC), as typed in Slack channel C0MKT.

let services: DemoServices;
beforeAll(async () => {
  services = await openDemoServices();
});
afterAll(() => services.close());

const inChannel = (text: string, channelId = "C0MKT") =>
  services.ask(text, { platform: "slack", channelId, userId: "slack:U0MARKETER" });

function errorCode(reply: Reply): string | undefined {
  return (reply.data.error as { code?: string } | undefined)?.code;
}

describe("/campaign digest", () => {
  let dailyId = "";

  it("subscribes the channel it is typed in, with time, zone, filters and late policy", async () => {
    const reply = await inChannel("digest daily 09:00 Europe/Paris platform:facebook");
    expect(reply.title).toBe("Digest scheduled");
    const sub = reply.data.subscription as Record<string, unknown>;
    expect(sub).toMatchObject({
      channel: "C0MKT",
      platform: "slack",
      owner: "slack:U0MARKETER",
      cadence: "daily",
      time: "09:00",
      timezone: "Europe/Paris",
      options: { platform: "facebook" },
      late_policy: "once",
      paused: false,
    });
    expect(reply.data.next_at).toBe("2026-11-23T08:00:00.000Z");
    expect(reply.text).toContain("daily at 09:00 Europe/Paris");
    dailyId = String(sub.id);
  });

  it("reschedules the same cadence instead of adding a second one", async () => {
    // Subscribing again states the digest in full: time, zone and filters are replaced.
    const reply = await inChannel("digest daily 8am Europe/Paris platform:facebook");
    expect(reply.title).toBe("Digest rescheduled");
    expect(reply.data.subscription).toMatchObject({
      id: dailyId,
      time: "08:00",
      options: { platform: "facebook" },
    });
  });

  it("takes a weekday for weekly digests and the workspace zone by default", async () => {
    const reply = await inChannel("digest weekly friday 16:30 late:skip");
    expect(reply.data.subscription).toMatchObject({ day: 5, timezone: "UTC", late_policy: "skip" });
    expect(reply.data.next_at).toBe("2026-11-27T16:30:00.000Z");
  });

  it("lists every digest and asks which one when a channel has several", async () => {
    const list = await inChannel("digest list");
    expect(list.table?.rows).toHaveLength(2);
    expect(list.table?.rows[0]?.[1]).toBe("C0MKT (here)");
    const which = await inChannel("digest pause");
    expect(errorCode(which)).toBe("which_digest");
    expect(which.text).toContain(`digest pause ${dailyId}`);
  });

  it("pauses, resumes and removes by id, only within the tenant", async () => {
    expect((await inChannel(`digest pause ${dailyId}`)).title).toBe("Digest paused");
    expect((await services.store.subscriptions.get("local", dailyId))?.paused).toBe(1);
    expect((await inChannel(`digest resume ${dailyId}`)).title).toBe("Digest resumed");
    const other = await services.ask(`digest remove ${dailyId}`, {
      tenantId: "slack:TOTHER",
      platform: "slack",
      channelId: "C0MKT",
    });
    expect(errorCode(other)).toBe("unknown_digest");
    expect(await services.store.subscriptions.get("local", dailyId)).toBeDefined();
  });

  it("sends a test digest now, with KPIs, deltas, top and bottom, a chart and recommendations", async () => {
    const reply = await inChannel(`digest test ${dailyId}`);
    expect(reply.title).toBe("Test — Daily digest — yesterday (Sat 21 Nov)");
    expect(reply.fields?.map((f) => f.label)).toEqual(
      expect.arrayContaining(["Spend", "ROI", "CPA"]),
    );
    expect(reply.fields?.find((f) => f.label === "Spend")?.value).toMatch(
      /\([+-]?[\d.]+%\)|\(0%\)/,
    );
    expect(reply.text).toMatch(/\*\*Top by ROI:\*\*/);
    expect(reply.text).toMatch(/\*\*Bottom by ROI:\*\*/);
    expect(reply.text).toMatch(/\*\*Anomalies:\*\*/);
    expect(reply.text).toMatch(/\*\*Recommendations:\*\*\n- /);
    expect(reply.charts?.[0]?.png?.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(reply.data).toMatchObject({
      period: { from: "2026-11-21", to: "2026-11-21" },
      previous_period: { from: "2026-11-20", to: "2026-11-20" },
      filters: { platform: "facebook" },
    });
    expect((reply.data.top as unknown[]).length).toBeGreaterThan(0);
  });

  it("shows recent deliveries and failures in history", async () => {
    expect((await inChannel("digest history")).text).toBe("Nothing posted yet.");
    const clock = new ManualClock("2026-11-23T07:00:30Z"); // 08:00 Paris, the rescheduled time
    const poster = new RecordingPoster(clock);
    await digestJob.run(jobDeps(services.store, clock, { slack: poster }), clock.now());
    const history = await inChannel(`digest history ${dailyId}`);
    expect(history.table?.rows).toEqual([
      [
        "Mon 23 Nov 08:00 Europe/Paris",
        dailyId,
        "sent",
        1,
        expect.stringMatching(/^sent 07:00 UTC/),
      ],
    ]);
    expect(poster.posts[0]?.reply.data.filters).toEqual({ platform: "facebook", type: null });
  });

  it.each([
    ["digest daily", "missing_argument", /needs a time of day/],
    ["digest daily 09:00 Europe/Pariss", "unknown_timezone", /Did you mean `Europe\/Paris`/],
    ["digest daily 09:00 Paris", "unexpected_argument", /IANA names such as `Europe\/Paris`/],
    ["digest daily friday 09:00", "unexpected_argument", /only applies to weekly/],
    ["digest remove dg-nope", "unknown_digest", /digest list/],
  ])("%s → %s, naming the fix", async (text, code, hint) => {
    const reply = await inChannel(text);
    expect(errorCode(reply)).toBe(code);
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toMatch(hint);
  });

  it("removes a digest", async () => {
    expect((await inChannel(`digest remove ${dailyId}`)).title).toBe("Digest removed");
    expect(await services.store.subscriptions.get("local", dailyId)).toBeUndefined();
  });
});

describe("/campaign alert", () => {
  it("sets a threshold rule and says where the metric stands now", async () => {
    const reply = await inChannel("alert cpa > 50 7d platform:facebook", "C0ALERTS");
    expect(reply.title).toBe("Alert set");
    expect(reply.data.rule).toMatchObject({
      kind: "threshold",
      metric: "cpa",
      op: ">",
      value: 50,
      window_days: 7,
      scope: { platform: "facebook" },
      channel: "C0ALERTS",
    });
    expect(typeof reply.data.current).toBe("number");
    expect(reply.text).toContain("CPA above $50.00 over 7 days (facebook)");
  });

  it("watches one campaign by name", async () => {
    const [campaign] = await services.store.campaigns.list("local");
    const reply = await inChannel(`alert roi below 0 "${campaign?.name}"`, "C0ALERTS");
    expect(reply.data.rule).toMatchObject({
      op: "<",
      value: 0,
      scope: { campaign_id: campaign?.id, campaign_name: campaign?.name },
    });
  });

  it("turns anomaly alerts on once per channel and scope", async () => {
    expect((await inChannel("alert anomalies", "C0ALERTS")).title).toBe("Anomaly alerts on");
    expect((await inChannel("alert anomalies", "C0ALERTS")).title).toBe(
      "Anomaly alerts already on",
    );
  });

  it("lists and removes rules", async () => {
    const list = await inChannel("alert list", "C0ALERTS");
    expect(list.table?.rows).toHaveLength(3);
    const id = String(list.table?.rows[0]?.[0]);
    expect((await inChannel(`alert remove ${id}`, "C0ALERTS")).title).toBe("Alert removed");
    expect((await inChannel("alert list", "C0ALERTS")).table?.rows).toHaveLength(2);
    expect(errorCode(await inChannel("alert remove al-nope", "C0ALERTS"))).toBe("unknown_alert");
  });

  it("asks for the comparison and limit it is missing", async () => {
    const reply = await inChannel("alert cpa", "C0ALERTS");
    expect(errorCode(reply)).toBe("missing_argument");
    expect(reply.text).toMatch(/alert cpa > 50 7d/);
  });
});
