import type { Reply } from "../../bot/reply";

/**
 * The Reply as printed by `adpulse ask --json`: everything but pixels and chart.js internals;
 * each chart names the PNG file it was written to.
 */
export function replyToJson(reply: Reply, chartFiles: Map<string, string> = new Map()) {
  return {
    title: reply.title,
    text: reply.text ?? null,
    fields: reply.fields ?? [],
    table: reply.table ?? null,
    charts: (reply.charts ?? []).map((c) => ({
      id: c.id,
      title: c.title,
      altText: c.altText,
      width: c.width,
      height: c.height,
      file: chartFiles.get(c.id) ?? null,
      ...(c.renderError ? { renderError: c.renderError } : {}),
    })),
    actions: reply.actions ?? [],
    context: reply.context ?? null,
    tone: reply.tone ?? "neutral",
    ephemeral: reply.ephemeral ?? false,
    data: reply.data,
  };
}
