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
  user: {
    id: string;
    name?: string;
    /**
     * Whether the platform says this user administers the workspace or server (Slack admin or
     * owner, Discord Administrator). Lazy: Slack needs a users.info call, made only when asked.
     */
    isAdmin?: () => Promise<boolean>;
  };
  channelId?: string;
  platform: PlatformName;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  /** Bootstrap managers from ADPULSE_MANAGERS (`config.managers`), for permission checks. */
  managers?: readonly string[];
}
