import type { Clock, IdGenerator } from "../bot/clock";
import { randomIds } from "../bot/clock";
import { internalErrorReply, userErrorReply } from "../bot/error-replies";
import { isUserError } from "../bot/errors";
import type { PlatformName } from "../bot/invocation";
import type { Reply } from "../bot/reply";
import type { Logger } from "../logger";
import type { Store } from "../store/store";
import type { CsvInput } from "./csv-reader";
import type { ImportKind } from "./kinds";
import { type ImportContext, type ImportOptions, importFromStream } from "./run-import";
import { summaryReply } from "./summary";

/** One upload from a chat platform: who, where, what. Adapters fill it from the payload. */
export interface ImportRequest {
  platform: PlatformName;
  /** From the workspace or guild the upload came from, never from user text. */
  tenantId: string;
  tenantName?: string;
  /** Platform-qualified: `slack:U123`, `discord:456`. */
  userId: string;
  /** What the file holds; "auto" tells it from the header. */
  kind: ImportKind | "auto";
  options?: ImportOptions;
}

/**
 * The import entry point for chat adapters (Slack file shares, Discord's `/campaign import`
 * attachment): permission check first, then the bytes (fetched lazily, so a refused user costs
 * no download), then the same import and summary as `adpulse import`.
 */
export interface Importer {
  /**
   * Never throws: refusals and bad options come back as private replies, bugs as an apology
   * with an error id (logged).
   */
  importUpload(request: ImportRequest, open: () => Promise<CsvInput>): Promise<Reply>;
}

export interface ImporterDependencies {
  store: Store;
  clock: Clock;
  log: Logger;
  /** `config.managers`. */
  managers: readonly string[];
  /** Timezone of tenants created by their first import. */
  defaultTimezone: string;
  ids?: IdGenerator;
}

export function createImporter(deps: ImporterDependencies): Importer {
  const ids = deps.ids ?? randomIds;
  return {
    async importUpload(request, open) {
      const log = deps.log.child({
        platform: request.platform,
        tenant: request.tenantId,
        user: request.userId,
      });
      try {
        const tenant = await deps.store.tenants.seen(
          request.tenantId,
          request.tenantName,
          deps.defaultTimezone,
          deps.clock.now(),
        );
        const ctx: ImportContext = {
          store: deps.store,
          tenant,
          user: { id: request.userId },
          clock: deps.clock,
          log,
          managers: deps.managers,
        };
        // The permission check comes first inside; `open` (the download) only after it.
        const summary = await importFromStream(ctx, request.kind, open, request.options ?? {});
        return summaryReply(summary);
      } catch (error) {
        if (isUserError(error)) {
          log.info({ code: error.code }, "import refused");
          return userErrorReply(error, "Can't import that");
        }
        const errorId = ids.next("err-");
        log.error({ err: error, errorId }, "import failed");
        return internalErrorReply("the import failed on our side and nothing was written", errorId);
      }
    },
  };
}
