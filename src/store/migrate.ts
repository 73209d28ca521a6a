import { type Kysely, type MigrationResultSet, Migrator } from "kysely";
import { migrations } from "../../migrations/index";

/** Runs every pending migration; returns Kysely's result set (errors are returned, not thrown). */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  return migrator(db).migrateToLatest();
}

export function migrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
}

/** Migrates or throws one readable error naming the failed migration. */
export async function migrateOrThrow(db: Kysely<any>): Promise<string[]> {
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
