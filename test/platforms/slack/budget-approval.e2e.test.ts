import { afterAll, beforeAll, describe, expect, it } from "vitest";
import commands from "../../../commands/index";
import { createActionDispatcher } from "../../../src/bot/action-dispatcher";
import { type Clock, sequentialIds } from "../../../src/bot/clock";
import { createDispatcher } from "../../../src/bot/dispatcher";
import { createChartRasterizer } from "../../../src/charts/rasterizer";
import { silentLogger } from "../../../src/logger";
import { createSlackApp, type SlackApp } from "../../../src/platforms/slack/slack-app";
import { slackAdminCheck } from "../../../src/platforms/slack/workspace-admins";
import { seedDemo } from "../../../src/store/seed-demo";
import type { Store } from "../../../src/store/store";
import { DEMO_NOW } from "../../support/demo-services";
import { type SlackApiStandin, startSlackApiStandin } from "../../support/slack-api-standin";
import { blockActionsPayload, buttonsOf, interactionBody } from "../../support/slack-interactions";
import { postToSlackApp, slashCommandBody } from "../../support/slack-requests";
import { sqliteEngine } from "../../support/test-stores";

// End to end through Slack's own doors: signed slash commands and signed `block_actions` payloads
// POSTed to the running Bolt app, the Web API at the stand-in, the real store, dispatcher and
// action dispatcher. What the issue asks to see: 20 concurrent Approve clicks → one change; a
// non-manager → no change and an audit row; self-approval refused; an expired recommendation
// refused; a replayed payload changes nothing.

const SIGNING_SECRET = "budget-e2e-signing-secret-0123456789";
const CHANNEL = "C0MARKETING";
const TENANT = "slack:T0STANDIN";
const BOSS = "U0BOSS"; // bootstrap manager (ADPULSE_MANAGERS)
const MANAGERS = Array.from({ length: 20 }, (_, i) => `U0M${String(i + 1).padStart(2, "0")}`);

// biome-ignore lint/suspicious/noExplicitAny: tests read Slack's JSON freely
type Json = Record<string, any>;

class MovableClock implements Clock {
  t = Date.parse(DEMO_NOW);
  now() {
    return new Date(this.t);
  }
}

