import { timingSafeEqual } from "node:crypto";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { Queue } from "bullmq";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { sendError } from "../http-errors.ts";

export const DASHBOARD_PATH = "/admin/queues";

function isAuthorized(header: string | undefined, password: string): boolean {
  const [scheme, encoded] = (header ?? "").split(" ");
  if (scheme !== "Basic" || !encoded) return false;
  const given = Buffer.from(Buffer.from(encoded, "base64").toString("utf8").split(":").slice(1).join(":"));
  const expected = Buffer.from(password);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const LOCKOUT_WINDOW_MS = 15 * 60_000;

/**
 * Failed logins per client address in a sliding window. In memory: a guesser spread over several
 * web processes gets a few times the limit, still far too few tries for a real password.
 */
class LoginAttempts {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly limit: number) {}

  private recent(address: string, now: number): number[] {
    const kept = (this.failures.get(address) ?? []).filter((at) => now - at < LOCKOUT_WINDOW_MS);
    if (kept.length > 0) this.failures.set(address, kept);
    else this.failures.delete(address);
    return kept;
  }

  /** Seconds until this address may try again; 0 when it may now. */
  retryAfter(address: string, now: number): number {
    const recent = this.recent(address, now);
    if (recent.length < this.limit) return 0;
    return Math.ceil(((recent[recent.length - this.limit] ?? now) + LOCKOUT_WINDOW_MS - now) / 1000);
  }

  fail(address: string, now: number): void {
    const recent = this.recent(address, now);
    recent.push(now);
    this.failures.set(address, recent.slice(-this.limit));
    // Bounded: addresses that stopped trying are dropped as the map grows.
    if (this.failures.size > 10_000) for (const key of [...this.failures.keys()].slice(0, 1_000)) this.failures.delete(key);
  }
}

/**
 * Bull Board at /admin/queues behind HTTP basic auth (any user name, ADMIN_PASSWORD). Without
 * a password the dashboard stays closed rather than open: failed jobs carry customer data.
 * `maxFailures` wrong passwords from one address in 15 minutes lock that address out (429).
 */
export function createQueueDashboard(queues: Queue[], password: string | undefined, maxFailures = 10): Router {
  const attempts = new LoginAttempts(maxFailures);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter });
  const router = express.Router();
  router.use(DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (!password) {
      sendError(res, 503, "dashboard_disabled", "The queue dashboard is disabled: set ADMIN_PASSWORD.");
      return;
    }
    const address = req.ip ?? "unknown";
    const now = Date.now();
    const wait = attempts.retryAfter(address, now);
    if (wait > 0) {
      res.set("Retry-After", String(wait));
      sendError(res, 429, "too_many_attempts", `Too many failed logins from this address; try again in ${Math.ceil(wait / 60)} minutes.`);
      return;
    }
    if (!isAuthorized(req.headers.authorization, password)) {
      if (req.headers.authorization) attempts.fail(address, now);
      res.set("WWW-Authenticate", 'Basic realm="DetailDesk queues"');
      sendError(res, 401, "authentication_required", "The queue dashboard needs the admin password.");
      return;
    }
    next();
  });
  router.use(DASHBOARD_PATH, adapter.getRouter());
  return router;
}
