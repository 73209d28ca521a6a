import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export type DialectName = "sqlite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /**
   * The better-sqlite3 connection behind `db` (SQLite only). Bulk paths (CSV import) run prepared
   * statements on it inside a Kysely transaction: one connection, so they join that transaction.
   */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

/**
 * Opens the store named by `DATABASE_URL`: `sqlite:<path>` (or `sqlite::memory:`) or
 * `postgres://…`. SQLite runs in WAL mode with a busy timeout so several processes (CLI jobs next to
 * a running bot) can share one file.
 */
export function openDatabase(url: string): DatabaseHandle {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return openPostgres(url);
  }
  if (url.startsWith("sqlite:")) {
    return openSqlite(url.slice("sqlite:".length));
  }
  throw new Error(
    `DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(":")[0]}:…")`,
  );
}

function openSqlite(path: string): DatabaseHandle {
  const memory = path === ":memory:" || path === "";
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(memory ? ":memory:" : path);
  if (!memory) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", sqlite, close: () => db.destroy() };
}

// PostgreSQL returns bigint (sum of integers) and numeric as strings; every figure adpulse stores
// fits a double, so parse them as numbers for this pool only (no global type-parser mutation).
const BIGINT_OID = 20;
const NUMERIC_OID = 1700;

function openPostgres(url: string, searchPath?: string): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === BIGINT_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
        return pg.types.getTypeParser(oid, format as "text");
      }) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}

/** For tests: a PostgreSQL connection whose tables live in their own schema. */
export function openPostgresInSchema(url: string, schema: string): DatabaseHandle {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  return openPostgres(url, schema);
}
