import express, { type Router } from "express";
import { loadOnce } from "../workers/load-once.ts";

/**
 * A router loaded on the first request under `prefix` (e.g. "/c" for /c/...): routes every
 * process mounts but few requests use (the customer page with its PDF library, Bull Board) cost
 * a web process no memory until then. A load that fails is tried again by the next request.
 */
export function createLazyRouter(prefix: string, load: () => Promise<Router>): Router {
  const lower = prefix.toLowerCase();
  const loadRouter = loadOnce(load);
  const router = express.Router();
  router.use((req, res, next) => {
    // Case-insensitive, as express's own routing.
    const path = req.path.toLowerCase();
    if (path !== lower && !path.startsWith(`${lower}/`)) {
      next();
      return;
    }
    loadRouter().then(
      (loaded) => loaded(req, res, next),
      (error: unknown) => next(error),
    );
  });
  return router;
}
