import type { BaseMessageOptions } from "discord.js";
import type { DiscordMessage } from "./render-message";

/**
 * A rendered message as discord.js options: chart PNGs become multipart attachments (with their
 * alt text as the attachment description), and mentions never ping — a campaign named
 * `@everyone` stays text.
 */
export function toMessageOptions(message: DiscordMessage): BaseMessageOptions {
  return {
    embeds: message.embeds,
    components: message.components,
    files: message.files.map((file) => ({
      attachment: file.data,
      name: file.name,
      description: file.description,
    })),
    allowedMentions: { parse: [] },
  };
}
