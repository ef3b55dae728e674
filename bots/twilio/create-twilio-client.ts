import twilio from "twilio";
import type { TwilioSettings } from "./twilio-settings.ts";

export type TwilioClient = ReturnType<typeof twilio>;

/** Sends every REST call to another base address (the sandbox stand-in or a test's fake Twilio). */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: () => string) {
    super();
  }
  override request<T>(options: Parameters<twilio.RequestClient["request"]>[0] & { data?: T }) {
    const target = new URL(options.uri);
    const base = new URL(this.baseUrl());
    const uri = `${base.origin}${base.pathname.replace(/\/$/, "")}${target.pathname}${target.search}`;
    return super.request<T>({ ...options, uri });
  }
}

/** The real twilio client; pointed at the stand-in in sandbox mode so sandbox runs the production path. */
export function createTwilioClient(settings: TwilioSettings): TwilioClient {
  const base = settings.apiBaseUrl();
  if (base === null) return twilio(settings.accountSid, settings.authToken);
  return twilio(settings.accountSid, settings.authToken, {
    httpClient: new RedirectingRequestClient(() => settings.apiBaseUrl() ?? base),
  });
}
