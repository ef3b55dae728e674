import { createHmac, randomBytes } from "node:crypto";
import twilio from "twilio";
import type { OutboxEntry } from "../bots/sandbox/outbox.ts";

/**
 * Talks to a running DetailDesk only through its public HTTP endpoints, the way Twilio and Slack
 * would: every webhook carries a real signature made with the sandbox secrets.
 */
export class DemoClient {
  constructor(
    private readonly base: string,
    private readonly publicBase: string,
    private readonly twilioAuthToken: string,
    private readonly slackSigningSecret: string,
  ) {}

  async outbox(): Promise<OutboxEntry[]> {
    return (await (await fetch(`${this.base}/sandbox/outbox`)).json()) as OutboxEntry[];
  }

  /** An inbound SMS as Twilio posts it; retried like Twilio on a non-2xx answer. */
  async sms(from: string, to: string, body: string): Promise<number> {
    const params = { MessageSid: `SM${randomBytes(16).toString("hex")}`, From: from, To: to, Body: body, NumMedia: "0" };
    for (let attempt = 1; ; attempt += 1) {
      const status = (await this.twilioPost("/twilio/sms", params)).status;
      if (status < 300 || attempt === 3) return status;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }

  /** A voice webhook (call start or a gather result); returns the TwiML. */
  async voice(pathAndQuery: string, params: Record<string, string>): Promise<string> {
    const response = await this.twilioPost(pathAndQuery, params);
    return response.text();
  }

  /** A button click in Slack (block_actions), signed with the signing secret. */
  async slackClick(input: { actionId: string; value: string; userId: string; channelId: string }): Promise<number> {
    const payload = {
      type: "block_actions",
      team: { id: "T0SANDBOX", domain: "sandbox" },
      user: { id: input.userId, username: input.userId, team_id: "T0SANDBOX" },
      api_app_id: "A0SANDBOX",
      trigger_id: `demo-${randomBytes(6).toString("hex")}`,
      channel: { id: input.channelId, name: "demo" },
      container: { type: "message", channel_id: input.channelId, message_ts: "0" },
      actions: [{ type: "button", action_id: input.actionId, block_id: "demo", value: input.value, action_ts: `${Date.now() / 1000}` }],
    };
    return this.slackPost(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
  }

  /** A person's reply in a Slack thread (Events API message event), signed. */
  async slackThreadReply(input: { channel: string; userId: string; threadTs: string; text: string }): Promise<number> {
    const event = {
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
    };
    return this.slackPost(JSON.stringify(event), "application/json");
  }

  private twilioPost(pathAndQuery: string, params: Record<string, string>): Promise<Response> {
    const signature = twilio.getExpectedTwilioSignature(this.twilioAuthToken, `${this.publicBase}${pathAndQuery}`, params);
    return fetch(`${this.base}${pathAndQuery}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body: new URLSearchParams(params),
    });
  }

  private async slackPost(body: string, contentType: string): Promise<number> {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac("sha256", this.slackSigningSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    const response = await fetch(`${this.base}/slack/events`, {
      method: "POST",
      headers: { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature },
      body,
    });
    return response.status;
  }
}
