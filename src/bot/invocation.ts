/** Where an invocation came from; adapters fill it, the dispatcher trusts nothing else. */
export type PlatformName = "slack" | "discord" | "console";

/**
 * One command as a platform adapter hands it to the dispatcher: who, where, and what they typed.
 * Adapters derive `tenantId` from the platform payload (workspace, guild), never from user text.
 */
export interface Invocation {
  platform: PlatformName;
  /** `slack:T123`, `discord:456`, `local`. */
  tenantId: string;
  /** Shown when the tenant is created on first use. */
  tenantName?: string;
  /** Platform-qualified user id: `slack:U123`, `discord:789`, `local:alice`. */
  userId: string;
  userName?: string;
  channelId?: string;
  /**
   * The command text after the slash command itself, e.g. `roi last 30d platform:facebook`.
   * (A leading `/campaign` is accepted and ignored.)
   */
  text: string;
  /** Pre-parsed options when the platform has typed options (Discord); keyed by option name. */
  options?: Record<string, string | number | boolean>;
  /** Subcommand name when `options` is given. */
  subcommand?: string;
  /**
   * Set (true) when the payload itself says the user administers the workspace or server
   * (Discord sends the member's permissions). Absent otherwise: the dispatcher may still ask the
   * platform (Slack users.info) when a command needs to know.
   */
  isAdmin?: boolean;
}
