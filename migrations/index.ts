import type { Migration } from "kysely";
import * as createFoundation from "./202611220000-create-foundation";

/**
 * Every migration, listed explicitly (no folder scanning at run time). Keys sort in the order they
 * run; add new ones at the end with a `<YYYYMMDDHHmm>-<verb-noun>` name.
 */
export const migrations: Record<string, Migration> = {
  "202611220000-create-foundation": createFoundation,
};
