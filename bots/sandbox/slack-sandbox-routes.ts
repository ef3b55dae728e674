import { INVOICE_ACTIONS } from "../slack/render-invoice.ts";
import express, { type Router } from "express";
import { z } from "zod";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { ACTIONS, HAND_BACK_INPUT, MODALS } from "../slack/slack-views.ts";
import type { SlackSettings } from "../slack/slack-settings.ts";
import { makeButtonClick, makeThreadReply, postSignedToSlackEvents } from "./slack-requests.ts";

const ClickSchema = z.object({
  // Invoice Issue is a plain click; Void and Mark paid open modals, which the sandbox has no form for.
  action: z.enum([...Object.values(ACTIONS), INVOICE_ACTIONS.issue] as string[] as [string, ...string[]]),
  value: z.string().min(1),
  user: z.string().regex(/^[UW][A-Z0-9]+$/, "must be a Slack user id such as U0TUCSSUP1"),
  channel: z.string().optional(),
});
const ReplySchema = z.object({
  threadTs: z.string().min(1),
  user: z.string().regex(/^[UW][A-Z0-9]+$/, "must be a Slack user id such as U0TUCSDSP1"),
  text: z.string().min(1).max(4000),
});

const HandBackSchema = z.object({
  conversationId: z.string().min(1),
  user: z.string().regex(/^[UW][A-Z0-9]+$/, "must be a Slack user id such as U0TUCSDSP1"),
  note: z.string().max(500).optional(),
  date: z.string().max(100).optional(),
  times: z.string().max(100).optional(),
  address: z.string().max(100).optional(),
  officers: z.string().max(100).optional(),
});

/** The hand-back modal submitted, as the form body Slack posts (a view_submission). */
function makeHandBackSubmission(input: z.infer<typeof HandBackSchema>): string {
  const values = Object.fromEntries(
    (Object.keys(HAND_BACK_INPUT) as (keyof typeof HAND_BACK_INPUT)[]).map((field) => {
      const id = HAND_BACK_INPUT[field];
      return [id, { [id]: { type: "plain_text_input", value: input[field] ?? null } }];
    }),
  );
  const payload = {
    type: "view_submission",
    team: { id: "T0SANDBOX", domain: "sandbox" },
    user: { id: input.user, username: input.user, team_id: "T0SANDBOX" },
    api_app_id: "A0SANDBOX",
    trigger_id: `sandbox-${Date.now()}`,
    view: {
      id: `V0SANDBOX${Date.now()}`,
      type: "modal",
      callback_id: MODALS.handBack,
      private_metadata: JSON.stringify({ conversationId: input.conversationId, channel: null }),
      state: { values },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

const issues = (error: z.ZodError) => ({
  errors: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
});

/**
 * Sandbox-only stand-ins for a person in Slack: a button click, a thread reply or the hand-back
 * modal submitted, signed with the signing secret and delivered to /slack/events exactly as Slack would send it.
 */
export function createSlackSandboxRoutes(deps: {
  settings: SlackSettings;
  prisma: PrismaClient;
  getAgency(id: string): AgencyConfig | undefined;
  localBaseUrl(): string;
}): Router {
  const router = express.Router();
  const deliver = async (body: string, contentType: "application/x-www-form-urlencoded" | "application/json") => {
    const response = await postSignedToSlackEvents(deps.localBaseUrl(), deps.settings.signingSecret, body, contentType);
    return { status: response.status, body: await response.text() };
  };

  router.post("/sandbox/slack/click", express.json({ limit: "16kb" }), async (req, res) => {
    const parsed = ClickSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json(issues(parsed.error));
      return;
    }
    const { action, value, user } = parsed.data;
    const click = makeButtonClick({ actionId: action, value, userId: user, channelId: parsed.data.channel ?? "C0SANDBOX" });
    res.json(await deliver(click, "application/x-www-form-urlencoded"));
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
    const reply = makeThreadReply({
      channel: agency.slack.dispatchChannel,
      userId: parsed.data.user,
      threadTs: parsed.data.threadTs,
      text: parsed.data.text,
    });
    res.json(await deliver(reply, "application/json"));
  });
  // The hand-back modal submitted: a note to the customer and draft corrections, all optional.
  router.post("/sandbox/slack/hand-back", express.json({ limit: "16kb" }), async (req, res) => {
    const parsed = HandBackSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json(issues(parsed.error));
      return;
    }
    res.json(await deliver(makeHandBackSubmission(parsed.data), "application/x-www-form-urlencoded"));
  });
  return router;
}
