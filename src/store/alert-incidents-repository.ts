import type { Kysely } from "kysely";
import type { AlertIncident, AlertIncidentsTable, Database } from "./schema";

/** Incidents of alert rules: opened once, resolved once (see core/anomalies/incidents.ts). */
export class AlertIncidentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The latest incident of each key of a rule. */
  async latestByKey(ruleId: string): Promise<Map<string, AlertIncident>> {
    const rows = await this.db
      .selectFrom("alert_incidents")
      .selectAll()
      .where("rule_id", "=", ruleId)
      .orderBy("opened_at")
      .orderBy("id")
      .execute();
    const latest = new Map<string, AlertIncident>();
    for (const row of rows) latest.set(row.key, row);
    return latest;
  }

  async insert(row: AlertIncidentsTable): Promise<void> {
    await this.db.insertInto("alert_incidents").values(row).execute();
  }

  async update(
    id: string,
    changes: Partial<Omit<AlertIncidentsTable, "id" | "tenant_id" | "rule_id">>,
  ): Promise<void> {
    await this.db.updateTable("alert_incidents").set(changes).where("id", "=", id).execute();
  }

  /** Incidents a run announced (opened or resolved), to rebuild its message after a crash. */
  async announcedBy(runKey: string): Promise<AlertIncident[]> {
    return this.db
      .selectFrom("alert_incidents")
      .selectAll()
      .where((eb) =>
        eb.or([eb("opened_run_key", "=", runKey), eb("resolved_run_key", "=", runKey)]),
      )
      .orderBy("key")
      .execute();
  }

  async listOpen(tenantId: string): Promise<AlertIncident[]> {
    return this.db
      .selectFrom("alert_incidents")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("status", "=", "open")
      .orderBy("opened_at")
      .execute();
  }
}
