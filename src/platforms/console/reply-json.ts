import type { Reply } from "../../bot/reply";

/**
 * The Reply as printed by `adpulse ask --json`: everything but pixels and chart.js internals;
 * each chart names the PNG file it was written to, each attached file where it was written.
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
    files: (reply.files ?? []).map((f) => ({
      name: f.name,
      contentType: f.contentType,
      bytes: f.content.length,
      file: chartFiles.get(`file:${f.name}`) ?? null,
    })),
    actions: reply.actions ?? [],
    context: reply.context ?? null,
    tone: reply.tone ?? "neutral",
    ephemeral: reply.ephemeral ?? false,
    data: reply.data,
  };
}
