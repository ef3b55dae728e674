import { type DestinationStream, type Logger, pino } from "pino";
import { redactText, redactValue } from "./redact.ts";

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
      // redactValue has already turned errors into plain, redacted objects; pino's own error
      // serializer would read the original stack and causes again.
      serializers: { err: (value: unknown) => value },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === "string" ? redactText(a) : a));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    options.destination === "stderr" ? pino.destination(2) : (options.destination ?? pino.destination(1)),
  );
}

/**
 * Libraries that print to the console (botbuilder prints each rejected request's error and stack)
 * go through the logger, so their output is redacted like ours. Called by the process entry points.
 */
export function routeConsoleToLogger(logger: Logger): void {
  const forward = (level: "info" | "warn" | "error") => (...args: unknown[]) => {
    const errors = args.filter((a) => a instanceof Error);
    const text = args.filter((a) => !(a instanceof Error)).map((a) => (typeof a === "string" ? a : JSON.stringify(redactValue(a)))).join(" ");
    logger[level]({ source: "console", ...(errors.length > 0 ? { err: errors[0] } : {}) }, text || "console output");
  };
  console.log = forward("info");
  console.info = forward("info");
  console.warn = forward("warn");
  console.error = forward("error");
}
