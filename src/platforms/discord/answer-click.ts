import { type ButtonInteraction, MessageFlags } from "discord.js";
import { type ActionOutcome, isActionOutcome } from "../../bot/action";
import type { Reply } from "../../bot/reply";
import { type AnswerOptions, answerInteraction, describeDiscordError } from "./answer-interaction";
import { toMessageOptions } from "./message-options";
import { renderDiscordMessage } from "./render-message";

/** How a click's outcome reached Discord. */
export type ClickRoute =
  /** Ready in time: the clicked message was updated in the interaction response (type 7). */
  | "update"
  /** Not ready in time: deferred as an update (type 6), then the message was edited. */
  | "deferred-update"
  /** Only a private answer, ready in time (an ephemeral interaction response). */
  | "private"
  /** Only a private answer, after a deferred update (an ephemeral follow-up). */
  | "deferred-private"
  | "failed";

/**
 * Answers a button press with an {@link ActionOutcome} within Discord's 3 seconds: `update`
 * replaces the message carrying the button for everyone (interaction response "update message",
 * or a deferred update then an edit of `@original`, which for a component is that message);
 * `reply` is an ephemeral answer to the clicker (the response itself when there is no update, a
 * follow-up otherwise). A plain Reply keeps the adapter's usual route (answerInteraction).
 * Never throws.
 */
export async function answerClick(
  interaction: ButtonInteraction,
  work: Promise<Reply | ActionOutcome>,
  options: AnswerOptions,
): Promise<ClickRoute | Awaited<ReturnType<typeof answerInteraction>>> {
  const { log } = options;
  let timer: NodeJS.Timeout | undefined;
  const early = await Promise.race([
    work,
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), options.deferAfterMs);
    }),
  ]);
  clearTimeout(timer);
  if (early && !isActionOutcome(early))
    return answerInteraction(interaction, Promise.resolve(early), options);

  try {
    if (early) {
      if (early.update) {
        await interaction.update(toMessageOptions(renderDiscordMessage(early.update)));
        if (early.reply) await privately(interaction, early.reply);
        return "update";
      }
      if (early.reply) {
        await interaction.reply({
          ...toMessageOptions(renderDiscordMessage(early.reply)),
          flags: MessageFlags.Ephemeral,
        });
      }
      return "private";
    }
    // Not ready: acknowledge without touching the message; what comes next edits it or answers
    // privately, both allowed for 15 minutes.
    await interaction.deferUpdate();
    const late = await work;
    const outcome: ActionOutcome = isActionOutcome(late) ? late : { reply: late };
    if (outcome.update) {
      await interaction.editReply(toMessageOptions(renderDiscordMessage(outcome.update)));
    }
    if (outcome.reply) await privately(interaction, outcome.reply);
    return outcome.update ? "deferred-update" : "deferred-private";
  } catch (error) {
    log.error({ reason: describeDiscordError(error) }, "could not answer the button press");
    return "failed";
  }
}

async function privately(interaction: ButtonInteraction, reply: Reply): Promise<void> {
  await interaction.followUp({
    ...toMessageOptions(renderDiscordMessage(reply)),
    flags: MessageFlags.Ephemeral,
  });
}
