import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";
import { makeInboundSms } from "../../support/twilio-sms.ts";

/** One inbound SMS as Twilio delivered it: its MessageSid and how many tries it took. */
export interface Delivery {
  sid: string;
  from: string;
  body: string;
  /** True once a try was answered 200 (Twilio then stops retrying). */
  delivered: boolean;
  tries: number;
}

/**
 * Delivers one inbound SMS the way Twilio does: the same signed form (same MessageSid) again
 * after a connection error or a 5xx, until a 200 or `maxTries`. A web process killed with the
 * request in hand makes the balancer answer 502, and the retry may find the message stored.
 */
export async function deliverLikeTwilio(
  target: { url: string; authToken: string; accountSid: string; agencyNumber: string },
  from: string,
  body: string,
  maxTries = 40,
): Promise<Delivery> {
  const params = makeInboundSms(from, body, { AccountSid: target.accountSid, To: target.agencyNumber });
  const delivery: Delivery = { sid: params.MessageSid ?? "", from, body, delivered: false, tries: 0 };
  const url = `${target.url}/twilio/sms`;
  while (delivery.tries < maxTries) {
    delivery.tries += 1;
    try {
      const response = await postSignedTwilioForm(url, url, target.authToken, params);
      await response.arrayBuffer();
      if (response.status === 200) {
        delivery.delivered = true;
        return delivery;
      }
      if (response.status < 500) return delivery;
    } catch {
      // connection refused or reset: retried like a 5xx
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return delivery;
}
