import type { Command } from "commander";
import { createServices, startBot } from "../app";
import { readConfig } from "../config";
import { createLogger } from "../logger";

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("connect to every platform with credentials; with none, open the console bot")
    .action(async () => {
      const config = readConfig(process.env);
      const consoleOnly = !config.slack && !config.discord;
      // The console is for people: keep JSON logs out of it unless LOG_LEVEL asks for them.
      const log = createLogger(consoleOnly && !process.env.LOG_LEVEL ? "warn" : config.logLevel);
      const services = await createServices(config, log);
      const bot = await startBot(services, { input: process.stdin, output: process.stdout });
      const shutdown = () => void bot.stop();
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
      await bot.done;
      await services.close();
    });
}
