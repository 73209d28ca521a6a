import type { AnyMiddlewareArgs, App, Middleware, webApi } from "@slack/bolt";
import { userErrorReply } from "../../bot/error-replies";
import { UserError } from "../../bot/errors";
import { parsePlatform } from "../../bot/option-values";
import type { Reply } from "../../bot/reply";
import type { CsvInput } from "../../import/csv-reader";
import type { Importer, ImportRequest } from "../../import/importer";
import { type ImportKind, parseImportKind } from "../../import/kinds";
import {
  CHAT_IMPORT_MAX_BYTES,
  fileTooLarge,
  isPlatformFileUrl,
  limitedInput,
} from "../../import/limited-download";
import type { ImportOptions } from "../../import/run-import";
import type { Logger } from "../../logger";
import { deliverReply } from "./deliver-reply";
import type { UploadOptions } from "./upload-charts";
import { describeError } from "./upload-charts";

export interface FileImportDependencies {
  importer: Importer;
  /** Sent as `Authorization: Bearer …` to download the file (Slack's files need it). */
  botToken: string;
  /** Web API base (`slack.apiUrl`): its host may serve files too (GovSlack, stand-ins). */
  apiUrl?: string;
  upload?: UploadOptions;
  log: Logger;
  track: (work: Promise<void>) => Promise<void>;
  /** Largest file imported from chat (default 50 MiB); bigger ones go through the CLI. */
  maxBytes?: number;
  fetch?: typeof fetch;
}

/** The fields of a shared file that matter here (Slack's file object). */
interface SlackFile {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  filetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

interface FileEvent {
  type: string;
  subtype?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  channel: string;
  ts?: string;
  thread_ts?: string;
  files?: SlackFile[];
}

/** Slack serves files from its own hosts (GovSlack too); the bot token goes nowhere else. */
const SLACK_FILE_HOSTS = [/\.slack\.com$/, /\.slack-gov\.com$/];

/**
 * CSV files shared with the bot — in a DM, or in a channel with an @mention — are imported:
 * downloaded with the bot token from `url_private_download`, run through the same import as
 * `adpulse import`, and answered with the same summary. The message text can name the kind and
 * options: `@adpulse campaigns dry-run date:2026-03-01 platform:tiktok`; without a kind it is
 * told from the header.
 *
 * Registered as global middleware so that such an event is not also read as a typed command;
 * every other event passes on untouched.
 */
export function registerFileImport(app: App, deps: FileImportDependencies): void {
  app.use(fileImportMiddleware(deps));
}

export function fileImportMiddleware(deps: FileImportDependencies): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, client, next }) => {
    const event = (body as { event?: FileEvent }).event;
    const csv = event ? csvFilesOf(event, context.botUserId, context.botId) : [];
    if (!event || csv.length === 0) return next();
    const teamId = String((body as { team_id?: string }).team_id ?? context.teamId ?? "");
    const log = deps.log.child({ event: `${event.type}.file`, tenant: `slack:${teamId}` });
    await deps.track(importFiles(deps, client, event, teamId, csv, context.botUserId, log));
  };
}

/** The event's CSV files, if it is a person sharing files with the bot. */
function csvFilesOf(event: FileEvent, botUserId?: string, botId?: string): SlackFile[] {
  if (!event.user || event.bot_id || event.user === botUserId || (botId && event.bot_id === botId))
    return [];
  const shared =
    (event.type === "app_mention" && event.files?.length) ||
    (event.type === "message" && event.channel_type === "im" && event.subtype === "file_share");
  if (!shared) return [];
  return (event.files ?? []).filter(isCsv);
}

function isCsv(file: SlackFile): boolean {
  const name = (file.name ?? "").toLowerCase();
  return (
    file.filetype === "csv" ||
    file.filetype === "tsv" ||
    file.mimetype === "text/csv" ||
    file.mimetype === "text/tab-separated-values" ||
    name.endsWith(".csv") ||
    name.endsWith(".tsv")
  );
}

