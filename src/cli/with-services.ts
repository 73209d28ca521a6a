import { Option } from "commander";
import { createServices, type Services } from "../app";
import { readConfig } from "../config";
import { createLogger, silentLogger } from "../logger";

/**
 * Runs one CLI command with the services built from the environment, closing them afterwards.
 * One-shot commands print their own output, so logs stay quiet unless `verbose`.
 */
export async function withServices<T>(
  work: (services: Services) => Promise<T>,
  options: { verbose?: boolean } = {},
): Promise<T> {
  const config = readConfig(process.env);
  const log = options.verbose ? createLogger(config.logLevel) : silentLogger();
  const services = await createServices(config, log);
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

export function tenantOption(): Option {
  return new Option("--tenant <id>", "tenant id (slack:T…, discord:<guild>, local)").default(
    "local",
  );
}
