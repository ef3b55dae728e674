import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { FastRoute } from "../server.ts";
import { answerInboundSms, EMPTY_TWIML, type SmsRouteDeps } from "./sms-routes.ts";
import { checkTwilioSignature } from "./verify-signature.ts";

/** Largest form accepted, bytes: the express route's body-parser limit ("64kb"). */
const MAX_BODY_BYTES = 64 * 1024;
/** Most form fields accepted: body-parser's parameterLimit (default 1000). */
const MAX_FIELDS = 1000;
const TWIML_BYTES = String(Buffer.byteLength(EMPTY_TWIML));
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * POST /twilio/sms on node:http, ahead of express: every inbound SMS is one, and express's router,
 * body-parser and response helpers cost about as much CPU as storing and queueing the message
 * (bench/webhook-throughput.ts; raw-body and on-finished also bind an AsyncResource per request).
 * It answers exactly as the express route (sms-routes.ts) does, with the same signature check and
 * handler: 413 over 64 kB, 403 for a bad signature, 400 for a repeated or missing field, 404 for a
 * number no agency uses, 503 when storing or queueing fails (Twilio retries; MessageSid dedups),
 * else the empty TwiML. Only the plain case is taken: a UTF-8 form without content encoding at
 * exactly /twilio/sms; anything else (gzip, another charset, /Twilio/SMS/) goes on to express.
 */
export function createSmsFastPath(deps: SmsRouteDeps): FastRoute {
  return {
    matches: (req) => req.method === "POST" && pathOf(req.url ?? "") === "/twilio/sms" && isPlainForm(req.headers),
    handle(req, res) {
      readForm(req, res, (params) => {
        const signature = req.headers["x-twilio-signature"];
        const refusal = checkTwilioSignature(deps.settings, typeof signature === "string" ? signature : "", req.url ?? "", params);
        if (refusal) {
          writeError(res, refusal.status, refusal.code, refusal.message);
          return;
        }
        answerInboundSms(deps, params as Record<string, string>).then(
          (answer) => {
            if (answer.status === 200) {
              res.writeHead(200, { "content-type": "text/xml; charset=utf-8", "content-length": TWIML_BYTES }).end(EMPTY_TWIML);
            } else {
              writeError(res, answer.status, answer.code, answer.message);
            }
          },
          (error: unknown) => {
            deps.logger.error({ err: error, path: "/twilio/sms" }, "request failed");
            writeError(res, 500, "internal_error", "Something went wrong on our side; please retry.");
          },
        );
      }, deps.logger);
    },
  };
}

const pathOf = (url: string) => {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
};

/** What body-parser reads without help: a UTF-8 (or charset-less) form, not compressed. */
function isPlainForm(headers: IncomingHttpHeaders): boolean {
  const encoding = headers["content-encoding"];
  return FORM_TYPE.test(headers["content-type"] ?? "") && (encoding === undefined || encoding.toLowerCase() === "identity");
}

/**
 * Reads and parses the form as body-parser's urlencoded({ extended: false }) would, refusing what
 * it refuses with the same codes (http-errors.ts): over 64 kB 413, over 1,000 fields 413, a
 * request cut short 400. A repeated field becomes an array, which the signature check refuses.
 */
function readForm(
  req: IncomingMessage,
  res: ServerResponse,
  onForm: (params: Record<string, string | string[]>) => void,
  logger: SmsRouteDeps["logger"],
): void {
  const refuse = (status: number, code: string, message: string) => {
    logger.warn({ status, code, path: "/twilio/sms" }, "request refused");
    writeError(res, status, code, message);
  };
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    refuse(413, "payload_too_large", "The request body is too large.");
    req.resume();
    return;
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  let refused = false;
  req.on("data", (chunk: Buffer) => {
    if (refused) return;
    bytes += chunk.length;
    if (bytes > MAX_BODY_BYTES) {
      refused = true;
      refuse(413, "payload_too_large", "The request body is too large.");
      return;
    }
    chunks.push(chunk);
  });
  req.on("error", () => {
    if (refused || res.headersSent) return;
    refused = true;
    refuse(400, "request_aborted", "The request was aborted before its body arrived.");
  });
  req.on("end", () => {
    if (refused) return;
    const text = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
    const params = parseForm(text);
    if (!params) {
      refuse(413, "too_many_parameters", "The request has too many form fields.");
      return;
    }
    onForm(params);
  });
}

/** The form's fields (a repeated one as an array); null over MAX_FIELDS, counted as body-parser does. */
function parseForm(text: string): Record<string, string | string[]> | null {
  // No prototype: a field named __proto__ stays a field.
  const params: Record<string, string | string[]> = Object.create(null);
  if (text.length === 0) return params;
  let fields = 1;
  for (let at = text.indexOf("&"); at !== -1; at = text.indexOf("&", at + 1)) {
    if (++fields > MAX_FIELDS) return null;
  }
  for (const [key, value] of new URLSearchParams(text)) {
    const earlier = params[key];
    params[key] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  return params;
}

/** sendError (http-errors.ts) on node:http: a machine-readable code and one sentence. */
function writeError(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ error: code, message });
  res
    .writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(body)) })
    .end(body);
}
