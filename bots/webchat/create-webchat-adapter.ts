import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from "botbuilder";
import type { Logger } from "../../config/logger.ts";
import type { WebChatSettings } from "./webchat-settings.ts";

/**
 * botbuilder's CloudAdapter with its request handling exposed: `process()` prints every rejected
 * request's stack to the console and answers with the raw error message, so our route
 * authenticates and runs the turn itself and answers (and logs, redacted) on its own terms.
 */
export class WebChatAdapter extends CloudAdapter {
  /** Authenticates the `Authorization` header (anonymous without an app id) and runs the turn. */
  async handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** Whether botbuilder refused the caller's credentials (its AuthenticationError carries 401/403). */
export function isAuthenticationFailure(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return status === 401 || status === 403;
}

/** JWT-authenticated with an app id; anonymous without (the deployment allows that on loopback only). */
export function createWebChatAdapter(settings: WebChatSettings, logger: Logger): WebChatAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    settings.appId
      ? { MicrosoftAppId: settings.appId, MicrosoftAppPassword: settings.appPassword ?? "", MicrosoftAppType: "MultiTenant" }
      : {},
  );
  const adapter = new WebChatAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error }, "web chat turn failed");
    await context.sendActivity("Sorry, something went wrong on our side. Please send that again.").catch(() => undefined);
  };
  return adapter;
}
