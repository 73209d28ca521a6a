import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logger";

/**
 * Bolt, its WebClient and the Socket Mode client log through this adapter into our pino logger,
 * so their lines are structured, carry our bindings and pass pino's redaction. (Left alone, Bolt
 * writes its own console format to stdout.)
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: "bolt" });
  return {
    debug: (...msg: unknown[]) => child.debug(joinMessage(msg)),
    info: (...msg: unknown[]) => child.info(joinMessage(msg)),
    warn: (...msg: unknown[]) => child.warn(joinMessage(msg)),
    error: (...msg: unknown[]) => child.error(joinMessage(msg)),
    // LOG_LEVEL decides, once, for the whole process: Bolt calls setLevel(INFO) on any logger it is
    // given unless told a level, which would silently override ours.
    setLevel: () => undefined,
    getLevel: () => toBoltLevel(child.level),
    setName: () => undefined,
  };
}

function joinMessage(parts: unknown[]): string {
  return parts
    .map((part) => {
      if (typeof part === "string") return part;
      if (part instanceof Error) return `${part.name}: ${part.message}`;
      try {
        return JSON.stringify(part);
      } catch {
        return String(part);
      }
    })
    .join(" ");
}

function toBoltLevel(level: string): LogLevel {
  switch (level) {
    case "trace":
    case "debug":
      return LogLevel.DEBUG;
    case "info":
      return LogLevel.INFO;
    case "warn":
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}
