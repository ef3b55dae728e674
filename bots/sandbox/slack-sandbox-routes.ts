import { createHmac, randomBytes } from "node:crypto";
import express, { type Router } from "express";
import { z } from "zod";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { ACTIONS } from "../slack/slack-views.ts";
import type { SlackSettings } from "../slack/slack-settings.ts";

const ClickSchema = z.object({
  action: z.enum(Object.values(ACTIONS) as [string, ...string[]]),
  value: z.string().min(1),
  user: z.string().regex(/^[UW][A-Z0-9]+$/, "must be a Slack user id such as U0TUCSSUP1"),
  channel: z.string().optional(),
});
const ReplySchema = z.object({
  threadTs: z.string().min(1),
  user: z.string().regex(/^[UW][A-Z0-9]+$/, "must be a Slack user id such as U0DISPATCH1"),
  text: z.string().min(1).max(4000),
});

const issues = (error: z.ZodError) => ({
  errors: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
});

/**
 * Sandbox-only stand-ins for a person in Slack: a button click or a thread reply, signed with the
 * signing secret and delivered to /slack/events exactly as Slack would send it.
 */
export function createSlackSandboxRoutes(deps: {
  settings: SlackSettings;
  prisma: PrismaClient;
  getAgency(id: string): AgencyConfig | undefined;
  localBaseUrl(): string;
}): Router {
  const router = express.Router();
  const deliver = async (body: string, contentType: string) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac("sha256", deps.settings.signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    const response = await fetch(`${deps.localBaseUrl()}/slack/events`, {
      method: "POST",
      headers: { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature },
      body,
    });
    return { status: response.status, body: await response.text() };
  };

  router.post("/sandbox/slack/click", express.json({ limit: "16kb" }), async (req, res) => {
    const parsed = ClickSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json(issues(parsed.error));
      return;
    }
    const { action, value, user } = parsed.data;
    const channel = parsed.data.channel ?? "C0SANDBOX";
    const payload = {
      type: "block_actions",
      team: { id: "T0SANDBOX", domain: "sandbox" },
      user: { id: user, username: user, team_id: "T0SANDBOX" },
      api_app_id: "A0SANDBOX",
      trigger_id: `sandbox-${randomBytes(6).toString("hex")}`,
      channel: { id: channel, name: "sandbox" },
      container: { type: "message", channel_id: channel, message_ts: "0" },
      actions: [{ type: "button", action_id: action, block_id: "sandbox", value, action_ts: String(Date.now() / 1000) }],
    };
    res.json(await deliver(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded"));
  });

  router.post("/sandbox/slack/reply", express.json({ limit: "16kb" }), async (req, res) => {
    const parsed = ReplySchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json(issues(parsed.error));
      return;
    }
    const conversation = await deps.prisma.conversation.findFirst({ where: { slackThreadTs: parsed.data.threadTs } });
    const agency = conversation ? deps.getAgency(conversation.agencyId) : undefined;
    if (!agency) {
      res.status(404).json({ errors: [{ path: "threadTs", message: "no dispatcher thread has this ts" }] });
      return;
    }
    const event = {
      type: "event_callback",
      team_id: "T0SANDBOX",
      api_app_id: "A0SANDBOX",
      event_id: `Ev${randomBytes(6).toString("hex")}`,
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: "message",
        channel: agency.slack.dispatchChannel,
        user: parsed.data.user,
        text: parsed.data.text,
        ts: `${(Date.now() / 1000).toFixed(6)}`,
        thread_ts: parsed.data.threadTs,
      },
    };
    res.json(await deliver(JSON.stringify(event), "application/json"));
  });
  return router;
}
