import { describe, expect, it } from "vitest";
import type { Reply, ReplyChart } from "../../../src/bot/reply";
import { DISCORD_LIMITS } from "../../../src/platforms/discord/discord-limits";
import {
  type DiscordMessage,
  embedCharacters,
  renderDiscordMessage,
  TONE_COLOURS,
} from "../../../src/platforms/discord/render-message";
import { PNG_SIGNATURE } from "../../charts/png";
import { validateMessage } from "../../support/discord-rules";
import { roiReply } from "../../support/slack-test-dispatcher";

// biome-ignore lint/suspicious/noExplicitAny: tests read into Discord's JSON payloads freely
type Json = Record<string, any>;

/** The JSON body discord.js sends for a rendered message (files as `attachments` entries). */
function asBody(message: DiscordMessage): Json {
  return {
    embeds: message.embeds,
    components: message.components,
    attachments: message.files.map((f, i) => ({ id: i, description: f.description })),
    allowed_mentions: { parse: [] },
  };
}

function fakeChart(i: number, overrides: Partial<ReplyChart> = {}): ReplyChart {
  return {
    id: `chart-${i}`,
    title: `Chart number ${i}`,
    altText: `What chart ${i} shows`,
    config: { type: "bar", data: { datasets: [] } },
    width: 1000,
    height: 500,
    png: Buffer.concat([PNG_SIGNATURE, Buffer.alloc(64)]),
    ...overrides,
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("renderDiscordMessage", () => {
  it("renders an ROI answer as one embed: text and table, fields, chart image, footer", async () => {
    const reply = await roiReply();
    const message = renderDiscordMessage(reply);
    expect(message.embeds).toHaveLength(1);
    const [embed] = message.embeds as Json[];
    expect(embed?.title).toBe("ROI by campaign, last 30 days");
    expect(embed?.color).toBe(TONE_COLOURS.neutral);
    expect(embed?.description).toContain("**Campaign B** leads with _240 %_ ROI.");
    expect(embed?.description).toMatch(/```\nCampaign\s+Spend\s+ROI\n/);
    expect(embed?.fields).toEqual([
      { name: "Spend", value: "$12,400", inline: true },
      { name: "Revenue", value: "$31,900", inline: true },
      { name: "ROI", value: "🟢 157.3 %", inline: true },
    ]);
    expect(embed?.footer).toEqual({ text: "1–30 June · all platforms" });
    expect(embed?.image).toEqual({ url: "attachment://roi-ranking.png" });
    expect(message.files).toHaveLength(1);
    expect(message.files[0]?.name).toBe("roi-ranking.png");
    expect(message.files[0]?.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(message.files[0]?.description).toBe(reply.charts?.[0]?.altText);
    expect(message.ephemeral).toBe(false);
    expect(message.components).toEqual([]);
    expect(validateMessage(asBody(message))).toEqual([]);
  });

  it("colours the embed by tone and marks private replies ephemeral", () => {
    const bad = renderDiscordMessage({ title: "No", tone: "bad", ephemeral: true, data: {} });
    expect(bad.embeds[0]?.color).toBe(TONE_COLOURS.bad);
    expect(bad.ephemeral).toBe(true);
    expect(renderDiscordMessage({ title: "Up", tone: "good", data: {} }).embeds[0]?.color).toBe(
      TONE_COLOURS.good,
    );
  });

  it("stays within every Discord limit for an absurdly large reply, never failing", () => {
    const reply: Reply = {
      title: `📈 ${"Very long title ".repeat(60)}`,
      text: `**Bold start ${"lorem ipsum dolor sit amet ".repeat(900)}`,
      fields: Array.from({ length: 40 }, (_, i) => ({
        label: `Field ${i} ${"label ".repeat(80)}`,
        value: "v".repeat(2_000),
        tone: i % 2 ? ("good" as const) : ("bad" as const),
      })),
      table: {
        columns: ["#", "Campaign", "Platform", "Spend", "Revenue", "ROI"],
        rows: Array.from({ length: 500 }, (_, i) => [
          i + 1,
          `Campaign with a long name ${i}`,
          "facebook",
          "$1,234",
          "$5,678",
          "12.3 %",
        ]),
      },
      charts: Array.from({ length: 12 }, (_, i) => fakeChart(i)),
      actions: Array.from({ length: 40 }, (_, i) => ({
        id: `action.${i}`,
        label: `Button ${i} ${"label ".repeat(30)}`,
        value: `v${i}`,
      })),
      context: "context ".repeat(700),
      tone: "bad",
      data: {},
    };
    const message = renderDiscordMessage(reply);
    expect(validateMessage(asBody(message))).toEqual([]);
    expect(embedCharacters(message.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    expect(message.files).toHaveLength(10);
    expect(message.components).toHaveLength(5);
    expect(message.components.every((row) => row.components.length === 5)).toBe(true);
    const [main] = message.embeds as Json[];
    expect(main?.fields.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    expect(main?.fields.at(-1)?.value).toMatch(/^…and \d+ more$/);
    // The table is the answer: it survives, cut by rows with a count; the prose gives way.
    expect(main?.description).toMatch(/… \d+ more rows\n```/);
    expect(main?.description).toContain("_(cut)_");
    // Charts beyond one message's 10 attachments are described in words.
    expect(main?.description).toContain("Chart number 11");
    for (const embed of message.embeds) expect(embed.title ?? "").not.toMatch(LONE_SURROGATE);
  });

  it("closes a bold span its cut leaves open", () => {
    const message = renderDiscordMessage({
      title: "t",
      text: `**${"word ".repeat(2_000)}**`,
      data: {},
    });
    const description = message.embeds[0]?.description ?? "";
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect((description.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  it("describes charts it cannot attach: failed renders and files over 10 MiB", () => {
    const message = renderDiscordMessage({
      title: "Charts",
      charts: [
        fakeChart(1, { png: undefined, renderError: "boom" }),
        fakeChart(2, { png: Buffer.alloc(DISCORD_LIMITS.fileBytes + 1) }),
        fakeChart(3),
      ],
      data: {},
    });
    expect(message.files.map((f) => f.name)).toEqual(["chart-3.png"]);
    expect(message.embeds[0]?.image?.url).toBe("attachment://chart-3.png");
    expect(message.embeds[0]?.description).toContain(
      "⚠️ Chart could not be drawn: **Chart number 1**",
    );
    expect(message.embeds[0]?.description).toContain("**Chart number 2**");
  });

  it("shows further charts as image embeds and keeps attachment names unique and safe", () => {
    const message = renderDiscordMessage({
      title: "Two",
      charts: [fakeChart(1, { id: "Trend / CTR" }), fakeChart(2, { id: "trend-ctr" })],
      data: {},
    });
    expect(message.files.map((f) => f.name)).toEqual(["trend-ctr.png", "trend-ctr-2.png"]);
    expect(message.embeds[1]).toMatchObject({
      title: "Chart number 2",
      image: { url: "attachment://trend-ctr-2.png" },
    });
  });

  it("leaves out buttons whose custom_id would be cut, contain ':' in the id, or repeat", () => {
    const message = renderDiscordMessage({
      title: "Buttons",
      actions: [
        { id: "budget.approve", label: "Approve", value: "rec-1", style: "primary" },
        { id: "budget.approve", label: "Again", value: "rec-1" },
        { id: "budget.reject", label: "Reject", value: "x".repeat(100) },
        { id: "bad:id", label: "Bad", value: "1" },
        { id: "budget.reject", label: "Reject", value: "rec-1", style: "danger" },
      ],
      data: {},
    });
    expect(message.components).toHaveLength(1);
    expect(message.components[0]?.components.map((b) => [b.custom_id, b.label, b.style])).toEqual([
      ["budget.approve:rec-1", "Approve", 1],
      ["budget.reject:rec-1", "Reject", 4],
    ]);
  });

  it("fills empty labels and values, which Discord refuses", () => {
    const message = renderDiscordMessage({
      title: "",
      fields: [{ label: " ", value: "" }],
      data: {},
    });
    expect(message.embeds[0]?.title).toBe("adpulse");
    expect(message.embeds[0]?.fields).toEqual([{ name: "—", value: "—", inline: true }]);
    expect(validateMessage(asBody(message))).toEqual([]);
  });
});
