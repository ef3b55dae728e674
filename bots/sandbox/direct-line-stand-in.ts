import { randomBytes } from "node:crypto";
import express, { type Router } from "express";
import type { Logger } from "../../config/logger.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import type { SandboxOutbox } from "./outbox.ts";

interface DirectLineConversation {
  id: string;
  agencyId: string;
  token: string;
  activities: Record<string, unknown>[];
}

/** Most activities kept per conversation; the page only ever reads the recent ones. */
const MAX_ACTIVITIES = 2_000;
const BOT = { id: "detaildesk-bot", name: "DetailDesk" };

/**
 * A minimal local Direct Line 3.0 for sandbox mode, so the chat page works with no Azure account:
 * start a conversation, post an activity (forwarded to our /api/messages like the real service,
 * with this stand-in as the serviceUrl) and poll for activities. Mounted per agency at
 * /sandbox/directline/<agency-id>/v3/directline so the bot knows whose chat it is.
 */
export function createDirectLineStandIn(deps: {
  getAgency(id: string): AgencyConfig | undefined;
  localBaseUrl(): string;
  outbox: SandboxOutbox;
  logger: Logger;
}): Router {
  const router = express.Router();
  const conversations = new Map<string, DirectLineConversation>();
  let sequence = 0;
  const json = express.json({ limit: "256kb" });
  const serviceUrl = () => `${deps.localBaseUrl()}/sandbox/directline/connector/`;

  const append = (conversation: DirectLineConversation, activity: Record<string, unknown>) => {
    sequence += 1;
    const stored = {
      ...activity,
      id: `${conversation.id}|${String(sequence).padStart(7, "0")}`,
      timestamp: new Date().toISOString(),
      conversation: { id: conversation.id },
      channelId: "directline",
    };
    conversation.activities.push(stored);
    if (conversation.activities.length > MAX_ACTIVITIES) conversation.activities.shift();
    return stored;
  };

  const forwardToBot = async (conversation: DirectLineConversation, activity: Record<string, unknown>) => {
    try {
      const response = await fetch(`${deps.localBaseUrl()}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          ...activity,
          serviceUrl: serviceUrl(),
          recipient: BOT,
          channelData: { ...((activity.channelData as object | undefined) ?? {}), agencyId: conversation.agencyId },
        }),
      });
      if (!response.ok) deps.logger.warn({ status: response.status }, "sandbox Direct Line: the bot refused an activity");
    } catch (error) {
      deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "sandbox Direct Line: bot unreachable");
    }
  };

  const find = (req: express.Request, res: express.Response): DirectLineConversation | null => {
    const conversation = conversations.get(String(req.params.conversationId));
    if (!conversation || req.headers.authorization !== `Bearer ${conversation.token}`) {
      res.status(conversation ? 403 : 404).json({ error: { code: "BadArgument", message: "unknown conversation or token" } });
      return null;
    }
    return conversation;
  };

  const base = "/sandbox/directline/:agencyId/v3/directline";
  router.post(`${base}/conversations`, json, (req, res) => {
    const agency = deps.getAgency(String(req.params.agencyId));
    if (!agency) {
      res.status(404).json({ error: { code: "BadArgument", message: "unknown agency" } });
      return;
    }
    const conversation: DirectLineConversation = {
      id: `dl-${randomBytes(8).toString("hex")}`,
      agencyId: agency.id,
      token: randomBytes(16).toString("hex"),
      activities: [],
    };
    conversations.set(conversation.id, conversation);
    const user = { id: `dl_user_${randomBytes(4).toString("hex")}`, role: "user" };
    void forwardToBot(conversation, {
      type: "conversationUpdate",
      id: `${conversation.id}|start`,
      conversation: { id: conversation.id },
      channelId: "directline",
      from: user,
      membersAdded: [user, BOT],
    });
    res.status(201).json({ conversationId: conversation.id, token: conversation.token, expires_in: 3600 });
  });

  router.get(`${base}/conversations/:conversationId/activities`, (req, res) => {
    const conversation = find(req, res);
    if (!conversation) return;
    const watermark = Math.max(0, Number(req.query.watermark ?? 0) || 0);
    res.json({ activities: conversation.activities.slice(watermark), watermark: String(conversation.activities.length) });
  });

  router.post(`${base}/conversations/:conversationId/activities`, json, (req, res) => {
    const conversation = find(req, res);
    if (!conversation) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body.type !== "string") {
      res.status(400).json({ error: { code: "BadArgument", message: "activity type is required" } });
      return;
    }
    const stored = append(conversation, body);
    void forwardToBot(conversation, stored);
    res.json({ id: stored.id });
  });

  // The connector side: the bot's replies (and proactive messages) arrive here.
  router.post(
    ["/sandbox/directline/connector/v3/conversations/:conversationId/activities", "/sandbox/directline/connector/v3/conversations/:conversationId/activities/:replyToId"],
    json,
    (req, res) => {
      const conversation = conversations.get(String(req.params.conversationId));
      if (!conversation) {
        res.status(404).json({ error: { code: "ConversationNotFound", message: "unknown conversation" } });
        return;
      }
      const activity = (req.body ?? {}) as Record<string, unknown>;
      const stored = append(conversation, { ...activity, from: BOT });
      deps.outbox.record({
        channel: "web",
        to: conversation.id,
        from: BOT.id,
        body: String(activity.text ?? ""),
        ...(activity.attachments ? { blocks: activity.attachments } : {}),
        at: String(stored.timestamp),
      });
      res.json({ id: stored.id });
    },
  );
  return router;
}
