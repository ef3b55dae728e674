import type { InboundMessage } from "../../core/messages/index.ts";
import { cleanMessageText } from "../../core/shared/index.ts";

/** Twilio's SMS/MMS webhook form, reduced to what DetailDesk uses; null when a required field is missing. */
export function parseInboundSms(
  body: Record<string, string | undefined>,
  agencyId: string,
  receivedAt: Date,
): InboundMessage | null {
  const { From: from, To: to, MessageSid: sid } = body;
  if (!from || !to || !sid) return null;
  const mediaCount = Math.min(Number(body.NumMedia ?? "0") || 0, 10);
  const media = Array.from({ length: mediaCount }, (_, i) => ({
    url: body[`MediaUrl${i}`] ?? "",
    contentType: body[`MediaContentType${i}`] ?? "application/octet-stream",
  })).filter((m) => m.url.length > 0);
  return { channel: "sms", agencyId, from, to, text: cleanMessageText(body.Body ?? ""), providerId: sid, media, receivedAt };
}
