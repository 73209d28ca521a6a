import { afterAll, beforeAll, describe, expect, it } from "vitest";
import commands from "../../../commands/index";
import { type ActionDispatcher, createActionDispatcher } from "../../../src/bot/action-dispatcher";
import { type Clock, sequentialIds } from "../../../src/bot/clock";
import { silentLogger } from "../../../src/logger";
import { DEMO_NOW } from "../../support/demo-services";
import {
  buttonClick,
  MARKETER,
  type Person,
  slashCommand,
} from "../../support/discord-interactions";
import {
  type DiscordStandin,
  type InteractionRecord,
  type StandinMessage,
  startDiscordStandin,
} from "../../support/discord-standin";
import { type DiscordTestBot, startDiscordTestBot } from "../../support/discord-test-bot";

// The real discord.js client against the Discord stand-in: `/campaign budget recommend` answered
// with buttons, then component interactions (type 3) pressing them. Same must-shows as Slack.

// biome-ignore lint/suspicious/noExplicitAny: tests read Discord's JSON freely
type Json = Record<string, any>;

const BOSS: Person = { id: "3300000000000000002", username: "boss" };
const INTERN: Person = { id: "3300000000000000003", username: "intern" };
const MANAGERS: Person[] = Array.from({ length: 20 }, (_, i) => ({
  id: `33000000000000001${String(i).padStart(2, "0")}`,
  username: `manager${i + 1}`,
}));

class MovableClock implements Clock {
  t = Date.parse(DEMO_NOW);
  now() {
    return new Date(this.t);
  }
}

