import { type Logger as SlackLogger, WebClient, type WebClientOptions } from "@slack/web-api";
import type { SlackSettings } from "./slack-settings.ts";

/** Where the client is built to call; each request is re-pointed at the settings' current address. */
const PLACEHOLDER_API_URL = "http://slack-api.invalid/api/";

/**
 * Options for Slack's real WebClient (also given to Bolt): requests follow `settings.apiUrl()`,
 * retries are few because the queue retries failed jobs itself.
 */
export function slackClientOptions(settings: SlackSettings, logger?: SlackLogger): WebClientOptions {
  return {
    ...(logger ? { logger } : {}),
    slackApiUrl: PLACEHOLDER_API_URL,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2_000 },
    timeout: 10_000,
    requestInterceptor: (config) => {
      if (config.url?.startsWith(PLACEHOLDER_API_URL)) {
        config.url = settings.apiUrl() + config.url.slice(PLACEHOLDER_API_URL.length);
      }
      return config;
    },
  };
}

export function createSlackClient(settings: SlackSettings, logger?: SlackLogger): WebClient {
  return new WebClient(settings.token, slackClientOptions(settings, logger));
}
