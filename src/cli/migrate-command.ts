import type { Command } from "commander";
import { readConfig } from "../config";
import { openDatabase } from "../store/database";
import { migrateOrThrow } from "../store/migrate";

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("bring the database schema up to date")
    .action(async () => {
      const config = readConfig(process.env);
      const handle = openDatabase(config.databaseUrl);
      try {
        const applied = await migrateOrThrow(handle.db);
        process.stdout.write(
          applied.length ? `Applied: ${applied.join(", ")}\n` : "Schema is up to date.\n",
        );
      } finally {
        await handle.close();
      }
    });
}
