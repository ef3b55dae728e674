import http from "node:http";
import https from "node:https";
import twilio from "twilio";

type RequestOptions<T> = Parameters<twilio.RequestClient["request"]>[0] & { data?: T };
type Response<T> = Awaited<ReturnType<twilio.RequestClient["request"]>> & { body: T };

/** Default whole-request deadline (ms), twilio's own default. */
export const TWILIO_TIMEOUT_MS = 30_000;
/** Default sockets per host: twilio's default, and what a send job keeps in flight (send-offer-batch.ts). */
export const TWILIO_MAX_SOCKETS = 20;
/** Idle keep-alive sockets are closed after this long (ms), before a load balancer drops them under us. */
const IDLE_SOCKET_MS = 15_000;

export interface TwilioHttpClientOptions {
  /** Sends every call to this base address instead (the sandbox stand-in, a fake); null = Twilio's own. Read per request. */
  baseUrl?: () => string | null;
  /** Whole-request deadline in ms; default TWILIO_TIMEOUT_MS (a call's own `timeout` wins). */
  timeoutMs?: number;
  /** Sockets per host; default TWILIO_MAX_SOCKETS. */
  maxSockets?: number;
}

/** A call that got no HTTP answer (refused, reset, timed out): no `status`, so send-sms.ts retries it. */
export class TwilioTransportError extends Error {
  constructor(
    message: string,
    /** Node's error code (ECONNREFUSED, ECONNRESET, …) or ECONNABORTED for a timeout, as axios said. */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "TwilioTransportError";
  }
}

/**
 * The twilio SDK's HTTP client on plain node:http/https with keep-alive sockets. The SDK builds
 * the call and turns the answer into its RestException (status, code, message) for any non-2xx,
 * so this only moves bytes: form-encoded (or JSON) body, basic auth, a deadline.
 *
 * Why not twilio's own RequestClient: it goes through axios, whose per-request config merging,
 * interceptors and adapters cost ≈ 0.7 ms of CPU per message on top of Node's client; a wave's
 * 1,000 offers spent most of their CPU there. Redirects are not followed (Twilio's REST API
 * does not redirect; its client does not follow them either unless asked). Not carried over from
 * twilio's client: HTTP_PROXY, TWILIO_CA_BUNDLE, autoRetry and request validation (none is used
 * here). It extends RequestClient only for the SDK's type; the parent's unused axios instance is
 * built once.
 */
export class TwilioHttpClient extends twilio.RequestClient {
  private readonly baseUrl: () => string | null;
  private readonly timeoutMs: number;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  /** Parsed base address and Authorization header of the last call: the same on every call in practice. */
  private lastBase: { text: string; url: URL } | null = null;
  private lastAuth: { credentials: string; header: string } | null = null;

  constructor(options: TwilioHttpClientOptions = {}) {
    super({ timeout: options.timeoutMs ?? TWILIO_TIMEOUT_MS });
    this.baseUrl = options.baseUrl ?? (() => null);
    this.timeoutMs = options.timeoutMs ?? TWILIO_TIMEOUT_MS;
    const maxSockets = options.maxSockets ?? TWILIO_MAX_SOCKETS;
    // As many idle sockets kept as can be busy: a wave's bursts would otherwise reconnect each time.
    const agentOptions = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: IDLE_SOCKET_MS };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
  }

  override async request<T>(opts: RequestOptions<T>): Promise<Response<T>> {
    const url = this.target(opts.uri);
    if (opts.params) url.search = encodeForm(opts.params as Record<string, unknown>);
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (opts.username && opts.password) {
      headers.Authorization = this.basicAuth(`${opts.username}:${opts.password}`);
    } else if (opts.authStrategy) {
      headers.Authorization = await opts.authStrategy.getAuthString();
    }
    let body: string | null = null;
    if (opts.data !== undefined && opts.data !== null) {
      body =
        headers["Content-Type"] === "application/json"
          ? JSON.stringify(opts.data)
          : encodeForm(opts.data as Record<string, unknown>);
      headers["Content-Length"] = String(Buffer.byteLength(body));
    }
    return this.send<T>(url, opts.method.toUpperCase(), headers, body, opts.timeout ?? this.timeoutMs);
  }

  /** Closes the idle sockets (in-flight calls finish); for tests and shutdown. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** The call's address, moved onto the base address when there is one (its path prefix kept). */
  private target(uri: string): URL {
    const url = new URL(uri);
    const text = this.baseUrl();
    if (text === null) return url;
    if (this.lastBase?.text !== text) this.lastBase = { text, url: new URL(text) };
    const base = this.lastBase.url;
    url.protocol = base.protocol;
    url.host = base.host;
    url.pathname = `${base.pathname.replace(/\/$/, "")}${url.pathname}`;
    return url;
  }

  private basicAuth(credentials: string): string {
    if (this.lastAuth?.credentials !== credentials) {
      this.lastAuth = { credentials, header: `Basic ${Buffer.from(credentials).toString("base64")}` };
    }
    return this.lastAuth.header;
  }

  private send<T>(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | null,
    timeoutMs: number,
  ): Promise<Response<T>> {
    const secure = url.protocol === "https:";
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).request(
        url,
        { method, headers, agent: secure ? this.httpsAgent : this.httpAgent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            clearTimeout(deadline);
            // A string body: the SDK parses it (and a non-JSON error page becomes "[HTTP 502] …").
            resolve({
              statusCode: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8") as T,
              headers: response.headers,
            });
          });
          response.on("error", fail);
        },
      );
      const deadline = setTimeout(() => {
        request.destroy(new TwilioTransportError(`timeout of ${timeoutMs}ms exceeded`, "ECONNABORTED"));
      }, timeoutMs);
      function fail(error: Error) {
        clearTimeout(deadline);
        if (error instanceof TwilioTransportError) reject(error);
        else
          reject(
            new TwilioTransportError(
              error.message,
              String((error as { code?: unknown }).code ?? "ECONNRESET"),
              { cause: error },
            ),
          );
      }
      request.on("error", fail);
      request.end(body ?? undefined);
    });
  }
}

/**
 * application/x-www-form-urlencoded as twilio's client sends it (qs, arrayFormat "repeat"): an
 * array repeats its key (MediaUrl=a&MediaUrl=b), undefined is left out, null is empty. The SDK has
 * already serialized dates, booleans and objects to strings.
 */
function encodeForm(fields: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      form.append(key, item === null ? "" : typeof item === "object" ? JSON.stringify(item) : String(item));
    }
  }
  return form.toString();
}
