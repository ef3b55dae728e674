import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import twilio from "twilio";
import { z } from "zod";

/**
 * The load generator of the webhook benchmark, run in a process of its own so its work does not
 * share the application's event loop: autocannon POSTs correctly signed Twilio SMS webhooks at a
 * fixed rate, each with a new MessageSid, from many customer numbers. Reads its settings as JSON
 * (argv[2]) and prints autocannon's figures for the measured run as one JSON line.
 */
export const WebhookLoadSettingsSchema = z.object({
  /** Where the app listens, e.g. http://127.0.0.1:PORT. */
  localBaseUrl: z.url(),
  /** PUBLIC_BASE_URL of the app: the address signatures are computed over. */
  publicBaseUrl: z.url(),
  authToken: z.string().min(1),
  accountSid: z.string().min(1),
  agencyNumber: z.string().min(1),
  /** Requests per second over all connections; 0 = as fast as the server answers (saturated). */
  rate: z.int().min(0),
  connections: z.int().positive(),
  warmupSeconds: z.number().min(0),
  durationSeconds: z.number().positive(),
  /** Distinct customer numbers the messages come from, in turn. */
  customers: z.int().positive(),
  /** MessageSids start with this, so the benchmark can count what was stored. */
  sidPrefix: z.string().regex(/^SM[0-9a-f]*$/),
});
export type WebhookLoadSettings = z.infer<typeof WebhookLoadSettingsSchema>;

export interface WebhookLoadResult {
  requests: number;
  durationSeconds: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Requests sent in warm-up and measured run together (each one a distinct MessageSid). */
  sentIncludingWarmup: number;
  /** Of those, the ones answered (a request still in flight when a run ends is sent, not answered). */
  answeredIncludingWarmup: number;
  warmup: { requests: number; errors: number; non2xx: number; p99: number };
}

/** A customer's first message: what people text an agency's line to ask for a detail. */
export const OPENINGS = [
  "I need 2 officers Saturday 6-11pm at 4500 E Broadway",
  "Hi, we need 3 officers for a concert next Friday 7pm to midnight at 260 S Church Ave",
  "Can I get one officer for traffic control Sunday 8am-2pm at 1 S Church Ave?",
  "hello we need security for our church festival, 4 officers saturday 5-10pm",
  "Quote for 2 officers and a patrol car Dec 24 8pm-1am at 3250 E Speedway Blvd please",
  "Hola, necesito 2 oficiales el sábado de 6 a 11pm en 4500 E Broadway",
  "How much for an officer at a construction site Monday 7am to 3pm at 5th St and Grant Rd?",
  "We're hosting a wedding reception next Saturday, need 1 officer 6-11pm at 4500 E Broadway",
  "need 5 officers for a 10k run on the 17th 6am-noon, road closures on Campbell Ave",
  "Looking for off duty police for a grand opening Thursday 4-9pm, 2 officers, 7000 E Tanque Verde Rd",
];
/** Later messages in the same conversation: answers, corrections, questions. */
export const FOLLOW_UPS = [
  "My name is Dana Lee with Broadway Events",
  "It's for Lopez Construction, ask for Sam",
  "make it 3 officers",
  "actually 7pm to midnight",
  "traffic control",
  "Maria Garcia, Tucson Youth Soccer",
  "yes",
  "what does it cost with a vehicle?",
];

/** Twilio's inbound-SMS form (the fields it really sends), for the i-th message of the run. */
function makeWebhookParams(settings: WebhookLoadSettings, i: number): Record<string, string> {
  const customer = i % settings.customers;
  const turn = Math.floor(i / settings.customers);
  const body =
    turn === 0 ? OPENINGS[customer % OPENINGS.length]! : FOLLOW_UPS[(customer + turn) % FOLLOW_UPS.length]!;
  const sid = `${settings.sidPrefix}${i.toString(16).padStart(34 - settings.sidPrefix.length, "0")}`;
  const from = `+1520700${String(customer).padStart(4, "0")}`;
  return {
    ToCountry: "US",
    ToState: "AZ",
    SmsMessageSid: sid,
    NumMedia: "0",
    ToCity: "TUCSON",
    FromZip: "85701",
    SmsSid: sid,
    FromState: "AZ",
    SmsStatus: "received",
    FromCity: "TUCSON",
    Body: body,
    FromCountry: "US",
    To: settings.agencyNumber,
    ToZip: "85701",
    NumSegments: "1",
    MessageSid: sid,
    AccountSid: settings.accountSid,
    From: from,
    ApiVersion: "2010-04-01",
  };
}

/** One autocannon run at the fixed rate; `next` numbers the messages across runs. */
function runAutocannon(
  settings: WebhookLoadSettings,
  durationSeconds: number,
  next: { i: number },
): Promise<autocannon.Result> {
  const publicUrl = `${settings.publicBaseUrl.replace(/\/$/, "")}/twilio/sms`;
  return autocannon({
    url: `${settings.localBaseUrl.replace(/\/$/, "")}/twilio/sms`,
    connections: settings.connections,
    duration: durationSeconds,
    // autocannon's rate limiter lets each connection send its share of a second back to back,
    // then waits for the next second; its coordinated-omission correction assumes an interval of
    // ceil(1/rate) ms (a seconds/ms mix-up) and would add one synthetic sample per millisecond of
    // every response. The figures are the measured response times.
    // Paced only: unpaced (saturated) runs have no interval to correct for.
    ...(settings.rate > 0 ? { overallRate: settings.rate, ignoreCoordinatedOmission: true } : {}),
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const params = makeWebhookParams(settings, next.i++);
          return {
            ...request,
            body: new URLSearchParams(params).toString(),
            headers: {
              ...request.headers,
              "content-type": "application/x-www-form-urlencoded",
              "x-twilio-signature": twilio.getExpectedTwilioSignature(settings.authToken, publicUrl, params),
            },
          };
        },
      },
    ],
  });
}

export async function runWebhookLoad(settings: WebhookLoadSettings): Promise<WebhookLoadResult> {
  const next = { i: 0 };
  const warmup =
    settings.warmupSeconds > 0
      ? await runAutocannon(settings, settings.warmupSeconds, next)
      : null;
  const measured = await runAutocannon(settings, settings.durationSeconds, next);
  return {
    requests: measured.requests.total,
    durationSeconds: measured.duration,
    latencyMs: {
      p50: measured.latency.p50,
      p90: measured.latency.p90,
      p99: measured.latency.p99,
      max: measured.latency.max,
      mean: Math.round(measured.latency.mean * 100) / 100,
    },
    errors: measured.errors,
    timeouts: measured.timeouts,
    non2xx: measured.non2xx,
    sentIncludingWarmup: next.i,
    answeredIncludingWarmup: (warmup?.requests.total ?? 0) + measured.requests.total,
    warmup: {
      requests: warmup?.requests.total ?? 0,
      errors: warmup?.errors ?? 0,
      non2xx: warmup?.non2xx ?? 0,
      p99: warmup?.latency.p99 ?? 0,
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const settings = WebhookLoadSettingsSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
  runWebhookLoad(settings).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
