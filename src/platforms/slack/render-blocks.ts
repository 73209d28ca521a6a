import type { types } from "@slack/bolt";
import type { Reply, ReplyAction, ReplyChart, ReplyField, Tone } from "../../bot/reply";
import {
  escapeMrkdwn,
  markdownToMrkdwn,
  oneLine,
  splitMrkdwn,
  truncate,
  truncateMrkdwn,
} from "./mrkdwn";
import { renderTableMrkdwn } from "./render-table";
import { SLACK_LIMITS as L } from "./slack-limits";

export type Block = types.KnownBlock;

/** A Reply ready for chat.postMessage / postEphemeral / files.completeUploadExternal / respond. */
export interface SlackMessage {
  /** Notification and screen-reader text; Slack shows it where blocks cannot be shown. */
  text: string;
  blocks: Block[];
}

/** How one chart's pixels reach the reader. */
export type SlackChartImage =
  /** The PNG travels as a file of the same message (files.completeUploadExternal): no block. */
  | { kind: "attached" }
  /** An image block showing a file uploaded to Slack. */
  | { kind: "slack_file"; fileId: string }
  /** An image block showing a publicly hosted image. */
  | { kind: "url"; url: string };

export interface RenderSlackOptions {
  /**
   * Chart id → how it is shown. Charts without an entry (failed renders, ephemeral replies, a
   * channel the bot cannot upload to) are described in words: title and alt text.
   */
  chartImages?: ReadonlyMap<string, SlackChartImage>;
  /** One more context line from the adapter, e.g. how to get charts into this channel. */
  notice?: string;
}

const TONE_EMOJI: Record<Tone, string> = {
  good: ":large_green_circle: ",
  bad: ":red_circle: ",
  neutral: "",
};

/**
 * Renders a Reply as Block Kit within Slack's limits: header, text sections, KPI fields, the table
 * as a code block, chart images (or their descriptions), context and buttons. Anything too long is
 * truncated or left out with a visible note; rendering never fails, because Slack rejects a whole
 * message for one oversized block.
 *
 * @example
 * const { text, blocks } = renderSlackMessage({ title: "ROI, last 30 days", text: "**A** leads", data: {} });
 * await client.chat.postMessage({ channel, text, blocks });
 */
export function renderSlackMessage(reply: Reply, options: RenderSlackOptions = {}): SlackMessage {
  const header = headerBlock(reply);
  const { imageBlocks, described } = chartBlocks(reply.charts ?? [], options.chartImages);
  const chartNotes = described.length > 0 ? [contextBlock(described)] : [];
  const footer = [reply.context ? escapeMrkdwn(reply.context) : "", options.notice ?? ""].filter(
    Boolean,
  );
  const footerBlocks = footer.length > 0 ? [contextBlock(footer)] : [];
  const actions = actionsBlock(reply.actions ?? []);

  const fixed = [header, ...imageBlocks, ...chartNotes, ...footerBlocks, actions].filter(
    (b) => b !== undefined,
  ).length;
  const content = contentBlocks(reply, L.blocksPerMessage - fixed);

  const blocks = [header, ...content, ...imageBlocks, ...chartNotes, ...footerBlocks, actions];
  return {
    text: fallbackText(reply),
    blocks: blocks.filter((b): b is Block => b !== undefined),
  };
}

/**
 * Text sections, field sections and the table, within `blockBudget` blocks and Slack's total text
 * budget. The table and fields are the answer itself, so they get their room first and the prose
 * is shortened; when blocks run out, prose sections go before field sections.
 */
function contentBlocks(reply: Reply, blockBudget: number): Block[] {
  const table = reply.table ? renderTableMrkdwn(reply.table, L.sectionText) : undefined;
  let fieldTexts = (reply.fields ?? []).map(fieldText);
  // Fields may use at most half the text budget; the rest are counted in a last field.
  fieldTexts = capFields(fieldTexts, L.totalBlockText / 2);

  const textBudget = Math.max(
    1_000,
    L.totalBlockText - (table?.length ?? 0) - sum(fieldTexts.map((f) => f.length)),
  );
  let textChunks = reply.text?.trim()
    ? splitMrkdwn(cutText(reply.text, textBudget), L.sectionText)
    : [];

  let blocksLeft = Math.max(0, blockBudget - (table ? 1 : 0));
  let fieldSections = Math.ceil(fieldTexts.length / L.fieldsPerSection);
  if (textChunks.length + fieldSections > blocksLeft) {
    // Keep at least one section of fields, then give prose what is left (at least one section).
    const fieldRoom = Math.max(1, Math.min(fieldSections, blocksLeft - 1));
    if (fieldSections > fieldRoom) {
      fieldTexts = capFieldCount(fieldTexts, fieldRoom * L.fieldsPerSection);
      fieldSections = fieldRoom;
    }
    blocksLeft -= fieldSections;
    if (textChunks.length > blocksLeft) {
      textChunks = textChunks.slice(0, Math.max(0, blocksLeft));
      const last = textChunks.length - 1;
      if (last >= 0) {
        textChunks[last] = `${truncateMrkdwn(textChunks[last] ?? "", L.sectionText - 20)} _(cut)_`;
      }
    }
  }

  const blocks: Block[] = textChunks.map((text) => ({
    type: "section",
    text: { type: "mrkdwn", text },
  }));
  for (let i = 0; i < fieldTexts.length; i += L.fieldsPerSection) {
    blocks.push({
      type: "section",
      fields: fieldTexts
        .slice(i, i + L.fieldsPerSection)
        .map((text) => ({ type: "mrkdwn" as const, text })),
    });
  }
  if (table) blocks.push({ type: "section", text: { type: "mrkdwn", text: table } });
  return blocks;
}

