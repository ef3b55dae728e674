import express, { type Request, type Response, type Router } from "express";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import { CODE_DIGITS } from "../../core/intake/index.ts";
import type { InboundMessage } from "../../core/messages/index.ts";
import type { Logger } from "../../config/logger.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { CallerVerificationStore } from "../../prisma/repositories/caller-verification-store.ts";
import { handleCustomerTurn, type TurnDeps } from "../handle-turn.ts";
import { CallerVerification } from "./caller-verification.ts";
import { createCodeEntryRoute } from "./code-entry-route.ts";
import {
  renderCodeGather,
  renderDial,
  renderGather,
  renderGoodbye,
  renderHangup,
  renderVoicemail,
} from "./render-voice.ts";
import { getVerificationTexts } from "./verification-texts.ts";
import { CONNECTING, MAX_SILENCES, SILENCE_PROMPT } from "./voice-prompts.ts";
import type { TwilioSettings } from "./twilio-settings.ts";
import { requireTwilioSignature } from "./verify-signature.ts";
import { WEBHOOK_DEADLINE_MS, withDeadline } from "./with-deadline.ts";
import { sendError } from "../http-errors.ts";
import { readCallWebhook } from "./read-call.ts";

export interface VoiceRouteDeps {
  settings: TwilioSettings;
  turn: TurnDeps;
  prisma: PrismaClient;
  logger: Logger;
  agencyByNumber(phone: string): AgencyConfig | undefined;
  /** Shows a voicemail (and later its transcription) to dispatchers in the conversation's thread. */
  voicemailToDispatch(input: { conversationId: string; key: string; messageId: string | null; transcription: string | null }): Promise<void>;
  /**
   * Queues delivery of a conversation's recorded SMS (the send-sms job): carries the one-time codes
   * that prove a caller's number. Without it no code can be sent, and bookings stay unread by voice.
   */
  deliverSms?(conversationId: string, key: string): Promise<void>;
}

/** Keypad shortcuts: 0 reaches a person, 1 and 2 answer yes and no; other digits are numbers. */
const KEYPAD: Record<string, string> = { "0": "agent", "1": "yes", "2": "no" };

