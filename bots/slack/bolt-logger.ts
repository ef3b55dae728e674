import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../../config/logger.ts";

/** Bolt and its WebClient log through our pino logger (so redaction applies to them too). */
export function createBoltLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: "slack" });
  // Bolt's info/debug chatter is noise at our info level; its warnings and errors are kept.
  let level: LogLevel = LogLevel.WARN;
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" ");
  return {
    debug: (...msg: unknown[]) => child.trace(text(msg)),
    info: (...msg: unknown[]) => child.debug(text(msg)),
    warn: (...msg: unknown[]) => child.warn(text(msg)),
    error: (...msg: unknown[]) => child.error(text(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
