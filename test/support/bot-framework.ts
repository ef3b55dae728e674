import { randomBytes } from "node:crypto";

/** A Direct Line–style message activity for POST /api/messages; replies come back inline (expectReplies). */
export function makeWebActivity(input: {
  conversationId: string;
  text?: string;
  value?: unknown;
  agencyId?: string;
  serviceUrl?: string;
  expectReplies?: boolean;
}): Record<string, unknown> {
  return {
    type: "message",
    id: randomBytes(6).toString("hex"),
    channelId: "directline",
    serviceUrl: input.serviceUrl ?? "http://127.0.0.1:9/unused/",
    conversation: { id: input.conversationId },
    from: { id: `user-${input.conversationId}`, name: "Customer" },
    recipient: { id: "detaildesk-bot", name: "DetailDesk" },
    timestamp: new Date().toISOString(),
    locale: "en-US",
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.value !== undefined ? { value: input.value } : {}),
    channelData: { agencyId: input.agencyId ?? "tucson-az-pd" },
    ...(input.expectReplies === false ? {} : { deliveryMode: "expectReplies" }),
  };
}

export interface ReplyActivity {
  type: string;
  text?: string;
  attachments?: {
    contentType: string;
    content: { body?: { text?: string }[]; actions?: { title: string; data: unknown }[] };
  }[];
}

/** What a reply says: its text, or the text blocks of its card. */
export function readReply(reply: ReplyActivity): string {
  const cardText = (reply.attachments ?? []).flatMap((a) => (a.content.body ?? []).map((b) => b.text ?? "")).join("\n");
  return [reply.text ?? "", cardText].filter(Boolean).join("\n");
}

/** POSTs an activity and returns the HTTP status and the inline replies. */
export async function postActivity(
  base: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; replies: ReplyActivity[] }> {
  const response = await fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof activity === "string" ? activity : JSON.stringify(activity),
  });
  const text = await response.text();
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  const body = text && isJson ? (JSON.parse(text) as { activities?: ReplyActivity[] }) : {};
  return { status: response.status, replies: body.activities ?? [] };
}
