import type { CloudAdapter } from "botbuilder";
import express, { type Router } from "express";
import { z } from "zod";
import type { Logger } from "../../config/logger.ts";
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
export function createWebChatRoutes(deps: { adapter: CloudAdapter; bot: WebChatBot; logger: Logger }): Router {
  const router = express.Router();
  router.post("/api/messages", express.json({ limit: "256kb" }), async (req, res) => {
    const parsed = ActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({
        error: "malformed activity",
        errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      });
      return;
    }
    try {
      await deps.adapter.process(req, res, (context) => deps.bot.run(context));
    } catch (error) {
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "web chat activity failed");
      if (!res.headersSent) res.status(503).json({ error: "temporarily unavailable" });
    }
  });
  // A body that is not JSON at all gets the same clear 400 instead of express's HTML page.
  router.use("/api/messages", (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if ((error as { type?: string }).type === "entity.parse.failed") {
      res.status(400).json({ error: "malformed activity", errors: [{ path: "", message: "body is not valid JSON" }] });
      return;
    }
    next(error);
  });
  return router;
}
