import { UserError } from "../bot/errors";
import type { CsvInput } from "./csv-reader";

/** Largest file imported from chat by default; bigger ones go through `adpulse import`. */
export const CHAT_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** The refusal for a file over the chat limit, pointing to the command line. */
export function fileTooLarge(name: string, maxBytes: number, sizeBytes?: number): UserError {
  const size = sizeBytes ? `${Math.ceil(sizeBytes / 1024 / 1024)} MB` : "too large";
  return new UserError(
    `${name} is ${size}: chat imports stop at ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    "file_too_large",
    [`Import it from the command line: adpulse import <kind> ${name}`],
  );
}

/**
 * A downloaded body as import input that stops at `maxBytes`: a platform may not report the
 * size, or report it wrongly, and a chat upload must never stream gigabytes into the process.
 */
export function limitedInput(
  body: AsyncIterable<Uint8Array>,
  name: string,
  maxBytes: number,
): CsvInput {
  return (async function* limited() {
    let seen = 0;
    for await (const chunk of body) {
      seen += chunk.byteLength;
      if (seen > maxBytes) throw fileTooLarge(name, maxBytes);
      yield chunk;
    }
  })();
}

/**
 * Whether a chat platform's file link may be fetched (and, for Slack, be sent the bot token):
 * HTTPS on one of the platform's own file hosts, or the configured API base's origin (a proxy,
 * a local stand-in). Anything else — another host, plain HTTP, not a URL — is refused.
 */
export function isPlatformFileUrl(url: string, hosts: readonly RegExp[], apiUrl?: string): boolean {
  try {
    const target = new URL(url);
    if (apiUrl && new URL(apiUrl).origin === target.origin) return true;
    return target.protocol === "https:" && hosts.some((host) => host.test(target.hostname));
  } catch {
    return false;
  }
}
