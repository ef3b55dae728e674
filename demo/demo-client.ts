import { randomBytes } from "node:crypto";
import twilio from "twilio";
import type { OutboxEntry } from "../bots/sandbox/outbox.ts";
import { makeButtonClick, makeSlashCommand, makeThreadReply, postSignedToSlackEvents } from "../bots/sandbox/slack-requests.ts";

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
    const body = makeButtonClick(input);
    return (await postSignedToSlackEvents(this.base, this.slackSigningSecret, body, "application/x-www-form-urlencoded")).status;
  }

  /** A `/detail …` slash command, signed; returns the ephemeral answer's text. */
  async slashCommand(input: { text: string; userId: string; channelId: string }): Promise<string> {
    const response = await postSignedToSlackEvents(this.base, this.slackSigningSecret, makeSlashCommand(input), "application/x-www-form-urlencoded");
    const answer = (await response.json().catch(() => ({}))) as { text?: string };
    return answer.text ?? `HTTP ${response.status}`;
  }

  /** A person's reply in a Slack thread (Events API message event), signed. */
  async slackThreadReply(input: { channel: string; userId: string; threadTs: string; text: string }): Promise<number> {
    const body = makeThreadReply(input);
    return (await postSignedToSlackEvents(this.base, this.slackSigningSecret, body, "application/json")).status;
  }

  private twilioPost(pathAndQuery: string, params: Record<string, string>): Promise<Response> {
    const signature = twilio.getExpectedTwilioSignature(this.twilioAuthToken, `${this.publicBase}${pathAndQuery}`, params);
    return fetch(`${this.base}${pathAndQuery}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body: new URLSearchParams(params),
    });
  }

}
