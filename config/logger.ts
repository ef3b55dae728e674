import { type DestinationStream, type Logger, pino } from "pino";
import { maskPhoneNumbers, redactValue } from "./redact.ts";

export type { Logger };

/** JSON logs (stdout unless a destination is given); every field and message is redacted. */
export function createLogger(
  options: { level?: string; name?: string; destination?: DestinationStream | "stderr" } = {},
): Logger {
  return pino(
    {
      name: options.name ?? "detaildesk",
      level: options.level ?? "info",
      formatters: {
        log: (object) => redactValue(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === "string" ? maskPhoneNumbers(a) : a));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    options.destination === "stderr" ? pino.destination(2) : (options.destination ?? pino.destination(1)),
  );
}