async function importFiles(
  deps: FileImportDependencies,
  client: webApi.WebClient,
  event: FileEvent,
  teamId: string,
  files: SlackFile[],
  botUserId: string | undefined,
  log: Logger,
): Promise<void> {
  const direct = event.channel_type === "im" || event.channel.startsWith("D");
  const destination = {
    channelId: event.channel,
    userId: event.user as string,
    threadTs: event.thread_ts,
  };
  let request: ImportRequest | undefined;
  let refusal: Reply | undefined;
  try {
    const words = parseWords(event.text ?? "", botUserId);
    request = {
      platform: "slack",
      tenantId: `slack:${teamId}`,
      userId: `slack:${event.user}`,
      kind: words.kind,
      options: words.options,
    };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    refusal = userErrorReply(error, "Can't import that", { hintsInData: false });
  }
  for (const file of files) {
    const name = file.name ?? file.title ?? "upload.csv";
    let reply =
      refusal ??
      (await deps.importer.importUpload(
        { ...(request as ImportRequest), options: { ...request?.options, fileName: name } },
        () => download(deps, file, name),
      ));
    // A DM is private already, and ephemeral messages there vanish on reload.
    if (direct && reply.ephemeral) reply = { ...reply, ephemeral: false };
    try {
      const delivery = await deliverReply(client, reply, destination, log, deps.upload);
      log.info({ file: file.id, route: delivery.route, title: reply.title }, "import answered");
    } catch (error) {
      log.error({ reason: describeError(error) }, "could not deliver the import summary to Slack");
    }
  }
}

/** Kind and options from the message text: `campaigns dry-run date:2026-03-01`. */
export function parseWords(
  text: string,
  botUserId?: string,
): { kind: ImportKind | "auto"; options: ImportOptions } {
  const mention = botUserId
    ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g")
    : /<@[A-Z0-9]+(\|[^>]*)?>/g;
  const tokens = text.replace(mention, " ").trim().split(/\s+/).filter(Boolean);
  let kind: ImportKind | "auto" = "auto";
  const options: ImportOptions = {};
  for (let i = 0; i < tokens.length; i++) {
    const token = (tokens[i] as string).replace(/^--/, "");
    const [key, inline] =
      token.includes(":") || token.includes("=") ? token.split(/[:=](.*)/s) : [token, undefined];
    const lower = (key ?? "").toLowerCase();
    const value = () => inline ?? tokens[++i] ?? "";
    if (lower === "dry-run" || lower === "dryrun" || lower === "dry_run") options.dryRun = true;
    else if (lower === "date") options.date = value();
    else if (lower === "platform") options.platform = parsePlatform(value());
    else if (lower === "date-order" || lower === "dateorder") {
      const order = value().toLowerCase();
      if (order !== "mdy" && order !== "dmy")
        throw new UserError(`date-order is mdy or dmy, not "${order}".`, "bad_date_order");
      options.dayOrder = order;
    } else if (lower !== "import") {
      const named = parseImportKind(lower);
      if (named) kind = named;
    }
  }
  return { kind, options };
}

/**
 * Streams the file from Slack with the bot token. The token only goes to Slack's own file
 * hosts (or the configured API host): an event naming another host gets no credentials.
 */
async function download(
  deps: FileImportDependencies,
  file: SlackFile,
  name: string,
): Promise<CsvInput> {
  const max = deps.maxBytes ?? CHAT_IMPORT_MAX_BYTES;
  if ((file.size ?? 0) > max) throw fileTooLarge(name, max, file.size);
  const url = file.url_private_download ?? file.url_private;
  if (!url || !isPlatformFileUrl(url, SLACK_FILE_HOSTS, deps.apiUrl)) {
    throw new UserError(`Slack did not give a download link for ${name}.`, "no_download_url", [
      "Share the file again.",
    ]);
  }
  const response = await (deps.fetch ?? fetch)(url, {
    headers: { Authorization: `Bearer ${deps.botToken}` },
    redirect: "manual",
  });
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || type.startsWith("text/html") || !response.body) {
    throw new UserError(
      `Slack would not let adpulse download ${name} (HTTP ${response.status}).`,
      "download_refused",
      [
        "The app needs the files:read scope: add it under OAuth & Permissions and reinstall the app.",
      ],
    );
  }
  return limitedInput(response.body as AsyncIterable<Uint8Array>, name, max);
}
