import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { AuditEntry, Database } from "./schema";

export interface NewAuditEntry {
  tenantId: string;
  /** Platform-qualified user id. */
  actor: string;
  /** Dotted verb: `role.grant`, `import.campaigns`, `budget.approve`. */
  action: string;
  subject: string;
  details?: Record<string, unknown>;
  at: Date;
  /** Defaults to a random UUID. */
  id?: string;
}

/**
 * The append-only audit log: this repository can add and read entries, never change or delete
 * them (deleting a tenant cascades, which is the only way rows go).
 */
export class AuditLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    const row: AuditEntry = {
      id: entry.id ?? randomUUID(),
      tenant_id: entry.tenantId,
      at: entry.at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      details: JSON.stringify(entry.details ?? {}),
    };
    await this.db.insertInto("audit_log").values(row).execute();
    return row;
  }

  /** Newest first; `action` filters by exact verb or by prefix when it ends with `.`. */
  async list(
    tenantId: string,
    options: { action?: string; limit?: number } = {},
  ): Promise<AuditEntry[]> {
    let query = this.db.selectFrom("audit_log").selectAll().where("tenant_id", "=", tenantId);
    if (options.action) {
      query = options.action.endsWith(".")
        ? query.where("action", "like", `${options.action}%`)
        : query.where("action", "=", options.action);
    }
    return query
      .orderBy("at", "desc")
      .orderBy("id")
      .limit(options.limit ?? 100)
      .execute();
  }
}
