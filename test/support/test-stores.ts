import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { openDatabase, openPostgresInSchema } from "../../src/store/database";
import { migrateOrThrow } from "../../src/store/migrate";
import { Store } from "../../src/store/store";

/**
 * The store engines the suite runs on: SQLite always; PostgreSQL when `TEST_DATABASE_URL` is set
 * (`.ci/run` sets it to the machine's server). Each PostgreSQL store lives in its own schema, so
 * test files run in parallel without seeing each other's rows.
 */
export interface TestEngine {
  name: "sqlite" | "postgres";
  open(): Promise<Store>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;

export const sqliteEngine: TestEngine = {
  name: "sqlite",
  async open() {
    const handle = openDatabase("sqlite::memory:");
    await migrateOrThrow(handle.db);
    return new Store(handle);
  },
};

export const postgresEngine: TestEngine | undefined = postgresUrl
  ? {
      name: "postgres",
      async open() {
        const schema = `t_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
        const admin = openDatabase(postgresUrl);
        await sql`create schema ${sql.id(schema)}`.execute(admin.db);
        await admin.close();
        const handle = openPostgresInSchema(postgresUrl, schema);
        await migrateOrThrow(handle.db);
        const store = new Store({
          ...handle,
          close: async () => {
            await handle.close();
            const cleanup = openDatabase(postgresUrl);
            await sql`drop schema ${sql.id(schema)} cascade`.execute(cleanup.db);
            await cleanup.close();
          },
        });
        return store;
      },
    }
  : undefined;

if (!postgresEngine) {
  // Printed once per worker so a run without PostgreSQL says why those tests did not run.
  console.info("TEST_DATABASE_URL is not set: PostgreSQL store tests are skipped (SQLite runs).");
}

/** Engines to run store tests on: `describe.each(engines)`. */
export const engines: TestEngine[] = [sqliteEngine, ...(postgresEngine ? [postgresEngine] : [])];
