import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { Logger } from "../../config/logger.ts";
import type { WebChatSettings } from "./webchat-settings.ts";

/** botbuilder's CloudAdapter: JWT-authenticated with an app id, anonymous (local only) without. */
export function createWebChatAdapter(settings: WebChatSettings, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    settings.appId
      ? { MicrosoftAppId: settings.appId, MicrosoftAppPassword: settings.appPassword ?? "", MicrosoftAppType: "MultiTenant" }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "web chat turn failed");
    await context.sendActivity("Sorry, something went wrong on our side. Please send that again.").catch(() => undefined);
  };
  return adapter;
}
