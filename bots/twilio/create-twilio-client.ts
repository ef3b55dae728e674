import twilio from "twilio";
import { TwilioHttpClient } from "./twilio-http-client.ts";
import type { TwilioSettings } from "./twilio-settings.ts";

export type TwilioClient = ReturnType<typeof twilio>;

/**
 * The real twilio client on our lighter HTTP client (twilio-http-client.ts: no axios); pointed at
 * the stand-in in sandbox mode, or TWILIO_API_BASE_URL, so sandbox runs the production path.
 */
export function createTwilioClient(settings: TwilioSettings): TwilioClient {
  return twilio(settings.accountSid, settings.authToken, {
    httpClient: new TwilioHttpClient({ baseUrl: () => settings.apiBaseUrl() }),
  });
}
