import { createHmac } from "node:crypto";

export const TEST_SLACK_SIGNING_SECRET = "test-slack-signing-secret";

/** Slack's v0 signature: HMAC-SHA256 over "v0:<ts>:<body>" with the app's signing secret. */
export function signSlackBody(body: string, timestamp: number, secret = TEST_SLACK_SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** POSTs a body to /slack/events signed as Slack would (or with the given timestamp/secret). */
export async function postSignedSlack(
  base: string,
  body: string,
  contentType: string,
  options: { timestamp?: number; secret?: string; unsigned?: boolean } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "content-type": contentType };
  if (!options.unsigned) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = signSlackBody(body, timestamp, options.secret);
  }
  return fetch(`${base}/slack/events`, { method: "POST", headers, body });
}

/** A button click (block_actions) from a user in a channel. */
export function makeBlockAction(input: {
  actionId: string;
  value: string;
  userId: string;
  channelId?: string;
  messageTs?: string;
  triggerId?: string;
}): string {
  const payload = {
    type: "block_actions",
    team: { id: "TFAKE", domain: "fake" },
    user: { id: input.userId, username: input.userId, team_id: "TFAKE" },
    api_app_id: "AFAKE",
    token: "legacy",
    trigger_id: input.triggerId ?? `trigger-${Date.now()}`,
    channel: { id: input.channelId ?? "C0TUCSAPPR", name: "approvals" },
    container: { type: "message", message_ts: input.messageTs ?? "1700000000.000001", channel_id: input.channelId ?? "C0TUCSAPPR" },
    message: { ts: input.messageTs ?? "1700000000.000001", text: "card" },
    response_url: "http://127.0.0.1:9/unused",
    actions: [
      { type: "button", action_id: input.actionId, block_id: "actions", value: input.value, action_ts: `${Date.now() / 1000}` },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal submission with the single text input filled in. */
export function makeViewSubmission(input: {
  callbackId: string;
  privateMetadata: string;
  userId: string;
  text: string;
  viewId?: string;
}): string {
  const { text, ...view } = input;
  return makeModalSubmission({ ...view, values: { text_block: { text_input: { type: "plain_text_input", value: text } } } });
}

/** A modal submission with its state as Slack sends it: block id → action id → element value. */
export function makeModalSubmission(input: {
  callbackId: string;
  privateMetadata: string;
  userId: string;
  values: Record<string, Record<string, object>>;
  viewId?: string;
}): string {
  const payload = {
    type: "view_submission",
    team: { id: "TFAKE", domain: "fake" },
    user: { id: input.userId, username: input.userId, team_id: "TFAKE" },
    api_app_id: "AFAKE",
    token: "legacy",
    trigger_id: `trigger-${Date.now()}`,
    view: {
      id: input.viewId ?? `V${Date.now()}`,
      type: "modal",
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata,
      state: { values: input.values },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API message event (a thread reply in a channel). */
export function makeThreadReply(input: { channel: string; user: string; text: string; threadTs: string; ts?: string }): string {
  return JSON.stringify({
    token: "legacy",
    team_id: "TFAKE",
    api_app_id: "AFAKE",
    type: "event_callback",
    event_id: `Ev${Date.now()}${Math.random().toString(36).slice(2, 6)}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: "message",
      channel: input.channel,
      user: input.user,
      text: input.text,
      ts: input.ts ?? `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      thread_ts: input.threadTs,
      channel_type: "channel",
    },
  });
}

/** A slash command as Slack posts it. */
export function makeSlashCommand(input: { text: string; userId: string; channelId?: string }): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: "TFAKE",
    channel_id: input.channelId ?? "C0TUCSAPPR",
    user_id: input.userId,
    command: "/detail",
    text: input.text,
    response_url: "http://127.0.0.1:9/unused",
    trigger_id: `trigger-${Date.now()}`,
  }).toString();
}

type ActionsBlock = { type: string; elements?: { action_id?: string; value?: string }[] };

/** The buttons of a Slack message's actions blocks, in order. */
export function buttonsOf(blocks: unknown): { action_id?: string; value?: string }[] {
  return ((blocks as ActionsBlock[] | undefined) ?? []).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
}