describe("budget approvals through the Slack stand-in", () => {
  let slack: SlackApiStandin;
  let app: SlackApp;
  let store: Store;
  let eventsUrl: string;
  const clock = new MovableClock();

  beforeAll(async () => {
    slack = await startSlackApiStandin();
    store = await sqliteEngine.open();
    await seedDemo(store, TENANT, new Date(DEMO_NOW));
    const ids = sequentialIds();
    const log = silentLogger();
    const managers = [`slack:${BOSS}`];
    for (const m of MANAGERS)
      await store.roles.grant(TENANT, `slack:${m}`, "manager", "local:setup", clock.now());
    const dispatcher = createDispatcher({
      store,
      commands,
      rasterizer: createChartRasterizer(),
      clock,
      ids,
      log,
      defaultTimezone: "UTC",
      managers,
      isPlatformAdmin: slackAdminCheck({ botToken: slack.botToken, apiUrl: slack.apiUrl, log }),
    });
    const actions = createActionDispatcher({
      store,
      commands,
      clock,
      ids,
      log,
      defaultTimezone: "UTC",
      managers,
    });
    app = createSlackApp({
      slack: {
        botToken: slack.botToken,
        signingSecret: SIGNING_SECRET,
        apiUrl: slack.apiUrl,
        port: 0,
      },
      dispatcher,
      actions,
      log,
      retryConfig: { retries: 1, factor: 1, minTimeout: 20, maxTimeout: 50 },
    });
    const { port } = await app.start();
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.close();
    await store?.close();
  });

  /** `/campaign <text>` from `user`; resolves with the message it posted in the channel. */
  async function campaign(text: string, user: string) {
    const before = slack.messages.length;
    const body = slashCommandBody({
      text,
      response_url: slack.responseUrl(),
      user_id: user,
      user_name: user.toLowerCase(),
    });
    expect((await postToSlackApp(eventsUrl, body, { signingSecret: SIGNING_SECRET })).status).toBe(
      200,
    );
    return slack.waitFor(
      () => slack.messages.slice(before).find((m) => m.channel === CHANNEL),
      20_000,
    );
  }

  /** Asks for recommendations; the message and its Approve / Reject buttons. */
  async function recommend(user: string) {
    const message = await campaign("budget recommend", user);
    expect(message.via).toBe("chat.postMessage");
    const buttons = buttonsOf(message.blocks);
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    return { message, buttons };
  }

  function press(
    message: { ts: string; blocks?: Json[] },
    button: { actionId: string; value: string },
    userId: string,
  ) {
    const responseUrl = slack.responseUrl();
    const body = interactionBody(
      blockActionsPayload({
        channel: CHANNEL,
        messageTs: message.ts,
        blocks: message.blocks,
        actionId: button.actionId,
        value: button.value,
        userId,
        responseUrl,
      }),
    );
    return { body, responseUrl };
  }

  async function send(body: string) {
    const response = await postToSlackApp(eventsUrl, body, { signingSecret: SIGNING_SECRET });
    expect(response.status).toBe(200);
    // Acknowledged at once; the decision and the messages follow.
    expect(response.elapsedMs).toBeLessThan(3_000);
  }

  async function budgetsOf(ids: string[]): Promise<number[]> {
    const rows = await store.campaigns.list(TENANT, { ids });
    return ids.map((id) => rows.find((c) => c.id === id)?.budget ?? Number.NaN);
  }

  const privateAnswer = (responseUrl: string) =>
    slack.waitFor(() => slack.responsesTo(responseUrl).find((m) => m.responseType === "ephemeral"));

  it("20 managers clicking Approve at once apply one change; the other 19 are told who was first", async () => {
    const { message, buttons } = await recommend("U0MARKETER");
    const approve = buttons.find((b) => b.actionId === "budget.approve.1");
    expect(approve?.label).toBe("Approve #1");
    const rec = await store.budget.get(TENANT, approve?.value ?? "");
    if (!approve || !rec) throw new Error("no recommendation posted");
    const [fromBefore, toBefore] = await budgetsOf([rec.from_campaign, rec.to_campaign]);
    const updatesBefore = slack.callsTo("chat.update").length;

    const presses = MANAGERS.map((m) => press(message, approve, m));
    await Promise.all(presses.map((p) => send(p.body)));

    const answers = await slack.waitFor(() => {
      const got = presses.map((p) =>
        slack.responsesTo(p.responseUrl).find((m) => m.responseType === "ephemeral"),
      );
      return got.filter(Boolean).length === 19 ? got : undefined;
    }, 20_000);
    await slack.waitFor(() => slack.callsTo("chat.update").length > updatesBefore);

    // Exactly one applied change, by the stored amount.
    expect(await budgetsOf([rec.from_campaign, rec.to_campaign])).toEqual([
      (fromBefore as number) - rec.amount,
      (toBefore as number) + rec.amount,
    ]);
    expect(await store.budget.changesFor(TENANT, [rec.id])).toHaveLength(2);
    const audit = await store.audit.list(TENANT, { action: "budget.approve" });
    expect(audit.filter((a) => a.subject === rec.id)).toHaveLength(1);
    const decided = await store.budget.get(TENANT, rec.id);
    expect(decided?.status).toBe("approved");

    // Everyone sees the updated message; the losers hear privately who decided first.
    const updates = slack.callsTo("chat.update").slice(updatesBefore);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args).toMatchObject({ channel: CHANNEL, ts: message.ts });
    const shown = slack.messagesIn(CHANNEL).find((m) => m.ts === message.ts);
    const text = JSON.stringify(shown?.blocks);
    expect(text).toContain(`Approved by @${decided?.decided_by_name}`);
    expect(text).toMatch(/budget is now \$[\d,]+ \(was \$[\d,]+\)/);
    expect(buttonsOf(shown?.blocks).map((b) => b.actionId)).not.toContain("budget.approve.1");
    expect(decided?.decided_by).toMatch(/^slack:U0M\d\d$/);
    const winnerPress =
      presses[MANAGERS.indexOf(decided?.decided_by?.slice("slack:".length) ?? "")];
    expect(answers[presses.indexOf(winnerPress as (typeof presses)[number])]).toBeUndefined();
    const losers = answers.filter(Boolean);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(JSON.stringify(loser?.blocks)).toContain(
        `Already approved by @${decided?.decided_by_name}`,
      );
    }
  });

  it("refuses a non-manager privately, changes nothing and writes an audit row", async () => {
    const { message, buttons } = await recommend("U0MARKETER");
    const approve = buttons[0] as { actionId: string; value: string };
    const rec = await store.budget.get(TENANT, approve.value);
    if (!rec) throw new Error("no recommendation posted");
    const before = await budgetsOf([rec.from_campaign, rec.to_campaign]);

    const intern = press(message, approve, "U0INTERN");
    await send(intern.body);
    const answer = await privateAnswer(intern.responseUrl);
    expect(JSON.stringify(answer.blocks)).toContain("Only managers decide budget moves");

    expect(await budgetsOf([rec.from_campaign, rec.to_campaign])).toEqual(before);
    expect((await store.budget.get(TENANT, rec.id))?.status).toBe("pending");
    const denied = await store.audit.list(TENANT, { action: "budget.denied" });
    expect(denied.find((a) => a.subject === rec.id)).toMatchObject({
      actor: "slack:U0INTERN",
      details: JSON.stringify({ decision: "approve", reason: "not_manager" }),
    });
  });

  it("refuses self-approval (four eyes): whoever asked cannot approve", async () => {
    const { message, buttons } = await recommend(BOSS);
    const approve = buttons[0] as { actionId: string; value: string };
    const own = press(message, approve, BOSS);
    await send(own.body);
    const answer = await privateAnswer(own.responseUrl);
    expect(JSON.stringify(answer.blocks)).toContain("Someone else must approve this");
    const rec = await store.budget.get(TENANT, approve.value);
    expect(rec?.status).toBe("pending");
    expect(await store.budget.changesFor(TENANT, [approve.value])).toEqual([]);
    const denied = await store.audit.list(TENANT, { action: "budget.denied" });
    expect(denied.find((a) => a.subject === approve.value)?.details).toContain("self_approval");

    // Another manager may.
    const other = press(message, approve, "U0M05");
    const updates = slack.callsTo("chat.update").length;
    await send(other.body);
    await slack.waitFor(() => slack.callsTo("chat.update").length > updates);
    expect((await store.budget.get(TENANT, approve.value))?.status).toBe("approved");
  });

  it("refuses an expired recommendation and shows it expired to everyone", async () => {
    const { message, buttons } = await recommend("U0MARKETER");
    const approve = buttons[0] as { actionId: string; value: string };
    const rec = await store.budget.get(TENANT, approve.value);
    if (!rec) throw new Error("no recommendation posted");
    const before = await budgetsOf([rec.from_campaign, rec.to_campaign]);
    const updates = slack.callsTo("chat.update").length;
    clock.t += 73 * 3_600_000; // 72 h pass
    try {
      const late = press(message, approve, "U0M07");
      await send(late.body);
      const answer = await privateAnswer(late.responseUrl);
      expect(JSON.stringify(answer.blocks)).toContain("This recommendation has expired");
      await slack.waitFor(() => slack.callsTo("chat.update").length > updates);
      const shown = slack.messagesIn(CHANNEL).find((m) => m.ts === message.ts);
      expect(JSON.stringify(shown?.blocks)).toContain("Expired at");
      expect(buttonsOf(shown?.blocks)).toEqual([]);
    } finally {
      clock.t -= 73 * 3_600_000;
    }
    expect((await store.budget.get(TENANT, rec.id))?.status).toBe("expired");
    expect(await budgetsOf([rec.from_campaign, rec.to_campaign])).toEqual(before);
    expect(await store.budget.changesFor(TENANT, [rec.id])).toEqual([]);
  });

  it("a replayed payload (same signed body, posted again) changes nothing", async () => {
    const { message, buttons } = await recommend("U0MARKETER");
    const approve = buttons[0] as { actionId: string; value: string };
    const rec = await store.budget.get(TENANT, approve.value);
    if (!rec) throw new Error("no recommendation posted");
    const click = press(message, approve, "U0M09");
    const updates = slack.callsTo("chat.update").length;
    await send(click.body);
    await slack.waitFor(() => slack.callsTo("chat.update").length > updates);
    const after = await budgetsOf([rec.from_campaign, rec.to_campaign]);

    await send(click.body); // the very same bytes and signature
    const answer = await privateAnswer(click.responseUrl);
    expect(JSON.stringify(answer.blocks)).toContain("Already approved by @u0m09");
    expect(await budgetsOf([rec.from_campaign, rec.to_campaign])).toEqual(after);
    expect(await store.budget.changesFor(TENANT, [rec.id])).toHaveLength(2);
    expect(slack.callsTo("chat.update")).toHaveLength(updates + 1);
    const audit = await store.audit.list(TENANT, { action: "budget.approve" });
    expect(audit.filter((a) => a.subject === rec.id)).toHaveLength(1);
  });

  it("refuses a click with a bad signature before anything runs", async () => {
    const { message, buttons } = await recommend("U0MARKETER");
    const approve = buttons[0] as { actionId: string; value: string };
    const { body } = press(message, approve, "U0M11");
    const response = await postToSlackApp(eventsUrl, body, { signingSecret: "not-the-secret" });
    expect(response.status).toBe(401);
    expect((await store.budget.get(TENANT, approve.value))?.status).toBe("pending");
  });

  it("shows decisions in budget history (who, what, when, before → after)", async () => {
    const message = await campaign("budget history", "U0MARKETER");
    expect(message.via).toBe("chat.postEphemeral");
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("Budget decisions");
    expect(text).toMatch(/approved/);
    expect(text).toMatch(/\$[\d,]+ → \$[\d,]+/);
  });

  it("lets a workspace admin grant the manager role (users.info), and nobody else", async () => {
    slack.setUser("U0ADMIN", { isAdmin: true });
    const refused = await campaign("roles grant <@U0NEWBIE|newbie> manager", "U0MARKETER");
    expect(refused.via).toBe("chat.postEphemeral");
    expect(JSON.stringify(refused.blocks)).toContain("Only admins can grant or revoke roles");
    expect(await store.roles.rolesOf(TENANT, "slack:U0NEWBIE")).toEqual([]);

    const granted = await campaign("roles grant <@U0NEWBIE|newbie> manager", "U0ADMIN");
    expect(JSON.stringify(granted.blocks)).toContain("slack:U0NEWBIE is now a manager");
    expect(await store.roles.rolesOf(TENANT, "slack:U0NEWBIE")).toEqual(["manager"]);
    expect(slack.callsTo("users.info").map((c) => c.args.user)).toEqual(["U0MARKETER", "U0ADMIN"]);
    const audit = await store.audit.list(TENANT, { action: "role." });
    expect(audit.map((a) => [a.action, a.actor, a.subject])).toEqual(
      expect.arrayContaining([
        ["role.grant", "slack:U0ADMIN", "slack:U0NEWBIE"],
        ["role.denied", "slack:U0MARKETER", "slack:U0NEWBIE"],
      ]),
    );
  });
});