/** Converts and cuts the prose to `budget` characters of mrkdwn, marking the cut. */
function cutText(markdown: string, budget: number): string {
  const mrkdwn = markdownToMrkdwn(markdown.trim());
  return mrkdwn.length <= budget ? mrkdwn : `${truncateMrkdwn(mrkdwn, budget - 10)} _(cut)_`;
}

function headerBlock(reply: Reply): Block | undefined {
  const title = oneLine(`${TONE_EMOJI[reply.tone ?? "neutral"]}${reply.title}`);
  // Slack rejects an empty header; a reply without a title simply starts with its text.
  if (!title) return undefined;
  return {
    type: "header",
    text: { type: "plain_text", text: truncate(title, L.headerText), emoji: true },
  };
}

function fieldText(field: ReplyField): string {
  const value = field.value.trim() ? escapeMrkdwn(field.value) : "—";
  return truncateMrkdwn(
    `*${escapeMrkdwn(oneLine(field.label))}*\n${TONE_EMOJI[field.tone ?? "neutral"]}${value}`,
    L.fieldText,
  );
}

function capFields(fields: string[], maxChars: number): string[] {
  let used = 0;
  for (let i = 0; i < fields.length; i += 1) {
    used += fields[i]?.length ?? 0;
    if (used > maxChars) return capFieldCount(fields, i + 1);
  }
  return fields;
}

/** Keeps `max` fields, the last one saying how many were left out. */
function capFieldCount(fields: string[], max: number): string[] {
  if (fields.length <= max) return fields;
  const kept = fields.slice(0, Math.max(0, max - 1));
  return [...kept, `_…and ${fields.length - kept.length} more_`];
}

function chartBlocks(
  charts: ReplyChart[],
  images: ReadonlyMap<string, SlackChartImage> | undefined,
): { imageBlocks: Block[]; described: string[] } {
  const imageBlocks: Block[] = [];
  const described: string[] = [];
  for (const chart of charts) {
    const image = chart.png && !chart.renderError ? images?.get(chart.id) : undefined;
    const title = truncate(oneLine(chart.title) || chart.id, L.imageTitle);
    const altText = truncate(oneLine(chart.altText) || title, L.imageAltText);
    if (image?.kind === "attached") continue;
    if (image && imageBlocks.length < L.filesPerMessage) {
      const source =
        image.kind === "slack_file"
          ? { slack_file: { id: image.fileId } }
          : { image_url: image.url };
      imageBlocks.push({
        type: "image",
        ...source,
        alt_text: altText,
        title: { type: "plain_text", text: title, emoji: true },
      });
      continue;
    }
    // No picture here: say what it would have shown, so the answer is complete in words.
    const lead = chart.renderError ? ":warning: Chart could not be drawn:" : ":bar_chart:";
    described.push(
      truncateMrkdwn(`${lead} *${escapeMrkdwn(title)}*: ${escapeMrkdwn(altText)}`, L.contextText),
    );
  }
  return { imageBlocks, described };
}

function contextBlock(lines: string[]): Block {
  const elements = lines.slice(0, L.contextElements);
  if (lines.length > L.contextElements) {
    // The last element carries the rest so nothing is silently dropped.
    elements[elements.length - 1] = truncateMrkdwn(
      lines.slice(L.contextElements - 1).join(" · "),
      L.contextText,
    );
  }
  return {
    type: "context",
    elements: elements.map((text) => ({
      type: "mrkdwn" as const,
      text: truncateMrkdwn(text, L.contextText),
    })),
  };
}

/**
 * Buttons, at most 25. An action whose id or value is over Slack's limit is left out rather than
 * cut: a cut `value` would route a different payload back to the command. Duplicate action ids
 * are left out too, since Slack rejects the whole message for them.
 */
function actionsBlock(actions: ReplyAction[]): Block | undefined {
  const seen = new Set<string>();
  const elements: types.Button[] = [];
  for (const action of actions) {
    if (elements.length >= L.actionsPerBlock) break;
    if (!action.id || action.id.length > L.actionId || seen.has(action.id)) continue;
    if (action.value.length > L.buttonValue) continue;
    seen.add(action.id);
    const button: types.Button = {
      type: "button",
      action_id: action.id,
      text: {
        type: "plain_text",
        text: truncate(oneLine(action.label) || action.id, L.buttonText),
        emoji: true,
      },
      value: action.value,
    };
    if (action.style) button.style = action.style;
    elements.push(button);
  }
  return elements.length > 0 ? { type: "actions", elements } : undefined;
}

function fallbackText(reply: Reply): string {
  const title = escapeMrkdwn(oneLine(reply.title)) || "adpulse";
  const text = reply.text?.trim() ? `\n${markdownToMrkdwn(reply.text.trim())}` : "";
  return truncateMrkdwn(`${title}${text}`, L.sectionText);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
