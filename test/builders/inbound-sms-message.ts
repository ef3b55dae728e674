import type { InboundMessage } from "../../core/messages/index.ts";
import { newMessageSid, TUCSON_NUMBER } from "../support/twilio-sms.ts";

type StoredSms = InboundMessage & { channel: "sms"; providerId: string };

/**
 * An inbound SMS as the Twilio adapter hands it to the store (InboundMessage): to Tucson's line,
 * a fresh MessageSid, no media, received now, unless `overrides` say otherwise.
 */
export function makeInboundSmsMessage<O extends Partial<InboundMessage> = Record<never, never>>(
  from: string,
  text: string,
  overrides?: O,
): Omit<StoredSms, keyof O> & O {
  const base: StoredSms = { channel: "sms", agencyId: "tucson-az-pd", from, to: TUCSON_NUMBER, text, providerId: newMessageSid(), media: [], receivedAt: new Date() };
  return { ...base, ...overrides } as Omit<StoredSms, keyof O> & O;
}
