import { jobs } from "../../jobs/index";
import type { Services } from "../app";
import { ChannelPacer, realSleep } from "./channel-pacer";
import { createChannelPosters, type PosterOptions } from "./channel-posters";
import { processOwnerId } from "./run-owner";
import { type Scheduler, startScheduler } from "./scheduler";
import type { JobDependencies } from "./slot-job";

/** Job dependencies from the process's services (shared by `adpulse start` and `jobs run`). */
export async function createJobDependencies(
  services: Services,
  options: PosterOptions = {},
): Promise<JobDependencies> {
  return {
    store: services.store,
    clock: services.clock,
    ids: services.ids,
    log: services.log.child({ component: "scheduler" }),
    rasterizer: services.rasterizer,
    posters: await createChannelPosters(services.config, services.log, options),
    owner: processOwnerId(),
    pacer: new ChannelPacer(services.clock, realSleep),
  };
}

/** `adpulse start`: ticks every minute and runs every job in jobs/index.ts. */
export async function startJobScheduler(
  services: Services,
  options: PosterOptions = {},
): Promise<Scheduler> {
  const deps = await createJobDependencies(services, options);
  return startScheduler({ jobs, deps, log: deps.log });
}
