import type { Activity } from "botbuilder";
import express, { type Router } from "express";
import { z } from "zod";
import type { Logger } from "../../config/logger.ts";
import { isAuthenticationFailure, type WebChatAdapter } from "./create-webchat-adapter.ts";
import type { ServiceUrlPolicy } from "./service-url-allowlist.ts";
import type { WebChatBot } from "./webchat-bot.ts";

/** What every activity must carry before the adapter sees it; the rest is botbuilder's business. */
const ActivitySchema = z.object({
  type: z.string().min(1),
  id: z.string().optional(),
  serviceUrl: z.url(),
  channelId: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string().min(1) }),
  text: z.string().max(4000).optional(),
});

/** POST /api/messages: the Bot Framework endpoint (Direct Line, Azure Bot Service, the Emulator). */
export function createWebChatRoutes(deps: {
  adapter: WebChatAdapter;
  bot: WebChatBot;
  logger: Logger;
  /** Where replies may be posted; anything else is refused before the bot runs. */
  origins: ServiceUrlPolicy;
}): Router {
  const router = express.Router();
  router.post("/api/messages", express.json({ limit: "256kb" }), async (req, res) => {
    const parsed = ActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({
        error: "malformed_activity",
        message: "The activity is missing required fields.",
        errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      });
      return;
    }
    if (!deps.origins(parsed.data.serviceUrl)) {
      deps.logger.warn({ channelId: parsed.data.channelId }, "web chat activity refused: serviceUrl is not a Bot Framework channel");
      res.status(403).json({ error: "service_url_not_allowed", message: "Replies can only go to Bot Framework channels." });
      return;
    }
    try {
      const authorization = typeof req.headers.authorization === "string" ? req.headers.authorization : "";
      const invoke = await deps.adapter.handleActivity(authorization, req.body as Activity, (context) => deps.bot.run(context));
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.json(invoke.body);
      else res.end();
    } catch (error) {
      if (isAuthenticationFailure(error)) {
        deps.logger.warn({ channelId: parsed.data.channelId }, "web chat activity refused: Bot Framework authentication failed");
        res.status(401).json({ error: "unauthorized", message: "Bot Framework authentication failed." });
        return;
      }
      deps.logger.error({ err: error }, "web chat activity failed");
      if (!res.headersSent) res.status(503).json({ error: "unavailable", message: "Temporarily unavailable; please retry." });
    }
  });
  return router;
}
