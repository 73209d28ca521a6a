import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Structured JSON logs (pino). Secrets never reach a log line: the paths below are redacted even if
 * a caller passes a whole config or request by mistake.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: "adpulse" },
      redact: {
        paths: [
          "*.token",
          "*.botToken",
          "*.appToken",
          "*.signingSecret",
          "*.discordToken",
          "*.password",
          "*.authorization",
          "*.headers.authorization",
          "config.slack",
          "config.discord",
        ],
        censor: "[redacted]",
      },
    },
    destination ?? pino.destination(2),
  );
}

/** A logger that drops everything, for tests and one-shot CLI commands that print their own output. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