describe("budget approvals through the Discord stand-in", () => {
  let discord: DiscordStandin;
  let bot: DiscordTestBot;
  let actions: ActionDispatcher;
  let tenant: string;
  const clock = new MovableClock();

  beforeAll(async () => {
    discord = await startDiscordStandin();
    bot = await startDiscordTestBot(discord, {
      registerOnStart: false,
      actions: (click) => actions.act(click),
    });
    tenant = `discord:${discord.guilds[0]?.id}`;
    const store = bot.demo.store;
    actions = createActionDispatcher({
      store,
      commands,
      clock,
      ids: sequentialIds(),
      log: silentLogger(),
      defaultTimezone: "UTC",
    });
    for (const person of [BOSS, ...MANAGERS]) {
      await store.roles.grant(
        tenant,
        `discord:${person.id}`,
        "manager",
        "local:setup",
        clock.now(),
      );
    }
  });

  afterAll(async () => {
    await bot?.stop();
    await discord?.close();
  });

  async function recommend(person: Person) {
    const interaction = discord.dispatchInteraction(
      slashCommand(discord.place(), "budget", { action: "recommend" }, person),
    );
    const message = await discord.answerTo(interaction, 20_000);
    const buttons = (message.components as Json[]).flatMap((row) => row.components as Json[]);
    expect(buttons.map((b) => b.label)).toContain("Approve #1");
    const approve = buttons.find((b) =>
      String(b.custom_id).startsWith("budget.approve.1:"),
    ) as Json;
    const id = String(approve.custom_id).split(":")[1] as string;
    return { message, approveId: String(approve.custom_id), recommendation: id };
  }

  function click(message: StandinMessage, customId: string, person: Person): InteractionRecord {
    return discord.dispatchInteraction(
      buttonClick(discord.place(), customId, discord.messageJson(message), person),
    );
  }

  /** What only the clicker sees: an ephemeral response or follow-up. */
  const privateAnswer = (interaction: InteractionRecord) =>
    discord.waitFor(
      () => discord.messagesOf(interaction).find((m) => m.ephemeral && m.embeds.length > 0),
      10_000,
    );

  /** The clicked message as everyone now sees it (updated in place). */
  const updatedMessage = (interaction: InteractionRecord) =>
    discord.waitFor(
      () =>
        (interaction.response?.type === 7 || interaction.response?.type === 6) &&
        interaction.original &&
        !interaction.original.ephemeral &&
        interaction.original.editedAt
          ? interaction.original
          : undefined,
      10_000,
    );

  async function budgetsOf(ids: string[]): Promise<number[]> {
    const rows = await bot.demo.store.campaigns.list(tenant, { ids });
    return ids.map((id) => rows.find((c) => c.id === id)?.budget ?? Number.NaN);
  }

  it("20 managers clicking Approve at once apply one change; the others are told privately who was first", async () => {
    const { message, approveId, recommendation } = await recommend(MARKETER);
    const store = bot.demo.store;
    const rec = await store.budget.get(tenant, recommendation);
    if (!rec) throw new Error("no recommendation stored");
    const [fromBefore, toBefore] = await budgetsOf([rec.from_campaign, rec.to_campaign]);

    const clicks = MANAGERS.map((person) => click(message, approveId, person));
    await discord.waitFor(() => clicks.every((c) => c.response), 15_000);

    const decided = await store.budget.get(tenant, rec.id);
    expect(decided?.status).toBe("approved");
    expect(await budgetsOf([rec.from_campaign, rec.to_campaign])).toEqual([
      (fromBefore as number) - rec.amount,
      (toBefore as number) + rec.amount,
    ]);
    expect(await store.budget.changesFor(tenant, [rec.id])).toHaveLength(2);
    expect(
      (await store.audit.list(tenant, { action: "budget.approve" })).filter(
        (a) => a.subject === rec.id,
      ),
    ).toHaveLength(1);

    const winner = clicks[
      MANAGERS.findIndex((p) => `discord:${p.id}` === decided?.decided_by)
    ] as InteractionRecord;
    const updated = await updatedMessage(winner);
    const shown = JSON.stringify(updated.embeds);
    expect(shown).toContain(`Approved by @${decided?.decided_by_name}`);
    expect(shown).toMatch(/budget is now \$[\d,]+ \(was \$[\d,]+\)/);
    const remaining = updated.components.flatMap((row) =>
      (row.components as Json[]).map((b) => b.custom_id),
    );
    expect(remaining).not.toContain(approveId);

    const losers = clicks.filter((c) => c !== winner);
    for (const loser of losers) {
      const answer = await privateAnswer(loser);
      expect(JSON.stringify(answer.embeds)).toContain(
        `Already approved by @${decided?.decided_by_name}`,
      );
      expect(loser.original?.editedAt === undefined || loser.original?.ephemeral).toBe(true);
    }
  });

  it("refuses a non-manager privately, changes nothing and writes an audit row", async () => {
    const { message, approveId, recommendation } = await recommend(MARKETER);
    const store = bot.demo.store;
    const rec = await store.budget.get(tenant, recommendation);
    if (!rec) throw new Error("no recommendation stored");
    const before = await budgetsOf([rec.from_campaign, rec.to_campaign]);
    const answer = await privateAnswer(click(message, approveId, INTERN));
    expect(answer.embeds[0]?.title).toBe("Only managers decide budget moves");
    expect(await budgetsOf([rec.from_campaign, rec.to_campaign])).toEqual(before);
    expect((await store.budget.get(tenant, rec.id))?.status).toBe("pending");
    const denied = await store.audit.list(tenant, { action: "budget.denied" });
    expect(denied.find((a) => a.subject === rec.id)).toMatchObject({
      actor: `discord:${INTERN.id}`,
      details: JSON.stringify({ decision: "approve", reason: "not_manager" }),
    });
  });

  it("refuses self-approval: the manager who asked cannot approve", async () => {
    const { message, approveId, recommendation } = await recommend(BOSS);
    const answer = await privateAnswer(click(message, approveId, BOSS));
    expect(answer.embeds[0]?.title).toBe("Someone else must approve this");
    expect((await bot.demo.store.budget.get(tenant, recommendation))?.status).toBe("pending");
    expect(await bot.demo.store.budget.changesFor(tenant, [recommendation])).toEqual([]);
  });

  it("refuses an expired recommendation", async () => {
    const { message, approveId, recommendation } = await recommend(MARKETER);
    clock.t += 73 * 3_600_000;
    try {
      const late = click(message, approveId, MANAGERS[3] as Person);
      const answer = await privateAnswer(late);
      expect(answer.embeds[0]?.title).toBe("This recommendation has expired");
      const updated = await updatedMessage(late);
      expect(JSON.stringify(updated.embeds)).toContain("Expired at");
    } finally {
      clock.t -= 73 * 3_600_000;
    }
    expect((await bot.demo.store.budget.get(tenant, recommendation))?.status).toBe("expired");
    expect(await bot.demo.store.budget.changesFor(tenant, [recommendation])).toEqual([]);
  });

  it("a replayed click payload changes nothing", async () => {
    const { message, approveId, recommendation } = await recommend(MARKETER);
    const payload = buttonClick(
      discord.place(),
      approveId,
      discord.messageJson(message),
      MANAGERS[5] as Person,
    );
    const first = discord.dispatchInteraction(payload);
    await updatedMessage(first);
    const store = bot.demo.store;
    const rec = await store.budget.get(tenant, recommendation);
    if (!rec) throw new Error("no recommendation stored");
    const after = await budgetsOf([rec.from_campaign, rec.to_campaign]);

    const replay = discord.dispatchInteraction(payload);
    const answer = await privateAnswer(replay);
    expect(answer.embeds[0]?.title).toBe(`Already approved by @${MANAGERS[5]?.username}`);
    expect(await budgetsOf([rec.from_campaign, rec.to_campaign])).toEqual(after);
    expect(await store.budget.changesFor(tenant, [rec.id])).toHaveLength(2);
  });

  it("answered every interaction exactly once, and Discord refused nothing", () => {
    for (const interaction of discord.interactions.values()) {
      const responses = discord
        .callsTo("POST /interactions/:id/:token/callback")
        .filter((c) => c.path.includes(`/${interaction.id}/`) && c.status < 300);
      expect(responses).toHaveLength(1);
    }
    expect(discord.calls.filter((c) => c.status >= 400)).toEqual([]);
  });
});
