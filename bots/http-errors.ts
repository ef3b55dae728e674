import type { ErrorRequestHandler, Response } from "express";
import type { Logger } from "../config/logger.ts";

/** Every error answer of this server: a machine-readable code and one sentence, never a stack. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: code, message });
}

// body-parser's error types (and Express's own) → what the caller is told.
const KNOWN: Record<string, { status: number; code: string; message: string }> = {
  "entity.too.large": { status: 413, code: "payload_too_large", message: "The request body is too large." },
  "entity.parse.failed": { status: 400, code: "malformed_body", message: "The request body could not be parsed." },
  "encoding.unsupported": { status: 415, code: "unsupported_encoding", message: "The request body's content encoding is not supported." },
  "charset.unsupported": { status: 415, code: "unsupported_charset", message: "The request body's character set is not supported." },
  "request.aborted": { status: 400, code: "request_aborted", message: "The request was aborted before its body arrived." },
  "request.size.invalid": { status: 400, code: "malformed_body", message: "The request body's length does not match its header." },
  "parameters.too.many": { status: 413, code: "too_many_parameters", message: "The request has too many form fields." },
};

/**
 * The one error handler of the app, mounted last: whatever a route or a body parser threw becomes
 * a JSON answer. Express's default would send an HTML page with the stack outside production.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const type = (error as { type?: unknown } | null)?.type;
    const known = typeof type === "string" ? KNOWN[type] : undefined;
    const declared = Number((error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode);
    const status = known?.status ?? (declared >= 400 && declared < 600 ? declared : 500);
    if (status >= 500) logger.error({ err: error, path: req.path }, "request failed");
    else logger.warn({ status, code: known?.code ?? "bad_request", path: req.path }, "request refused");
    if (res.headersSent) {
      res.end();
      return;
    }
    if (known) sendError(res, known.status, known.code, known.message);
    else if (status >= 500) sendError(res, status, "internal_error", "Something went wrong on our side; please retry.");
    else sendError(res, status, "bad_request", "The request could not be processed.");
  };
}
