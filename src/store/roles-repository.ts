import type { Kysely } from "kysely";
import { AuditLogRepository } from "./audit-log-repository";
import type { Database, MemberRole, MemberRoleRow } from "./schema";

/**
 * Granted member roles per tenant (`member_roles`). Grants and revocations are written to the
 * audit log in the same transaction. Whether a role allows something is decided by the pure
 * `can()` in src/core/permissions.ts, which also knows the bootstrap managers.
 */
export class RolesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Roles granted to `userId` in the tenant (bootstrap managers are not stored here). */
  async rolesOf(tenantId: string, userId: string): Promise<MemberRole[]> {
    const rows = await this.db
      .selectFrom("member_roles")
      .select("role")
      .where("tenant_id", "=", tenantId)
      .where("user_id", "=", userId)
      .orderBy("role")
      .execute();
    return rows.map((r) => r.role);
  }

  /** Every grant in the tenant, by user then role. */
  async list(tenantId: string): Promise<MemberRoleRow[]> {
    return this.db
      .selectFrom("member_roles")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .orderBy("user_id")
      .orderBy("role")
      .execute();
  }

  /**
   * Grants `role`; false when the user already had it (nothing written, not audited twice).
   * The caller checks that `grantedBy` may manage roles.
   */
  async grant(
    tenantId: string,
    userId: string,
    role: MemberRole,
    grantedBy: string,
    now: Date,
  ): Promise<boolean> {
    if (!this.db.isTransaction) {
      return this.db
        .transaction()
        .execute((trx) => new RolesRepository(trx).grant(tenantId, userId, role, grantedBy, now));
    }
    const result = await this.db
      .insertInto("member_roles")
      .values({
        tenant_id: tenantId,
        user_id: userId,
        role,
        granted_by: grantedBy,
        granted_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(["tenant_id", "user_id", "role"]).doNothing())
      .executeTakeFirst();
    const granted = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    if (granted) {
      await new AuditLogRepository(this.db).append({
        tenantId,
        actor: grantedBy,
        action: "role.grant",
        subject: userId,
        details: { role },
        at: now,
      });
    }
    return granted;
  }

  /** Revokes `role`; false when the user did not have it. */
  async revoke(
    tenantId: string,
    userId: string,
    role: MemberRole,
    revokedBy: string,
    now: Date,
  ): Promise<boolean> {
    if (!this.db.isTransaction) {
      return this.db
        .transaction()
        .execute((trx) => new RolesRepository(trx).revoke(tenantId, userId, role, revokedBy, now));
    }
    const result = await this.db
      .deleteFrom("member_roles")
      .where("tenant_id", "=", tenantId)
      .where("user_id", "=", userId)
      .where("role", "=", role)
      .executeTakeFirst();
    const revoked = Number(result.numDeletedRows) > 0;
    if (revoked) {
      await new AuditLogRepository(this.db).append({
        tenantId,
        actor: revokedBy,
        action: "role.revoke",
        subject: userId,
        details: { role },
        at: now,
      });
    }
    return revoked;
  }
}
