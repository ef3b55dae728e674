import { fileURLToPath } from "node:url";
import express, { type Router } from "express";
import type { Logger } from "../../config/logger.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import { sendError } from "../http-errors.ts";
import { escapeHtml, renderRatesPage } from "./render-rates-page.ts";
import type { WebChatSettings } from "./webchat-settings.ts";

/** Microsoft's prebuilt Web Chat bundle, served from the installed package (no CDN: works offline). */
const WEBCHAT_BUNDLE = fileURLToPath(
  new URL("../../node_modules/botframework-webchat/dist/webchat.js", import.meta.url),
);
const DIRECT_LINE_TOKENS = "https://directline.botframework.com/v3/directline/tokens/generate";

function renderChatPage(agency: AgencyConfig): string {
  const name = escapeHtml(agency.name);
  const id = encodeURIComponent(agency.id);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}: hire off-duty officers</title>
<style>
  html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { padding: 12px 16px; background: #1d3557; color: #fff; }
  header h1 { font-size: 1.1rem; margin: 0 0 4px; }
  header a { color: #a8dadc; }
  #webchat { flex: 1; min-height: 0; }
</style>
</head>
<body>
<header>
  <h1>${name}: off-duty officer requests</h1>
  <a id="rates-link" href="/chat/${id}/rates" target="_blank" rel="noopener">Rates and rules</a> ·
  <a id="rates-link-es" href="/chat/${id}/rates?lang=es" target="_blank" rel="noopener" hreflang="es">Tarifas y reglas</a>
</header>
<main id="webchat" role="main"></main>
<script src="/chat/assets/webchat.js"></script>
<script>
(async () => {
  const config = await (await fetch("/chat/${id}/token", { method: "POST" })).json();
  const directLine = window.WebChat.createDirectLine(
    config.domain ? { domain: config.domain, token: config.token, webSocket: false, pollingInterval: 500 } : { token: config.token },
  );
  // Every message names the agency, so one bot serves every agency's page.
  const store = window.WebChat.createStore({}, () => (next) => (action) => {
    if (action.type === "DIRECT_LINE/POST_ACTIVITY") {
      const activity = action.payload.activity;
      action = { ...action, payload: { ...action.payload, activity: { ...activity, channelData: { ...(activity.channelData || {}), agencyId: ${JSON.stringify(agency.id)} } } } };
    }
    return next(action);
  });
  window.WebChat.renderWebChat({ directLine, store, locale: navigator.language || "en-US" }, document.getElementById("webchat"));
})();
</script>
</body>
</html>`;
}

/** The customer chat page at /chat/<agency-id>, its rates page and its Direct Line token. */
export function createChatPageRoutes(deps: {
  settings: WebChatSettings;
  getAgency(id: string): AgencyConfig | undefined;
  logger: Logger;
  /** Sandbox: tokens point at the built-in Direct Line of this process. */
  sandbox: boolean;
  /** False when the deployment runs without web chat: the page and its token then answer 503. */
  enabled: boolean;
}): Router {
  const router = express.Router();
  router.get("/chat/assets/webchat.js", (_req, res) => {
    res.type("application/javascript").set("cache-control", "public, max-age=86400").sendFile(WEBCHAT_BUNDLE);
  });
  const page =
    (render: (agency: AgencyConfig, req: express.Request) => string): express.RequestHandler =>
    (req, res) => {
      const agency = deps.getAgency(String(req.params.agencyId));
      if (!agency) {
        sendError(res, 404, "unknown_agency", "There is no such agency.");
        return;
      }
      res.type("html").send(render(agency, req));
    };
  const off: express.RequestHandler = (_req, res, next) => {
    if (deps.enabled) {
      next();
      return;
    }
    sendError(
      res,
      503,
      "web_chat_not_configured",
      "Web chat is off: this server has no Bot Framework credentials (MICROSOFT_APP_ID).",
    );
  };
  router.get("/chat/:agencyId", off, page(renderChatPage));
  // English unless ?lang=es; the page links to the other language.
  router.get("/chat/:agencyId/rates", page((agency, req) => renderRatesPage(agency, req.query.lang === "es" ? "es" : "en")));
  router.post("/chat/:agencyId/token", off, async (req, res) => {
    const agency = deps.getAgency(String(req.params.agencyId));
    if (!agency) {
      sendError(res, 404, "unknown_agency", "There is no such agency.");
      return;
    }
    const secret = deps.settings.directLineSecret;
    if (!secret && deps.sandbox) {
      // The built-in Direct Line mints its own token when the conversation starts. A path, not an
      // address built from the Host header: the page resolves it against its own origin.
      res.json({
        domain: `/sandbox/directline/${encodeURIComponent(agency.id)}/v3/directline`,
        token: "sandbox",
      });
      return;
    }
    if (!secret) {
      sendError(
        res,
        503,
        "web_chat_not_configured",
        "Web chat is not available: the server has no DIRECT_LINE_SECRET.",
      );
      return;
    }
    try {
      const response = await fetch(DIRECT_LINE_TOKENS, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}` },
      });
      if (!response.ok) throw new Error(`Direct Line answered ${response.status}`);
      const { token } = (await response.json()) as { token: string };
      res.json({ domain: null, token });
    } catch (error) {
      deps.logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        "Direct Line token failed",
      );
      sendError(res, 503, "unavailable", "Chat is temporarily unavailable; please try again shortly.");
    }
  });
  return router;
}
