import {
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  type Attachment,
  type ChatInputCommandInteraction,
} from "discord.js";
import { userErrorReply } from "../../bot/error-replies";
import { UserError } from "../../bot/errors";
import { parsePlatform } from "../../bot/option-values";
import type { Reply } from "../../bot/reply";
import type { CsvInput } from "../../import/csv-reader";
import type { Importer, ImportRequest } from "../../import/importer";
import { IMPORT_KINDS, type ImportKind } from "../../import/kinds";
import {
  CHAT_IMPORT_MAX_BYTES,
  fileTooLarge,
  isPlatformFileUrl,
  limitedInput,
} from "../../import/limited-download";
import type { ImportOptions } from "../../import/run-import";
import type { Logger } from "../../logger";
import { PLATFORMS } from "../../store/schema";
import { type AnswerRoute, answerInteraction } from "./answer-interaction";
import { directMessageReply } from "./direct-messages";
import { discordTenantId } from "./to-invocation";

/**
 * `/campaign import file:<csv> [kind] [dry_run] [date] [platform]` — Discord's way to hand the
 * bot a file. Slack has no file option on slash commands (a CSV is shared with the bot instead,
 * see src/platforms/slack/handle-file-import.ts), so this subcommand is the Discord adapter's
 * own, registered next to the ones derived from commands/index.ts; both end in the same
 * importer and summary as `adpulse import`.
 */
export const IMPORT_SUBCOMMAND = "import";

/** Discord's attachments come from its CDN; the URLs are signed, so no credentials are sent. */
const DISCORD_FILE_HOSTS = [/^cdn\.discordapp\.com$/, /^media\.discordapp\.net$/];

export function importSubcommandPayload(): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: IMPORT_SUBCOMMAND,
    description: "Import a CSV export: campaigns, journeys, influencers, posts, users, user-events",
    options: [
      {
        type: ApplicationCommandOptionType.Attachment,
        name: "file",
        description: "The CSV (or TSV) file, as exported from the ad platform",
        required: true,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "kind",
        description: "What the file holds (default: told from its header)",
        required: false,
        choices: ["auto", ...IMPORT_KINDS].map((kind) => ({ name: kind, value: kind })),
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: "dry_run",
        description: "Only check the file: nothing is written",
        required: false,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "date",
        description: "YYYY-MM-DD: the day of every row when the file has no date column",
        required: false,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "platform",
        description: "Platform of new campaigns when the file has no platform column",
        required: false,
        choices: PLATFORMS.map((platform) => ({ name: platform, value: platform })),
      },
    ],
  };
}

export interface ImportCommandDependencies {
  /** Absent: this process cannot import (answered as such). */
  importer?: Importer;
  log: Logger;
  deferAfterMs: number;
  /** `discord.apiUrl`: its host may serve attachments too (a proxy, the test stand-in). */
  apiUrl?: string;
  /** Largest file imported from chat (default 50 MiB); bigger ones go through the CLI. */
  maxBytes?: number;
  fetch?: typeof fetch;
}

/**
 * Imports the attached file for the guild's tenant. The importer checks the permission (managers
 * and members granted the importer role) before the download, so a refused user costs nothing;
 * the answer — summary or the first errors with line and column — comes within Discord's 3 s
 * (deferred when the import takes longer).
 */
export async function handleImportCommand(
  interaction: ChatInputCommandInteraction,
  deps: ImportCommandDependencies,
): Promise<AnswerRoute> {
  const log = deps.log.child({
    interaction: interaction.id,
    user: `discord:${interaction.user.id}`,
    subcommand: IMPORT_SUBCOMMAND,
  });
  const answer = (work: Promise<Reply>) =>
    answerInteraction(interaction, work, { log, deferAfterMs: deps.deferAfterMs });
  if (!interaction.inGuild()) return answer(Promise.resolve(directMessageReply()));
  const { importer } = deps;
  if (!importer) return answer(Promise.resolve(unavailableReply()));

  const file = interaction.options.getAttachment("file", true);
  let request: ImportRequest;
  try {
    request = {
      platform: "discord",
      tenantId: discordTenantId(interaction.guildId),
      tenantName: interaction.guild?.name,
      userId: `discord:${interaction.user.id}`,
      kind: (interaction.options.getString("kind") ?? "auto") as ImportKind | "auto",
      options: importOptions(interaction, file.name),
    };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return answer(
      Promise.resolve(userErrorReply(error, "Can't import that", { hintsInData: false })),
    );
  }
  const route = await answer(importer.importUpload(request, () => download(deps, file)));
  log.info({ route, file: file.name, tenant: request.tenantId }, "import answered");
  return route;
}

function importOptions(interaction: ChatInputCommandInteraction, fileName: string): ImportOptions {
  const options: ImportOptions = { fileName };
  if (interaction.options.getBoolean("dry_run")) options.dryRun = true;
  const date = interaction.options.getString("date")?.trim();
  if (date) options.date = date;
  const platform = interaction.options.getString("platform");
  if (platform) options.platform = parsePlatform(platform);
  return options;
}

/** Streams the attachment from Discord's CDN, within the chat import size limit. */
async function download(deps: ImportCommandDependencies, file: Attachment): Promise<CsvInput> {
  const max = deps.maxBytes ?? CHAT_IMPORT_MAX_BYTES;
  if (file.size > max) throw fileTooLarge(file.name, max, file.size);
  if (!isPlatformFileUrl(file.url, DISCORD_FILE_HOSTS, deps.apiUrl)) {
    throw new UserError(
      `Discord did not give a download link for ${file.name}.`,
      "no_download_url",
      ["Attach the file again."],
    );
  }
  const response = await (deps.fetch ?? fetch)(file.url, { redirect: "manual" });
  if (!response.ok || !response.body) {
    throw new UserError(
      `Discord would not let adpulse download ${file.name} (HTTP ${response.status}).`,
      "download_refused",
      ["Attach the file again: attachment links expire after a while."],
    );
  }
  return limitedInput(response.body as AsyncIterable<Uint8Array>, file.name, max);
}

function unavailableReply(): Reply {
  return {
    title: "Import is not available here",
    text: "This adpulse process was started without importing. Use `adpulse import <kind> <file>` on the server.",
    ephemeral: true,
    tone: "bad",
    data: { error: { code: "import_unavailable" } },
  };
}
