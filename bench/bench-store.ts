import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openDatabase, openPostgresInSchema } from "../src/store/database";
import { migrateOrThrow } from "../src/store/migrate";
import { openStore, Store } from "../src/store/store";

/**
 * A throw-away store for a benchmark: a SQLite file in a temporary folder, or — with
 * BENCH_DATABASE_URL=postgres://… — a schema of its own in that database, dropped by `dispose`,
 * so a million benchmark rows never stay behind in a shared database.
 */
export async function openBenchStore(): Promise<{
  store: Store;
  engine: string;
  dispose(): Promise<void>;
}> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url?.startsWith("postgres")) {
    const dir = mkdtempSync(join(tmpdir(), "adpulse-bench-"));
    const store = await openStore(`sqlite:${join(dir, "bench.db")}`);
    return {
      store,
      engine: "sqlite",
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${process.pid}_${Date.now()}`;
  const admin = openDatabase(url);
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  const handle = openPostgresInSchema(url, schema);
  await migrateOrThrow(handle.db);
  const store = new Store(handle);
  return {
    store,
    engine: "postgres",
    async dispose() {
      await store.close();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
      await admin.close();
    },
  };
}
