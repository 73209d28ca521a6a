import { describe, expect, it } from "vitest";
import type { Reply, ReplyChart } from "../../../src/bot/reply";
import { escapeMrkdwn, markdownToMrkdwn, splitMrkdwn } from "../../../src/platforms/slack/mrkdwn";
import {
  type Block,
  renderSlackMessage,
  type SlackChartImage,
} from "../../../src/platforms/slack/render-blocks";
import { validateBlocks } from "../../support/slack-block-rules";

const reply = (overrides: Partial<Reply> = {}): Reply => ({
  title: "ROI, last 30 days",
  data: {},
  ...overrides,
});

// biome-ignore lint/suspicious/noExplicitAny: tests read into Slack's JSON payloads freely
type Json = Record<string, any>;
const asJson = (blocks: Block[]) => blocks as unknown as Json[];
const sectionTexts = (blocks: Block[]) =>
  asJson(blocks)
    .filter((b) => b.type === "section" && b.text)
    .map((b) => b.text.text as string);
const allFields = (blocks: Block[]) =>
  asJson(blocks).flatMap((b) => (b.type === "section" && b.fields ? (b.fields as Json[]) : []));
const totalText = (blocks: Block[]) => JSON.stringify(blocks).length;

function chart(id: string, overrides: Partial<ReplyChart> = {}): ReplyChart {
  return {
    id,
    title: `Chart ${id}`,
    altText: `Bars for ${id}: A 240 %, B 12 %`,
    config: { type: "bar", data: { labels: [], datasets: [] } },
    width: 1000,
    height: 500,
    png: Buffer.from("png"),
    ...overrides,
  };
}

describe("renderSlackMessage: Slack's limits", () => {
  it("keeps 60 fields within 50 blocks, 10 fields per section, each field ≤ 2,000 chars", () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({
      label: `KPI ${i}`,
      value: i === 3 ? "x".repeat(5_000) : `${i} %`,
    }));
    const { blocks } = renderSlackMessage(reply({ fields }));
    expect(blocks.length).toBeLessThanOrEqual(50);
    const sections = asJson(blocks).filter((b) => b.fields);
    expect(sections.length).toBeGreaterThanOrEqual(1);
    for (const s of sections) expect(s.fields.length).toBeLessThanOrEqual(10);
    for (const f of allFields(blocks)) expect(f.text.length).toBeLessThanOrEqual(2_000);
    expect(allFields(blocks).map((f) => f.text)).toContain("*KPI 59*\n59 %");
    expect(validateBlocks(blocks)).toEqual([]);
  });

  it("stays within 50 blocks and the message text budget whatever the content", () => {
    const { blocks } = renderSlackMessage(
      reply({
        text: "word ".repeat(60_000),
        fields: Array.from({ length: 2_000 }, (_, i) => ({ label: `K${i}`, value: `${i}` })),
        table: {
          columns: ["Campaign", "ROI"],
          rows: Array.from({ length: 5_000 }, (_, i) => [`Campaign ${i}`, i]),
        },
        charts: Array.from({ length: 30 }, (_, i) => chart(`c${i}`)),
        actions: Array.from({ length: 40 }, (_, i) => ({
          id: `a${i}`,
          label: `Do ${i}`,
          value: `${i}`,
        })),
        context: "Last 30 days",
      }),
    );
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(validateBlocks(blocks)).toEqual([]);
    // Slack's undocumented msg_blocks_too_long starts near 13,000 characters of block text.
    expect(
      sectionTexts(blocks).join("").length +
        allFields(blocks)
          .map((f) => f.text)
          .join("").length,
    ).toBeLessThanOrEqual(12_000);
    const shownFields = allFields(blocks);
    expect(shownFields.at(-1)?.text).toMatch(/…and \d+ more/);
    expect(asJson(blocks).find((b) => b.type === "actions")?.elements).toHaveLength(25);
    expect(totalText(blocks)).toBeLessThan(60_000);
  });

  it("splits a 10,000-character text into sections of at most 3,000 characters, losing nothing", () => {
    const paragraphs = Array.from(
      { length: 50 },
      (_, i) => `Paragraph ${i}: ${"lorem ipsum ".repeat(16)}`,
    );
    const text = paragraphs.join("\n\n");
    expect(text.length).toBeGreaterThan(10_000);
    const { blocks } = renderSlackMessage(reply({ text }));
    const texts = sectionTexts(blocks);
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(3_000);
    expect(texts.join("\n\n").replace(/\s+/g, " ")).toBe(text.replace(/\s+/g, " ").trim());
    expect(validateBlocks(blocks)).toEqual([]);
  });

  it("cuts a single 10,000-character word at 3,000 without breaking an escape", () => {
    const { blocks } = renderSlackMessage(reply({ text: "&".repeat(10_000) }));
    for (const t of sectionTexts(blocks)) {
      expect(t.length).toBeLessThanOrEqual(3_000);
      expect(t).toMatch(/^(&amp;)+/);
      expect(t.replace(/(&amp;)+/, "")).not.toContain("&");
    }
  });

  it("truncates a long header to 150 characters on one line", () => {
    const { blocks } = renderSlackMessage(
      reply({ title: `ROI\n${"very long title ".repeat(30)}` }),
    );
    const header = asJson(blocks)[0];
    expect(header?.type).toBe("header");
    expect(header?.text.type).toBe("plain_text");
    expect(header?.text.text.length).toBeLessThanOrEqual(150);
    expect(header?.text.text).toMatch(/^ROI very long title/);
    expect(header?.text.text).not.toContain("\n");
    expect(header?.text.text.endsWith("…")).toBe(true);
  });

  it("cuts a table to one code block of at most 3,000 characters and says how many rows are left", () => {
    const rows = Array.from({ length: 500 }, (_, i) => [
      `Campaign <${i}>`,
      i * 1.5,
      i % 7 === 0 ? null : `${i} %`,
    ]);
    const { blocks } = renderSlackMessage(
      reply({ table: { columns: ["Campaign", "Spend", "ROI"], rows } }),
    );
    const [table] = sectionTexts(blocks);
    expect(table?.length).toBeLessThanOrEqual(3_000);
    expect(table?.startsWith("```\nCampaign")).toBe(true);
    expect(table?.endsWith("\n```")).toBe(true);
    expect(table).toMatch(/… \d+ more rows/);
    expect(table).toContain("Campaign &lt;0&gt;");
    expect(table).toContain("—");
  });

  it("right-aligns numeric columns", () => {
    const { blocks } = renderSlackMessage(
      reply({
        table: {
          columns: ["Campaign", "ROI"],
          rows: [
            ["A", 240],
            ["Bee", 12.345],
          ],
        },
      }),
    );
    const lines = (sectionTexts(blocks)[0] ?? "").split("\n");
    expect(lines[3]).toBe("A           240");
    expect(lines[4]).toBe("Bee       12.35");
  });
});

