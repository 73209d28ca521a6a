import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { Reply, ReplyAction, ReplyField, Tone } from "../../bot/reply";
import { encodeCustomId } from "./button-ids";
import { chartAttachments, type DescribedChart, type DiscordFile } from "./chart-attachments";
import { DISCORD_LIMITS as L } from "./discord-limits";
import { oneLine, truncate, truncateMarkdown } from "./discord-text";
import { renderTableCodeBlock } from "./render-table";

/** A Reply ready for `interaction.reply` / `editReply` / `followUp`. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  files: DiscordFile[];
  /** Only the invoking user sees it. */
  ephemeral: boolean;
}

export interface RenderDiscordOptions {
  /** Send chart PNGs as attachments (default). Off: charts are described in words. */
  attachCharts?: boolean;
  /** One more footer line from the adapter. */
  notice?: string;
}

/** Embed side colours: a Reply's tone, so good and bad movement read at a glance. */
export const TONE_COLOURS: Record<Tone, number> = {
  good: 0x2eb67d,
  bad: 0xe01e5a,
  neutral: 0x5865f2,
};

const TONE_MARK: Record<Tone, string> = { good: "🟢 ", bad: "🔴 ", neutral: "" };

/** Fields may take at most this share of the 6,000-character embed budget. */
const FIELDS_SHARE = 0.5;
/** Prose keeps at least this much room when the table is large. */
const MIN_PROSE = 600;
/** Footer and extra chart titles are short by nature; capping them keeps room for the answer. */
const FOOTER_MAX = 600;
const CHART_TITLE_MAX = 100;

/**
 * Renders a Reply as one Discord message within Discord's limits: an embed with the title, the
 * text and table (as a code block) in the description, the fields as inline fields, the first
 * chart as the embed image and the context as footer, coloured by tone; further charts as
 * image-only embeds; actions as buttons. Charts travel as attachments (`attachment://name.png`).
 * Anything too long is cut with a visible mark; rendering never fails, because Discord rejects
 * a whole message for one oversized part.
 *
 * @example
 * const message = renderDiscordMessage(reply);
 * await interaction.editReply({ embeds: message.embeds, files: message.files.map(toAttachment) });
 */
export function renderDiscordMessage(
  reply: Reply,
  options: RenderDiscordOptions = {},
): DiscordMessage {
  const tone = reply.tone ?? "neutral";
  const colour = TONE_COLOURS[tone];
  const { attached, described } =
    options.attachCharts === false
      ? {
          attached: [],
          described: (reply.charts ?? []).map((chart) => ({ chart, reason: "not attached" })),
        }
      : chartAttachments(reply.charts ?? [], L.embedsPerMessage);

  const { files: extraFiles, left: filesLeft } = replyFiles(reply, attached.length);
  const title = truncate(oneLine(reply.title) || "adpulse", L.embedTitle);
  const footer = [reply.context, options.notice, filesLeft]
    .map((line) => oneLine(line ?? ""))
    .filter(Boolean)
    .join(" · ");
  const footerText = truncate(footer, Math.min(L.footerText, FOOTER_MAX));
  const extraEmbeds: APIEmbed[] = attached.slice(1).map(({ chart, file }) => ({
    title: truncate(oneLine(chart.title) || chart.id, Math.min(L.embedTitle, CHART_TITLE_MAX)),
    color: colour,
    image: { url: `attachment://${file.name}` },
  }));
  const extraChars = extraEmbeds.reduce((n, e) => n + (e.title?.length ?? 0), 0);
  const fields = renderFields(reply.fields ?? [], L.embedTotal * FIELDS_SHARE);
  const fieldChars = fields.reduce((n, f) => n + f.name.length + f.value.length, 0);

  const descriptionBudget = Math.min(
    L.embedDescription,
    L.embedTotal - title.length - footerText.length - extraChars - fieldChars,
  );
  const description = renderDescription(reply, described, descriptionBudget);

  const main: APIEmbed = { title, color: colour };
  if (description) main.description = description;
  if (fields.length > 0) main.fields = fields;
  const first = attached[0];
  if (first) main.image = { url: `attachment://${first.file.name}` };
  if (footerText) main.footer = { text: footerText };

  return {
    embeds: [main, ...extraEmbeds],
    components: renderButtons(reply.actions ?? []),
    files: [...attached.map((a) => a.file), ...extraFiles],
    ephemeral: reply.ephemeral ?? false,
  };
}

