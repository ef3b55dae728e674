import type { Channel } from "./channel.ts";

/** A platform-neutral message from a customer or an officer, as every adapter produces it. */
export interface InboundMessage {
  channel: Channel;
  agencyId: string;
  /** Sender address: E.164 phone for sms/voice, a web-chat user id for web. */
  from: string;
  /** The agency's address the message was sent to. */
  to: string;
  text: string;
  /** Provider's id (Twilio MessageSid/CallSid, Bot Framework activity id); unique, for idempotency. */
  providerId: string | null;
  media: { url: string; contentType: string }[];
  receivedAt: Date;
}