describe("renderSlackMessage: markdown and escaping", () => {
  it("converts **bold** to *bold*, keeps _italic_ and `code`, turns - lists into bullets", () => {
    const { blocks } = renderSlackMessage(
      reply({ text: "**Campaign B** leads with _240 %_ ROI.\n- first `**not bold**`\n  - nested" }),
    );
    expect(sectionTexts(blocks)[0]).toBe(
      "*Campaign B* leads with _240 %_ ROI.\n• first `**not bold**`\n  • nested",
    );
  });

  it("escapes &, < and > everywhere so user data cannot mention @channel or forge links", () => {
    const { blocks, text } = renderSlackMessage(
      reply({
        title: "A & B",
        text: "<!channel> <https://evil|click> & co",
        fields: [{ label: "<b>", value: "1 > 0" }],
        context: "filters: name<>x",
      }),
    );
    const json = JSON.stringify(blocks);
    expect(json).not.toMatch(/<!channel>|<https:/);
    expect(sectionTexts(blocks)[0]).toBe("&lt;!channel&gt; &lt;https://evil|click&gt; &amp; co");
    expect(allFields(blocks)[0]?.text).toBe("*&lt;b&gt;*\n1 &gt; 0");
    expect(json).toContain("filters: name&lt;&gt;x");
    expect(text.startsWith("A &amp; B\n")).toBe(true);
    // The header is plain_text: Slack shows it literally, so it is not escaped.
    expect(asJson(blocks)[0]?.text.text).toBe("A & B");
  });

  it("helpers: escape, convert, split", () => {
    expect(escapeMrkdwn("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
    expect(markdownToMrkdwn("**x** and **y**")).toBe("*x* and *y*");
    expect(splitMrkdwn("aaa bbb ccc", 7)).toEqual(["aaa bbb", "ccc"]);
  });

  it("marks tones with an emoji on fields and the header", () => {
    const { blocks } = renderSlackMessage(
      reply({
        tone: "bad",
        fields: [
          { label: "ROI", value: "-12 %", tone: "bad" },
          { label: "CTR", value: "2 %", tone: "good" },
        ],
      }),
    );
    expect(asJson(blocks)[0]?.text.text).toBe(":red_circle: ROI, last 30 days");
    expect(allFields(blocks).map((f) => f.text)).toEqual([
      "*ROI*\n:red_circle: -12 %",
      "*CTR*\n:large_green_circle: 2 %",
    ]);
  });

  it("gives a fallback text for notifications", () => {
    expect(renderSlackMessage(reply({ text: "**B** leads" })).text).toBe(
      "ROI, last 30 days\n*B* leads",
    );
    expect(renderSlackMessage(reply({ title: "" })).text).toBe("adpulse");
  });
});

describe("renderSlackMessage: actions, charts, context", () => {
  it("renders buttons with action_id = action id, label ≤ 75 and style", () => {
    const { blocks } = renderSlackMessage(
      reply({
        actions: [
          { id: "budget:approve", label: "Approve", style: "primary", value: "rec-1" },
          {
            id: "budget:reject",
            label: `Reject ${"because ".repeat(20)}`,
            style: "danger",
            value: "rec-1",
          },
          { id: "budget:approve", label: "Duplicate id", value: "rec-1" },
          { id: "too-big", label: "Big", value: "v".repeat(2_001) },
        ],
      }),
    );
    const actions = asJson(blocks).find((b) => b.type === "actions");
    expect(actions?.elements.map((e: Json) => e.action_id)).toEqual([
      "budget:approve",
      "budget:reject",
    ]);
    expect(actions?.elements[0]).toEqual({
      type: "button",
      action_id: "budget:approve",
      text: { type: "plain_text", text: "Approve", emoji: true },
      value: "rec-1",
      style: "primary",
    });
    expect(actions?.elements[1].text.text.length).toBeLessThanOrEqual(75);
    expect(validateBlocks(blocks)).toEqual([]);
  });

  it("shows charts as slack_file image blocks, or not at all when attached, or in words otherwise", () => {
    const charts = [
      chart("roi"),
      chart("spend"),
      chart("trend"),
      chart("broken", { png: undefined, renderError: "boom" }),
    ];
    const images = new Map<string, SlackChartImage>([
      ["roi", { kind: "slack_file", fileId: "F0001" }],
      ["spend", { kind: "attached" }],
    ]);
    const { blocks } = renderSlackMessage(
      reply({ charts, context: "Last 30 days · all platforms" }),
      {
        chartImages: images,
        notice: "Invite me",
      },
    );
    const json = asJson(blocks);
    const image = json.filter((b) => b.type === "image");
    expect(image).toEqual([
      {
        type: "image",
        slack_file: { id: "F0001" },
        alt_text: "Bars for roi: A 240 %, B 12 %",
        title: { type: "plain_text", text: "Chart roi", emoji: true },
      },
    ]);
    const contexts = json
      .filter((b) => b.type === "context")
      .map((b) => b.elements.map((e: Json) => e.text));
    expect(contexts).toEqual([
      [
        ":bar_chart: *Chart trend*: Bars for trend: A 240 %, B 12 %",
        ":warning: Chart could not be drawn: *Chart broken*: Bars for broken: A 240 %, B 12 %",
      ],
      ["Last 30 days · all platforms", "Invite me"],
    ]);
    expect(validateBlocks(blocks, new Set(["F0001"]))).toEqual([]);
  });

  it("renders an ephemeral error reply like any other", () => {
    const { blocks } = renderSlackMessage({
      title: "Can't do that yet",
      text: "Unknown period `last 3 fortnights`.\nTry `last 30d`.",
      ephemeral: true,
      tone: "bad",
      data: {},
    });
    expect(asJson(blocks).map((b) => b.type)).toEqual(["header", "section"]);
    expect(sectionTexts(blocks)[0]).toBe("Unknown period `last 3 fortnights`.\nTry `last 30d`.");
  });
});
