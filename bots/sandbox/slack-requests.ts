import { createHmac, randomBytes } from "node:crypto";

/**
 * Requests as Slack sends them to /slack/events, for the sandbox's stand-in of a person in Slack
 * (and the demo): a button click, a thread reply, signed with the app's signing secret.
 */

/** A block_actions click of one button, as the form body Slack posts. */
export function makeButtonClick(input: { actionId: string; value: string; userId: string; channelId: string }): string {
  const payload = {
    type: "block_actions",
    team: { id: "T0SANDBOX", domain: "sandbox" },
    user: { id: input.userId, username: input.userId, team_id: "T0SANDBOX" },
    api_app_id: "A0SANDBOX",
    trigger_id: `sandbox-${randomBytes(6).toString("hex")}`,
    channel: { id: input.channelId, name: "sandbox" },
    container: { type: "message", channel_id: input.channelId, message_ts: "0" },
    actions: [
      { type: "button", action_id: input.actionId, block_id: "sandbox", value: input.value, action_ts: String(Date.now() / 1000) },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A person's reply in a thread, as the Events API's JSON body. */
export function makeThreadReply(input: { channel: string; userId: string; threadTs: string; text: string }): string {
  return JSON.stringify({
    type: "event_callback",
    team_id: "T0SANDBOX",
    api_app_id: "A0SANDBOX",
    event_id: `Ev${randomBytes(6).toString("hex")}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: "message",
      channel: input.channel,
      user: input.userId,
      text: input.text,
      ts: (Date.now() / 1000).toFixed(6),
      thread_ts: input.threadTs,
    },
  });
}

/** POSTs a body to `<base>/slack/events` with Slack's v0 signature over it. */
export async function postSignedToSlackEvents(
  base: string,
  signingSecret: string,
  body: string,
  contentType: "application/x-www-form-urlencoded" | "application/json",
): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return fetch(`${base}/slack/events`, {
    method: "POST",
    headers: { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature },
    body,
  });
}

/** A `/detail` slash command as the form body Slack posts. */
export function makeSlashCommand(input: { text: string; userId: string; channelId: string }): string {
  return new URLSearchParams({
    team_id: "T0SANDBOX",
    channel_id: input.channelId,
    user_id: input.userId,
    command: "/detail",
    text: input.text,
    response_url: "http://127.0.0.1:9/unused",
    trigger_id: `sandbox-${randomBytes(6).toString("hex")}`,
  }).toString();
}