/**
 * The reply's own files (exports) as attachments after the charts, within Discord's per-message
 * count and per-file size; `left` says which did not fit and where to get them instead.
 */
function replyFiles(reply: Reply, chartFiles: number): { files: DiscordFile[]; left?: string } {
  const files: DiscordFile[] = [];
  const left: string[] = [];
  for (const file of reply.files ?? []) {
    if (file.content.length > L.fileBytes || chartFiles + files.length >= L.filesPerMessage) {
      left.push(file.name);
      continue;
    }
    files.push({
      name: file.name,
      data: file.content,
      description: truncate(oneLine(file.description) || file.name, L.attachmentDescription),
    });
  }
  return {
    files,
    ...(left.length > 0
      ? { left: `Not attached (over Discord's limits): ${left.join(", ")} — use adpulse export` }
      : {}),
  };
}

/** Characters Discord counts against the 6,000 limit, over all embeds of a message. */
export function embedCharacters(embeds: readonly APIEmbed[]): number {
  let total = 0;
  for (const embed of embeds) {
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
    for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  }
  return total;
}

function renderFields(fields: readonly ReplyField[], maxChars: number): APIEmbedField[] {
  let rendered: APIEmbedField[] = fields.map((field) => ({
    name: truncate(oneLine(field.label) || "—", L.fieldName),
    value: truncate(
      `${TONE_MARK[field.tone ?? "neutral"]}${field.value.trim() || "—"}`,
      L.fieldValue,
    ),
    inline: true,
  }));
  let used = 0;
  for (let i = 0; i < rendered.length; i += 1) {
    const field = rendered[i];
    used += (field?.name.length ?? 0) + (field?.value.length ?? 0);
    if (used > maxChars) {
      rendered = capCount(rendered, i);
      break;
    }
  }
  return capCount(rendered, L.embedFields);
}

/** Keeps at most `max` fields, the last one counting what was left out. */
function capCount(fields: APIEmbedField[], max: number): APIEmbedField[] {
  if (fields.length <= max) return fields;
  const kept = fields.slice(0, Math.max(0, max - 1));
  return [
    ...kept,
    { name: "More", value: `…and ${fields.length - kept.length} more`, inline: true },
  ];
}

/**
 * Prose, table and the words for charts without a picture, within `budget`. The table is the
 * answer itself, so it gets room first and the prose is shortened (keeping at least a paragraph).
 */
function renderDescription(
  reply: Reply,
  described: readonly DescribedChart[],
  budget: number,
): string {
  if (budget <= 0) return "";
  const separator = "\n\n";
  const notes = described
    .map(({ chart }) => {
      const lead = chart.renderError ? "⚠️ Chart could not be drawn:" : "📊";
      const what = oneLine(chart.altText) || oneLine(chart.title) || chart.id;
      return truncate(`${lead} **${oneLine(chart.title) || chart.id}**: ${what}`, 300);
    })
    .join("\n");
  const notesText = truncate(notes, Math.floor(budget / 4));
  const prose = reply.text?.trim() ?? "";
  const reserved = notesText.length + 2 * separator.length;
  const table = reply.table
    ? renderTableCodeBlock(reply.table, budget - reserved - Math.min(prose.length, MIN_PROSE))
    : "";
  const proseBudget = budget - reserved - table.length;
  const proseText = proseBudget >= 20 ? truncateMarkdown(prose, proseBudget) : "";
  return [proseText, table, notesText].filter(Boolean).join(separator);
}

/**
 * Buttons, 5 to a row and at most 5 rows. An action whose `custom_id` would be over Discord's
 * limit (or that repeats one) is left out rather than cut (see button-ids.ts).
 */
function renderButtons(
  actions: readonly ReplyAction[],
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const action of actions) {
    if (buttons.length >= L.actionRows * L.buttonsPerRow) break;
    const customId = encodeCustomId(action);
    if (!customId || seen.has(customId)) continue;
    seen.add(customId);
    buttons.push({
      type: ComponentType.Button,
      custom_id: customId,
      label: truncate(oneLine(action.label) || action.id, L.buttonLabel),
      style:
        action.style === "primary"
          ? ButtonStyle.Primary
          : action.style === "danger"
            ? ButtonStyle.Danger
            : ButtonStyle.Secondary,
    });
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length; i += L.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + L.buttonsPerRow) });
  }
  return rows;
}
