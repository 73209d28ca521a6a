import { type Kysely, type MigrationResultSet, Migrator, PostgresAdapter, sql } from "kysely";
import { migrations } from "../../migrations/index";

// Migrations are frozen against Kysely<any> (they must not know today's schema), so the migrator
// takes any database, whatever schema type the caller holds.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/** Runs every pending migration; returns Kysely's result set (errors are returned, not thrown). */
export async function migrateToLatest(db: AnyDb): Promise<MigrationResultSet> {
  return (await migratorFor(db)).migrateToLatest();
}

/**
 * Kysely's migrator, told no schema, looks for its `kysely_migration*` tables by name in *every*
 * PostgreSQL schema and skips creating its own when another schema has them (then fails on the
 * lock table). So on PostgreSQL it is always told the schema this connection writes to — the
 * first of its search_path — which keeps stores in neighbouring schemas apart.
 */
export async function migratorFor(db: AnyDb): Promise<Migrator> {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(await ownSchema(db)),
  });
}

async function ownSchema(db: AnyDb): Promise<{ migrationTableSchema?: string }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return {};
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  );
  const schema = rows[0]?.schema;
  return schema ? { migrationTableSchema: schema } : {};
}

/** Migrates or throws one readable error naming the failed migration. */
export async function migrateOrThrow(db: AnyDb): Promise<string[]> {
  const { error, results } = await migrateToLatest(db);
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(
      `database migration ${failed ? `"${failed.migrationName}" ` : ""}failed: ${cause}`,
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
