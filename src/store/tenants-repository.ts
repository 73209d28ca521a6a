import type { Kysely } from "kysely";
import type { Database, Tenant } from "./schema";

export interface TenantDefaults {
  id: string;
  name: string;
  timezone: string;
  currency: string;
}

export class TenantsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string): Promise<Tenant | undefined> {
    return this.db.selectFrom("tenants").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /**
   * A workspace or server as adpulse meets it — on every command, click and chat import: the
   * stored tenant, or a new one named `name` (else its id) with the deployment's default timezone
   * and USD, the one place that decides how a first-seen tenant starts.
   */
  seen(id: string, name: string | undefined, defaultTimezone: string, now: Date): Promise<Tenant> {
    return this.ensure(
      { id, name: name ?? defaultTenantName(id), timezone: defaultTimezone, currency: "USD" },
      now,
    );
  }

  /** Returns the tenant, creating it with `defaults` the first time it is seen. */
  async ensure(defaults: TenantDefaults, now: Date): Promise<Tenant> {
    // Almost always the tenant exists: one read, and the insert only for a first-seen one.
    const existing = await this.get(defaults.id);
    if (existing) return existing;
    await this.db
      .insertInto("tenants")
      .values({ ...defaults, created_at: now.toISOString() })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    const tenant = await this.get(defaults.id);
    if (!tenant) throw new Error(`tenant ${defaults.id} vanished right after being created`);
    return tenant;
  }

  async update(id: string, changes: Partial<Omit<Tenant, "id" | "created_at">>): Promise<void> {
    await this.db.updateTable("tenants").set(changes).where("id", "=", id).execute();
  }
}

/** The console's `local` tenant holds the demo team; others are named by their id until told. */
export function defaultTenantName(id: string): string {
  return id === "local" ? "Demo team" : id;
}
