import type { Command } from "commander";
import { seedDemo } from "../store/seed-demo";
import { UsageError } from "./cli-errors";
import { tenantOption, withServices } from "./with-services";

export function registerSeedCommand(program: Command): void {
  program
    .command("seed")
    .description("load the deterministic demo data set")
    .option("--demo", "the demo data set (the only one so far)")
    .addOption(tenantOption())
    .action(async (opts: { demo?: boolean; tenant: string }) => {
      if (!opts.demo) throw new UsageError("seed needs --demo (the demo data set is the only one)");
      await withServices(async (services) => {
        const s = await seedDemo(services.store, opts.tenant, services.clock.now());
        process.stdout.write(
          `${[
            `Seeded ${s.tenantId}: ${s.campaigns} campaigns, ${s.dailyRows} daily rows, ${s.audienceRows} audience rows (${s.from}..${s.to}).`,
            `  ${s.journeys} journeys (${s.touchpoints} touchpoints), ${s.influencers} influencers, ${s.posts} posts, ${s.appUsers} app users (${s.userEvents} events).`,
          ].join("\n")}\n`,
        );
      });
    });
}
