import { type Kysely, type MigrationResultSet, Migrator } from "kysely";

// Migrations are frozen against Kysely<any> (they must not know today's schema), so the migrator
// takes any database, whatever schema type the caller holds.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

import { migrations } from "../../migrations/index";

/** Runs every pending migration; returns Kysely's result set (errors are returned, not thrown). */
export async function migrateToLatest(db: AnyDb): Promise<MigrationResultSet> {
  return migrator(db).migrateToLatest();
}

export function migrator(db: AnyDb): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
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
