import type { Request, Response } from "express";
import type { AgencyConfig, Language } from "../../core/agencies/index.ts";
import { CODE_DIGITS, type Question } from "../../core/intake/index.ts";
import type { Logger } from "../../config/logger.ts";
import type { TurnDeps } from "../handle-turn.ts";
import type { CallerVerification } from "./caller-verification.ts";
import { renderCodeGather, renderDial, renderGather } from "./render-voice.ts";
import { resumeProvenCall } from "./resume-proven-call.ts";
import { chooseKeypad } from "./voice-keypad.ts";
import { getVerificationTexts } from "./verification-texts.ts";
import { CONNECTING, MAX_SILENCES } from "./voice-prompts.ts";
import { WEBHOOK_DEADLINE_MS, withDeadline } from "./with-deadline.ts";
import { sendError } from "../http-errors.ts";
import { readCallWebhook } from "./read-call.ts";

export interface CodeEntryDeps {
  verification: CallerVerification;
  turn: TurnDeps;
  logger: Logger;
  agencyByNumber(phone: string): AgencyConfig | undefined;
  /** The public address of a path (what Twilio calls and signs). */
  url(path: string): string;
}

/**
 * POST /twilio/voice/verify?turn=N[&silences=k]: the keypad entry of a texted code. A right code
 * proves the call and carries out what waited for it; a wrong one is refused (three in all, then
 * the call is offered the dispatcher or a text instead); anything else is asked again. Every
 * answer continues the call at turn N; the digits are never stored or logged.
 */
export function createCodeEntryRoute(deps: CodeEntryDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const call = readCallWebhook(req, res, deps.agencyByNumber);
    if (!call) return;
    const { agency, body } = call;
    const turn = Number(req.query.turn ?? 1) || 1;
    const silences = Number(req.query.silences ?? 0) || 0;
    const verifyUrl = deps.url(`/twilio/voice/verify?turn=${turn}`);
    const askAgain = (text: string, language: Language) =>
      renderCodeGather([text], language, verifyUrl, `${verifyUrl}&silences=${silences + 1}`, CODE_DIGITS);
    const carryOn = (texts: string[], language: Language, question: Question | null = null) =>
      renderGather({
        texts,
        language,
        actionUrl: deps.url(`/twilio/voice/gather?turn=${turn}`),
        silenceUrl: deps.url(`/twilio/voice/silence?turn=${turn}&silences=1`),
        keypad: chooseKeypad(question, false),
      });
    try {
      const now = new Date();
      const { language, outcome } = await withDeadline(
        deps.verification.checkEntry({ callSid: call.callSid, phone: call.from, digits: (body.Digits ?? "").trim(), now }),
        WEBHOOK_DEADLINE_MS,
      );
      const v = getVerificationTexts(language);
      res.type("text/xml");
      switch (outcome.kind) {
        case "malformed":
          if (silences > MAX_SILENCES) res.send(carryOn([v.gaveUp], language));
          else res.send(askAgain(silences > 0 ? v.silence : v.enterCode, language));
          return;
        case "wrong":
          res.send(outcome.attemptsLeft > 0 ? askAgain(v.wrong(outcome.attemptsLeft), language) : carryOn([v.lockedNow], language));
          return;
        case "locked":
          res.send(carryOn([v.locked], language));
          return;
        case "expired":
          res.send(carryOn([v.expired], language));
          return;
        case "used":
          res.send(carryOn([v.used], language));
          return;
        case "none":
          res.send(carryOn([v.none], language));
          return;
        case "proven": {
          const resumed = await withDeadline(resumeProvenCall(deps.turn, { agency, phone: call.from, now }), WEBHOOK_DEADLINE_MS);
          if (resumed.kind === "held_by_dispatcher") {
            res.send(renderDial([CONNECTING[language]], language, agency.voice.dispatcherPhone, deps.url("/twilio/voice/no-answer")));
            return;
          }
          const spoken = resumed.state.language ?? language;
          res.send(
            carryOn([getVerificationTexts(spoken).proven, ...resumed.replies.map((r) => r.text)], spoken, resumed.state.question),
          );
          return;
        }
      }
    } catch (error) {
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "voice code entry failed");
      sendError(res, 503, "unavailable", "Temporarily unavailable; please retry.");
    }
  };
}
