import { App, ExpressReceiver } from "@slack/bolt";
import express, { type Router } from "express";
import { createBoltLogger } from "./bolt-logger.ts";
import { createBotIdentityCache } from "./bot-identity.ts";
import { slackClientOptions } from "./create-slack-client.ts";
import { registerAppHome } from "./listeners/app-home.ts";
import { registerApprovalActions } from "./listeners/approval-actions.ts";
import { registerAskCustomer } from "./listeners/ask-customer.ts";
import { registerAssignOfficer } from "./listeners/assign-officer.ts";
import { registerDetailCommand } from "./listeners/detail-command.ts";
import { registerEditRequest } from "./listeners/edit-request.ts";
import { registerInvoiceActions } from "./listeners/invoice-actions.ts";
import { registerDispatchActions } from "./listeners/dispatch-actions.ts";
import { registerDispatcherReplies } from "./listeners/dispatcher-replies.ts";
import type { SlackListenerDeps } from "./listeners/listener-deps.ts";
import { registerSupervisorControls } from "./listeners/supervisor-controls.ts";
import { registerRosterActions } from "./listeners/roster-actions.ts";
import type { SlackSettings } from "./slack-settings.ts";
import { requireSlackSignature } from "./verify-slack-signature.ts";

export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * The staff helpdesk: a Bolt app on our own Express server at POST /slack/events (interactions,
 * slash commands and events share it). Signatures are checked first (403 otherwise); no request
 * waits on a call to Slack before its listener runs; listeners check the actor's role
 * (staff-authority.ts), acknowledge at once and queue the slow work.
 */
export function createSlackRoutes(settings: SlackSettings, deps: SlackListenerDeps): Router {
  const boltRouter = express.Router();
  const logger = createBoltLogger(deps.logger);
  const receiver = new ExpressReceiver({
    signingSecret: settings.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    router: boltRouter,
    // requireSlackSignature (mounted first) has checked it, answering 403 rather than Bolt's 401.
    signatureVerification: false,
    // Slack gets its answer once the listener has done the work (an approval recorded, a reply
    // queued), so a failure answers 500 and Slack shows or retries it, never an empty 200 with
    // nothing done. Listeners never wait on Slack's Web API for their answer (tellUser).
    processBeforeResponse: true,
    logger,
  });
  const identity = createBotIdentityCache({
    token: settings.token,
    lookUp: async () => {
      const result = await app.client.auth.test({ token: settings.token });
      if (!result.user_id || !result.bot_id) throw new Error("auth.test named no bot user");
      return { botUserId: result.user_id, botId: result.bot_id };
    },
    onLookUpFailed: (error) =>
      deps.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        "Slack auth.test failed; handling requests with the configured token, will look up the bot's ids again",
      ),
  });
  const app = new App({
    receiver,
    logger,
    clientOptions: slackClientOptions(settings),
    // Not `token`: with it Bolt calls auth.test on every request and drops the request (an
    // empty 200) when Slack is unreachable. See bot-identity.ts.
    authorize: identity.authorize,
  });
  // The sandbox stand-in only answers once this process listens; its first request looks up.
  if (settings.mode === "live") identity.warmUp();
  app.error(async (error) => {
    deps.logger.error({ err: error.message, code: (error as { code?: string }).code }, "Slack listener failed");
    // Rethrown, the receiver answers 500 instead of the acknowledgement the listener stored.
    throw error;
  });
  registerApprovalActions(app, deps);
  registerAskCustomer(app, deps);
  registerSupervisorControls(app, deps);
  registerAssignOfficer(app, deps);
  registerEditRequest(app, deps);
  registerInvoiceActions(app, deps);
  registerDispatchActions(app, deps);
  registerDispatcherReplies(app, deps);
  registerRosterActions(app, deps);
  registerDetailCommand(app, deps);
  registerAppHome(app, deps);

  const router = express.Router();
  router.post(SLACK_EVENTS_PATH, ...requireSlackSignature(settings.signingSecret));
  router.use(boltRouter);
  return router;
}
