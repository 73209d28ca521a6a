import type { Logger } from "../logger";
import type { Tenant } from "../store/schema";
import type { Store } from "../store/store";
import type { Clock, IdGenerator } from "./clock";
import type { PlatformName } from "./invocation";

/**
 * Everything a command may touch, built per invocation by the dispatcher from dependencies created
 * once at start-up. No globals: a command that needs something new gets it here.
 */
export interface Context {
  store: Store;
  tenant: Tenant;
  user: { id: string; name?: string };
  channelId?: string;
  platform: PlatformName;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
}
