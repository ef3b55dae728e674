import { randomBytes, randomInt } from "node:crypto";
import type { PrismaClient } from "../../prisma/client.ts";
import type { TestApp } from "./start-test-app.ts";
import { waitFor } from "./wait-for.ts";
import { postSignedTwilioForm } from "./twilio-webhook.ts";

/** The Tucson agency's SMS and voice number (agencies/tucson-az-pd.json). */
export const TUCSON_NUMBER = "+15205550100";

/**
 * A customer's SMS intake in Tucson, one message each, up to the quote summary that awaits YES
 * (times, address, job, the one screening question, name, organization, instructions); a
 * prefix of it puts a customer at a given question.
 */
export const SMS_INTAKE = [
  "Hi, I need 2 officers with a car next Saturday",
  "6-11pm",
  "4500 E Broadway",
  "store security",
  "no",
  "Maria Lopez",
  "Desert Bloom Events",
  "none",
] as const;

/**
 * A customer number no seeded officer and (very likely) no other test uses: +1 520 7xx xxxx.
 * Officers are +1 520 555 01xx; other tests pick +1 520 555 2000..9999.
 */
export function newCustomerPhone(): string {
  return `+15207${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
}

export const newMessageSid = () => `SM${randomBytes(16).toString("hex")}`;
export const newCallSid = () => `CA${randomBytes(16).toString("hex")}`;

/** Twilio's inbound SMS webhook form. */
export function makeInboundSms(
  from: string,
  body: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    MessageSid: newMessageSid(),
    AccountSid: `AC${"0".repeat(32)}`,
    From: from,
    To: TUCSON_NUMBER,
    Body: body,
    NumMedia: "0",
    ...overrides,
  };
}

/** Posts signed Twilio webhooks to a test app, signed with its own auth token and public address. */
export function createTwilioPoster(test: TestApp) {
  return (
    path: string,
    params: Record<string, string>,
    options: { signature?: string; timeoutMs?: number } = {},
  ) => postSignedTwilioFormWithTimeout(test, path, params, options);
}

async function postSignedTwilioFormWithTimeout(
  test: TestApp,
  path: string,
  params: Record<string, string>,
  options: { signature?: string; timeoutMs?: number },
): Promise<Response> {
  const settings = test.app.twilio;
  const publicUrl = `${settings.publicBaseUrl()}${path}`;
  if (!options.timeoutMs)
    return postSignedTwilioForm(`${test.base}${path}`, publicUrl, settings.authToken, params, options);
  // Twilio gives up on a webhook after 15 s; a test gives up sooner and counts it as a failure.
  const signal = AbortSignal.timeout(options.timeoutMs);
  return Promise.race([
    postSignedTwilioForm(`${test.base}${path}`, publicUrl, settings.authToken, params, options),
    new Promise<never>((_, reject) =>
      signal.addEventListener("abort", () => reject(new Error("webhook timed out"))),
    ),
  ]);
}

export interface DeliveryLog {
  /** HTTP status of each attempt, or "timeout"/"error" when none came. */
  attempts: (number | "timeout" | "error")[];
  /** Body of the 2xx answer. */
  body: string;
}

/**
 * Delivers one inbound SMS the way Twilio does: a non-2xx answer (or none within `timeoutMs`) is
 * retried after `retryDelayMs` with the same MessageSid, until it succeeds or `giveUpAfterMs` passes.
 */
export async function deliverLikeTwilio(
  test: TestApp,
  params: Record<string, string>,
  options: { retryDelayMs?: number; timeoutMs?: number; giveUpAfterMs?: number } = {},
): Promise<DeliveryLog> {
  const { retryDelayMs = 500, timeoutMs = 15_000, giveUpAfterMs = 60_000 } = options;
  const post = createTwilioPoster(test);
  const log: DeliveryLog = { attempts: [], body: "" };
  const deadline = Date.now() + giveUpAfterMs;
  for (;;) {
    try {
      const response = await post("/twilio/sms", params, { timeoutMs });
      log.attempts.push(response.status);
      const text = await response.text();
      if (response.status >= 200 && response.status < 300) {
        log.body = text;
        return log;
      }
    } catch (error) {
      log.attempts.push(error instanceof Error && /timed out/.test(error.message) ? "timeout" : "error");
    }
    if (Date.now() > deadline) return log;
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
  }
}

/** The SMS the sandbox Twilio stand-in received for `phone`, oldest first. */
export function sandboxSmsTo(test: TestApp, phone: string): string[] {
  return (test.app.outbox?.list() ?? [])
    .filter((e) => e.channel === "sms" && e.to === phone)
    .map((e) => e.body);
}

/**
 * The webhook only stores an inbound SMS and queues it; a worker acts on it. Waits until the
 * messages with these MessageSids were acted on (their turn committed, their replies queued).
 */
export async function waitUntilActedOn(prisma: PrismaClient, sids: string | string[], timeoutMs = 15_000): Promise<void> {
  const providerIds = typeof sids === "string" ? [sids] : sids;
  const done = await waitFor(
    () => prisma.inboundSms.count({ where: { providerId: { in: providerIds }, processedAt: { not: null } } }),
    (count) => count === providerIds.length,
    timeoutMs,
  );
  if (done !== providerIds.length) throw new Error(`${providerIds.length - done} inbound SMS not acted on within ${timeoutMs} ms`);
}
