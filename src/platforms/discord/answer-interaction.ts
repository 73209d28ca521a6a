import { DiscordAPIError, MessageFlags, type RepliableInteraction } from "discord.js";
import type { Reply } from "../../bot/reply";
import type { Logger } from "../../logger";
import { toMessageOptions } from "./message-options";
import { type DiscordMessage, renderDiscordMessage } from "./render-message";

/** How an answer reached Discord, for logs and tests. */
export type AnswerRoute =
  /** Ready within `deferAfterMs`: one interaction response carrying the answer. */
  | "reply"
  /** Deferred ("adpulse is thinking…"), then the deferred message edited into the answer. */
  | "deferred-edit"
  /** Deferred publicly but the answer is private: sent as an ephemeral follow-up. */
  | "deferred-ephemeral"
  | "failed";

export interface AnswerOptions {
  log: Logger;
  /**
   * How long to wait for the answer before deferring. Discord drops an interaction not answered
   * (or deferred) within 3 s; what we send also needs time to arrive, so this stays well below.
   */
  deferAfterMs: number;
}

/**
 * Answers an interaction with the Reply `work` resolves to, within Discord's 3-second rule.
 *
 * Most answers (user errors, help, cached figures) are ready at once and go out as the
 * interaction response itself, private when the Reply is ephemeral. When the answer is not ready
 * within `deferAfterMs` (a cold store, a chart to draw), the interaction is deferred publicly —
 * Discord fixes a deferred message's visibility at the deferral, and most answers are public —
 * and the deferred message is then edited into the answer (a follow-up has 15 minutes). A
 * private answer after a public deferral cannot be made private by editing, so it is sent as an
 * ephemeral follow-up and the public placeholder is deleted.
 *
 * A message Discord refuses (a 4xx after the renderer's cuts, e.g. an upload too large for the
 * server) is sent again without attachments, charts described in words. Never throws.
 */
export async function answerInteraction(
  interaction: RepliableInteraction,
  work: Promise<Reply>,
  options: AnswerOptions,
): Promise<AnswerRoute> {
  const { log } = options;
  let timer: NodeJS.Timeout | undefined;
  const early = await Promise.race([
    work,
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), options.deferAfterMs);
    }),
  ]);
  clearTimeout(timer);

  try {
    if (early) {
      await withTextFallback(early, log, (render) =>
        interaction.reply({
          ...toMessageOptions(render),
          flags: render.ephemeral ? MessageFlags.Ephemeral : undefined,
        }),
      );
      return "reply";
    }
    await interaction.deferReply();
    log.debug("interaction deferred");
    const reply = await work;
    if (!reply.ephemeral) {
      await withTextFallback(reply, log, (render) =>
        interaction.editReply(toMessageOptions(render)),
      );
      return "deferred-edit";
    }
    // The first follow-up after a deferral would edit (and stay as public as) the placeholder,
    // so the placeholder is resolved first, then the private answer follows, then it goes.
    await interaction.editReply({ content: "Answered privately.", embeds: [], components: [] });
    await withTextFallback(reply, log, (render) =>
      interaction.followUp({ ...toMessageOptions(render), flags: MessageFlags.Ephemeral }),
    );
    await interaction.deleteReply().catch((error: unknown) => {
      log.warn({ reason: describeDiscordError(error) }, "could not delete the placeholder");
    });
    return "deferred-ephemeral";
  } catch (error) {
    log.error({ reason: describeDiscordError(error) }, "could not answer the interaction");
    return "failed";
  }
}

/** Sends the full rendering; when Discord refuses it with a 4xx, once more without charts. */
async function withTextFallback(
  reply: Reply,
  log: Logger,
  send: (message: DiscordMessage) => Promise<unknown>,
): Promise<void> {
  const full = renderDiscordMessage(reply);
  try {
    await send(full);
  } catch (error) {
    const refused =
      error instanceof DiscordAPIError &&
      error.status >= 400 &&
      error.status < 500 &&
      !isExpired(error);
    if (!refused || full.files.length === 0) throw error;
    log.warn(
      { reason: describeDiscordError(error), charts: full.files.length },
      "Discord refused the message with charts; sending it without them",
    );
    await send(renderDiscordMessage(reply, { attachCharts: false }));
  }
}

/** 10062 Unknown interaction: answered too late (3 s) or twice; nothing more can be sent. */
function isExpired(error: DiscordAPIError): boolean {
  return error.code === 10062 || error.code === 40060;
}

/** `400 50035 Invalid Form Body` — status, Discord's code and message; never request details. */
export function describeDiscordError(error: unknown): string {
  if (error instanceof DiscordAPIError) return `${error.status} ${error.code} ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