/** The 24/7 voice line: the same intake as SMS, by speech and keypad, with a dispatcher fallback. */
export function createVoiceRoutes(deps: VoiceRouteDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "64kb" });
  const signed = requireTwilioSignature(deps.settings);
  const url = (path: string) => `${deps.settings.publicBaseUrl()}${path}`;
  const verification = new CallerVerification({
    store: new CallerVerificationStore(deps.prisma),
    deliverSms: deps.deliverSms,
    logger: deps.logger,
  });

  async function runTurn(req: Request, res: Response, text: string, turn: number): Promise<void> {
    const call = readCallWebhook(req, res, deps.agencyByNumber);
    if (!call) return;
    const { agency, body } = call;
    const message: InboundMessage = {
      channel: "voice",
      agencyId: agency.id,
      from: call.from,
      to: body.To ?? "",
      text,
      providerId: `${call.callSid}-${turn}`,
      media: [],
      receivedAt: new Date(),
    };
    try {
      // Caller ID is not proof: only a code entered in this very call lets it hear or cancel bookings.
      const result = await withDeadline(
        verification
          .isProven(call.callSid, call.from)
          .then((callerVerified) => handleCustomerTurn(message, deps.turn, { callerVerified })),
        WEBHOOK_DEADLINE_MS,
      );
      const next = turn + 1;
      const gatherUrl = url(`/twilio/voice/gather?turn=${next}`);
      const silenceUrl = url(`/twilio/voice/silence?turn=${next}&silences=1`);
      const noAnswerUrl = url("/twilio/voice/no-answer");
      res.type("text/xml");
      if (result.kind === "held_by_dispatcher") {
        res.send(renderDial([CONNECTING.en], "en", agency.voice.dispatcherPhone, noAnswerUrl));
        return;
      }
      if (result.kind !== "replied") {
        res.send(renderGather([], "en", gatherUrl, silenceUrl, false));
        return;
      }
      const language = result.state.language ?? "en";
      const texts = result.replies.map((r) => r.text);
      if (result.state.awaitingProof) {
        const sent = await withDeadline(
          verification.sendCode({
            agency,
            conversationId: result.conversationId,
            phone: call.from,
            callSid: call.callSid,
            language,
            now: message.receivedAt,
          }),
          WEBHOOK_DEADLINE_MS,
        );
        const v = getVerificationTexts(language);
        if (sent.kind === "sent") {
          // Keys only from here: the code goes to /verify, never through a turn or a transcript.
          const verifyUrl = url(`/twilio/voice/verify?turn=${next}`);
          res.send(renderCodeGather([...texts, v.codeSent], language, verifyUrl, `${verifyUrl}&silences=1`, CODE_DIGITS));
          return;
        }
        const refusal = { locked_out: v.locked, too_many: v.tooMany, opted_out: v.optedOut, unavailable: v.unavailable };
        res.send(renderGather([...texts, refusal[sent.reason]], language, gatherUrl, silenceUrl, false));
        return;
      }
      // Only the turn that submitted ends the call: a caller phoning back about that request is heard.
      const justSubmitted = result.effects.some((effect) => effect.kind === "submit_request");
      switch (result.state.phase) {
        case "escalated":
          res.send(renderDial(texts, language, agency.voice.dispatcherPhone, noAnswerUrl));
          return;
        case "submitted":
          if (justSubmitted) {
            res.send(renderGoodbye(texts, language));
            return;
          }
          res.send(renderGather(texts, language, gatherUrl, silenceUrl, turn === 0));
          return;
        case "refused":
          res.send(renderGoodbye(texts, language));
          return;
        default:
          res.send(renderGather(texts, language, gatherUrl, silenceUrl, turn === 0));
      }
    } catch (error) {
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "voice turn failed");
      sendError(res, 503, "unavailable", "Temporarily unavailable; please retry.");
    }
  }

  router.post("/twilio/voice", form, signed, (req, res) => runTurn(req, res, "", 0));

  router.post("/twilio/voice/gather", form, signed, (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const digits = (body.Digits ?? "").trim();
    const text = digits ? (KEYPAD[digits] ?? digits) : (body.SpeechResult ?? "").trim();
    return runTurn(req, res, text, Number(req.query.turn ?? 1) || 1);
  });

  router.post(
    "/twilio/voice/verify",
    form,
    signed,
    createCodeEntryRoute({ verification, turn: deps.turn, logger: deps.logger, agencyByNumber: deps.agencyByNumber, url }),
  );

  router.post("/twilio/voice/silence", form, signed, (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const agency = deps.agencyByNumber(body.To ?? "");
    const turn = Number(req.query.turn ?? 1) || 1;
    const silences = Number(req.query.silences ?? 1) || 1;
    res.type("text/xml");
    if (silences > MAX_SILENCES) {
      res.send(renderDial([CONNECTING.en], "en", agency?.voice.dispatcherPhone ?? null, url("/twilio/voice/no-answer")));
      return;
    }
    res.send(
      renderGather(
        [SILENCE_PROMPT.en],
        "en",
        url(`/twilio/voice/gather?turn=${turn}`),
        url(`/twilio/voice/silence?turn=${turn}&silences=${silences + 1}`),
        true,
      ),
    );
  });

  router.post("/twilio/voice/no-answer", form, signed, (req, res) => {
    const status = (req.body as Record<string, string | undefined>).DialCallStatus;
    res.type("text/xml");
    if (status === "completed" || status === "answered") {
      res.send(renderHangup());
      return;
    }
    res.send(renderVoicemail("en", url("/twilio/voice/recording"), url("/twilio/voice/transcription")));
  });

  router.post("/twilio/voice/recording", form, signed, async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const agency = deps.agencyByNumber(body.To ?? "");
    if (agency && body.From && body.RecordingSid && body.RecordingUrl) {
      try {
        const conversation = await deps.turn.store.openConversation({
          agencyId: agency.id,
          channel: "voice",
          participant: body.From,
        });
        const recorded = await deps.turn.store.recordInbound(conversation.id, {
          channel: "voice",
          agencyId: agency.id,
          from: body.From,
          to: body.To ?? "",
          text: "[voicemail]",
          providerId: body.RecordingSid,
          media: [{ url: body.RecordingUrl, contentType: "audio/wav" }],
          receivedAt: new Date(),
        });
        if (!recorded.duplicate) {
          await deps.voicemailToDispatch({
            conversationId: conversation.id,
            key: body.RecordingSid,
            messageId: recorded.messageId,
            transcription: null,
          });
        }
      } catch (error) {
        deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "voicemail not stored");
        res.status(503).end();
        return;
      }
    }
    res.type("text/xml").send(renderHangup());
  });

  router.post("/twilio/voice/transcription", form, signed, async (req, res) => {
    const { RecordingSid: sid, TranscriptionText: text } = req.body as Record<string, string | undefined>;
    if (sid && text) {
      try {
        const message = await deps.prisma.message.findUnique({ where: { providerId: sid } });
        if (message) {
          await deps.prisma.message.update({ where: { id: message.id }, data: { body: `[voicemail] ${text}` } });
          await deps.voicemailToDispatch({
            conversationId: message.conversationId,
            key: `transcription-${sid}`,
            messageId: null,
            transcription: text,
          });
        }
      } catch (error) {
        deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "transcription not stored");
        res.status(503).end();
        return;
      }
    }
    res.status(204).end();
  });
  return router;
}
