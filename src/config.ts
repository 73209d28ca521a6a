import { z } from "zod";

/**
 * The whole configuration, parsed once from the environment by `readConfig`. Nothing else reads
 * `process.env`. Secrets stay inside this object and are never logged (see logger redaction).
 */
export interface Config {
  databaseUrl: string;
  defaultTimezone: string;
  logLevel: string;
  /** Bootstrap managers, platform-qualified: `slack:U123`, `discord:456`. */
  managers: readonly string[];
  slack?: {
    botToken: string;
    signingSecret: string;
    /** Socket Mode when set. */
    appToken?: string;
    /** Web API base ending in `/`, e.g. `https://slack.com/api/`. */
    apiUrl?: string;
    /** HTTP receiver port (`/slack/events`). */
    port: number;
  };
  discord?: {
    token: string;
    applicationId: string;
    /** REST base, e.g. `https://discord.com/api`. */
    apiUrl?: string;
  };
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`adpulse configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, "must start with sqlite: or postgres://")
    .default("sqlite:data/adpulse.db"),
  DEFAULT_TIMEZONE: z
    .string()
    .refine(isTimeZone, "must be an IANA time zone such as Europe/Paris")
    .default("UTC"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  ADPULSE_MANAGERS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(/^(slack|discord|local):[\w-]+$/, "ids look like slack:U123 or discord:456"),
      ),
    ),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_API_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DISCORD_TOKEN: z.string().optional(),
  DISCORD_APPLICATION_ID: z.string().optional(),
  DISCORD_API_URL: z.url().optional(),
});

/** Treats empty variables as unset, the way `.env` files and CI templates leave them. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""),
  );
}

/**
 * Validates the environment, listing every problem at once. Never echoes a value (they may be
 * secrets); messages say where to find the missing one.
 *
 * @example readConfig({ DATABASE_URL: "sqlite::memory:" }).slack // undefined: console only
 */
export function readConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join(".")} ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const config: Config = {
    databaseUrl: e.DATABASE_URL,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    managers: Object.freeze(e.ADPULSE_MANAGERS),
  };

  if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN) {
      problems.push(
        "SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions",
      );
    } else if (!e.SLACK_BOT_TOKEN.startsWith("xoxb-")) {
      problems.push("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
    }
    if (!e.SLACK_SIGNING_SECRET) {
      problems.push(
        "SLACK_SIGNING_SECRET is missing: copy it from Basic Information → App Credentials",
      );
    }
    if (e.SLACK_APP_TOKEN && !e.SLACK_APP_TOKEN.startsWith("xapp-")) {
      problems.push(
        "SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)",
      );
    }
    if (e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET) {
      config.slack = {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL ? withTrailingSlash(e.SLACK_API_URL) : undefined,
        port: e.PORT,
      };
    }
  }

  if (e.DISCORD_TOKEN || e.DISCORD_APPLICATION_ID) {
    if (!e.DISCORD_TOKEN) {
      problems.push("DISCORD_TOKEN is missing: copy the bot token from Developer Portal → Bot");
    }
    if (!e.DISCORD_APPLICATION_ID) {
      problems.push(
        "DISCORD_APPLICATION_ID is missing: copy the Application ID from Developer Portal → General Information",
      );
    } else if (!/^\d{5,25}$/.test(e.DISCORD_APPLICATION_ID)) {
      problems.push("DISCORD_APPLICATION_ID must be the numeric Application ID");
    }
    if (e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID) {
      config.discord = {
        token: e.DISCORD_TOKEN,
        applicationId: e.DISCORD_APPLICATION_ID,
        apiUrl: e.DISCORD_API_URL?.replace(/\/+$/, ""),
      };
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
