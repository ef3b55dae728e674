import { timingSafeEqual } from "node:crypto";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { Queue } from "bullmq";
import express, { type NextFunction, type Request, type Response, type Router } from "express";

export const DASHBOARD_PATH = "/admin/queues";

function isAuthorized(header: string | undefined, password: string): boolean {
  const [scheme, encoded] = (header ?? "").split(" ");
  if (scheme !== "Basic" || !encoded) return false;
  const given = Buffer.from(Buffer.from(encoded, "base64").toString("utf8").split(":").slice(1).join(":"));
  const expected = Buffer.from(password);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Bull Board at /admin/queues behind HTTP basic auth (any user name, ADMIN_PASSWORD). Without
 * a password the dashboard stays closed rather than open: failed jobs carry customer data.
 */
export function createQueueDashboard(queues: Queue[], password: string | undefined): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter });
  const router = express.Router();
  router.use(DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (!password) {
      res.status(503).type("text/plain").send("queue dashboard disabled: set ADMIN_PASSWORD");
      return;
    }
    if (!isAuthorized(req.headers.authorization, password)) {
      res.status(401).set("WWW-Authenticate", 'Basic realm="DetailDesk queues"').type("text/plain").send("authentication required");
      return;
    }
    next();
  });
  router.use(DASHBOARD_PATH, adapter.getRouter());
  return router;
}
