import express, { type Request, type Response, type Router } from "express";
import type { AgencyConfig, Language } from "../../core/agencies/index.ts";
import { CODE_DIGITS, type IntakeState, type Question } from "../../core/intake/index.ts";
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
import { chooseCallLanguage, isSpanishChoice } from "./choose-call-language.ts";
import { findReplayedTurn } from "./replayed-turn.ts";
import { chooseKeypad, readKeypad } from "./voice-keypad.ts";
import { CONNECTING, MAX_SILENCES, SAY_AGAIN, SILENCE_PROMPT } from "./voice-prompts.ts";
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
  const noAnswerUrl = url("/twilio/voice/no-answer");
  /** The caller's conversation (language, the question open): prompts outside a turn follow it. */
  const openCall = (agencyId: string, participant: string) =>
    deps.turn.store.openConversation({ agencyId, channel: "voice", participant });
  const gatherAt = (turn: number, texts: string[], language: Language, question: Question | null) =>
    renderGather({
      texts,
      language,
      actionUrl: url(`/twilio/voice/gather?turn=${turn}`),
      silenceUrl: url(`/twilio/voice/silence?turn=${turn}&silences=1`),
      keypad: chooseKeypad(question, turn === 1),
    });

  /** The TwiML answering a turn, given what the bot said and where the conversation now stands. */
  function answer(agency: AgencyConfig, turn: number, texts: string[], state: IntakeState, justSubmitted: boolean): string {
    const language = state.language ?? "en";
    switch (state.phase) {
      case "escalated":
        return renderDial(texts.length > 0 ? texts : [CONNECTING[language]], language, agency.voice.dispatcherPhone, noAnswerUrl);
      case "refused":
        // The refusal says what can still be done ("say start over … or agent"): keep listening.
        return gatherAt(turn + 1, texts, language, state.question);
      case "submitted":
        // Only the turn that submitted ends the call: a caller phoning back about that request is heard.
        if (justSubmitted) return renderGoodbye(texts, language);
        return gatherAt(turn + 1, texts, language, state.question);
      default:
        return gatherAt(turn + 1, texts, language, state.question);
    }
  }

  async function runTurn(req: Request, res: Response, text: string, turn: number, forcedLanguage?: Language): Promise<void> {
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
      res.type("text/xml");
      const replayed = await withDeadline(findReplayedTurn(deps.prisma, message.providerId as string), WEBHOOK_DEADLINE_MS);
      if (replayed) {
        const { state, holder } = await openCall(agency.id, call.from);
        const language = state.language ?? "en";
        if (holder === "dispatcher") {
          res.send(renderDial([CONNECTING[language]], language, agency.voice.dispatcherPhone, noAnswerUrl));
          return;
        }
        const texts = replayed.texts.length > 0 ? replayed.texts : [SAY_AGAIN[language]];
        if (state.awaitingProof) {
          // The code went out with the first answer; a replay asks for it again without another text.
          const verifyUrl = url(`/twilio/voice/verify?turn=${turn + 1}`);
          const v = getVerificationTexts(language);
          res.send(renderCodeGather([...texts, v.codeSent], language, verifyUrl, `${verifyUrl}&silences=1`, CODE_DIGITS));
          return;
        }
        res.send(answer(agency, turn, texts, state, replayed.submitted));
        return;
      }
      // Caller ID is not proof: only a code entered in this very call lets it hear or cancel bookings.
      const result = await withDeadline(
        verification
          .isProven(call.callSid, call.from)
          .then((callerVerified) => handleCustomerTurn(message, deps.turn, { callerVerified, forcedLanguage })),
        WEBHOOK_DEADLINE_MS,
      );
      if (result.kind === "unknown_agency") {
        sendError(res, 404, "unknown_number", "No agency uses this number.");
        return;
      }
      if (result.kind !== "replied") {
        const { state } = await openCall(agency.id, call.from);
        const language = state.language ?? "en";
        if (result.kind === "held_by_dispatcher") {
          res.send(renderDial([CONNECTING[language]], language, agency.voice.dispatcherPhone, noAnswerUrl));
          return;
        }
        // Its twin posted at the same moment carries the answer Twilio plays; this one is never silent.
        res.send(gatherAt(turn + 1, [SAY_AGAIN[language]], language, state.question));
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
          const verifyUrl = url(`/twilio/voice/verify?turn=${turn + 1}`);
          res.send(renderCodeGather([...texts, v.codeSent], language, verifyUrl, `${verifyUrl}&silences=1`, CODE_DIGITS));
          return;
        }
        const refusal = { locked_out: v.locked, too_many: v.tooMany, opted_out: v.optedOut, unavailable: v.unavailable };
        res.send(gatherAt(turn + 1, [...texts, refusal[sent.reason]], language, null));
        return;
      }
      const justSubmitted = result.effects.some((effect) => effect.kind === "submit_request");
      res.send(answer(agency, turn, texts, result.state, justSubmitted));
    } catch (error) {
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "voice turn failed");
      sendError(res, 503, "unavailable", "Temporarily unavailable; please retry.");
    }
  }

  router.post("/twilio/voice", form, signed, (req, res) => runTurn(req, res, "", 0));

  router.post("/twilio/voice/gather", form, signed, async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const turn = Number(req.query.turn ?? 1) || 1;
    const digits = (body.Digits ?? "").trim();
    const speech = (body.SpeechResult ?? "").trim();
    const agency = deps.agencyByNumber(body.To ?? "");
    if (!agency || !body.From) return runTurn(req, res, digits || speech, turn);
    try {
      // The first prompt offers Spanish: 2 (or saying so) switches the call before its first answer.
      if (turn === 1 && (digits === "2" || (!digits && isSpanishChoice(speech)))) {
        await chooseCallLanguage(deps.prisma, deps.turn.store, { agencyId: agency.id, participant: body.From }, "es");
        return runTurn(req, res, "español", turn, "es");
      }
      if (!digits) return runTurn(req, res, speech, turn);
      // Keys mean what the open question makes them mean: a count, a date, yes or no.
      const { state } = await openCall(agency.id, body.From);
      const text = readKeypad(chooseKeypad(state.question, turn === 1), digits, state.language ?? "en") ?? "";
      return runTurn(req, res, text, turn);
    } catch (error) {
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "voice keys not read");
      sendError(res, 503, "unavailable", "Temporarily unavailable; please retry.");
    }
  });

  router.post(
    "/twilio/voice/verify",
    form,
    signed,
    createCodeEntryRoute({ verification, turn: deps.turn, logger: deps.logger, agencyByNumber: deps.agencyByNumber, url }),
  );

  router.post("/twilio/voice/silence", form, signed, async (req, res) => {
    const call = readCallWebhook(req, res, deps.agencyByNumber);
    if (!call) return;
    const turn = Number(req.query.turn ?? 1) || 1;
    const silences = Number(req.query.silences ?? 1) || 1;
    try {
      // The re-prompt keeps the caller's language, recognizer and keypad of the open question.
      const { state } = await openCall(call.agency.id, call.from);
      const language = state.language ?? "en";
      res.type("text/xml");
      if (silences > MAX_SILENCES) {
        res.send(renderDial([CONNECTING[language]], language, call.agency.voice.dispatcherPhone, noAnswerUrl));
        return;
      }
      res.send(
        renderGather({
          texts: [SILENCE_PROMPT[language]],
          language,
          actionUrl: url(`/twilio/voice/gather?turn=${turn}`),
          silenceUrl: url(`/twilio/voice/silence?turn=${turn}&silences=${silences + 1}`),
          keypad: chooseKeypad(state.question, turn === 1),
        }),
      );
    } catch (error) {
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "voice silence failed");
      sendError(res, 503, "unavailable", "Temporarily unavailable; please retry.");
    }
  });

  router.post("/twilio/voice/no-answer", form, signed, async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const status = body.DialCallStatus;
    res.type("text/xml");
    if (status === "completed" || status === "answered") {
      res.send(renderHangup());
      return;
    }
    const agency = deps.agencyByNumber(body.To ?? "");
    const language = agency && body.From ? ((await openCall(agency.id, body.From).catch(() => null))?.state.language ?? "en") : "en";
    res.send(renderVoicemail(language, url("/twilio/voice/recording"), url("/twilio/voice/transcription")));
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
