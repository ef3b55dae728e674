import { App, ExpressReceiver } from "@slack/bolt";
import express, { type Router } from "express";
import { createBoltLogger } from "./bolt-logger.ts";
import { slackClientOptions } from "./create-slack-client.ts";
import { registerAppHome } from "./listeners/app-home.ts";
import { registerApprovalActions } from "./listeners/approval-actions.ts";
import { registerAskCustomer } from "./listeners/ask-customer.ts";
import { registerDetailCommand } from "./listeners/detail-command.ts";
import { registerDispatchActions } from "./listeners/dispatch-actions.ts";
import { registerDispatcherReplies } from "./listeners/dispatcher-replies.ts";
import type { SlackListenerDeps } from "./listeners/listener-deps.ts";
import type { SlackSettings } from "./slack-settings.ts";
import { requireSlackSignature } from "./verify-slack-signature.ts";

export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * The staff helpdesk: a Bolt app on our own Express server at POST /slack/events (interactions,
 * slash commands and events share it). Signatures are checked first (403 otherwise); listeners
 * acknowledge at once and queue the slow work.
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
    processBeforeResponse: false,
    logger,
  });
  const app = new App({
    token: settings.token,
    receiver,
    logger,
    clientOptions: slackClientOptions(settings),
    // Bolt would check the token with auth.test in this constructor, and a Slack it cannot reach
    // at that moment (or the sandbox stand-in before the port listens) would be an unhandled
    // rejection that ends the process. Checked on the first Slack request instead, where a
    // failure is that request's error.
    tokenVerificationEnabled: false,
  });
  app.error(async (error) => {
    deps.logger.error({ err: error.message, code: (error as { code?: string }).code }, "Slack listener failed");
  });
  registerApprovalActions(app, deps);
  registerAskCustomer(app, deps);
  registerDispatchActions(app, deps);
  registerDispatcherReplies(app, deps);
  registerDetailCommand(app, deps);
  registerAppHome(app, deps);

  const router = express.Router();
  router.post(SLACK_EVENTS_PATH, ...requireSlackSignature(settings.signingSecret));
  router.use(boltRouter);
  return router;
}
