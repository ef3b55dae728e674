// The TwiML builder alone: the package's index also loads its REST client (~15 MB more), which a
// web process never uses.
import VoiceResponse from "twilio/lib/twiml/VoiceResponse.js";
import type { Language } from "../../core/agencies/index.ts";
import { renderSpeech } from "./render-speech.ts";
import { describeGatherKeys, type KeypadKind, listSpeechHints } from "./voice-keypad.ts";
import { FIRST_PROMPT_HINT, KEYPAD_HINT, SPANISH_OFFER } from "./voice-prompts.ts";

/** The Polly voice and recognizer locale of each conversation language. */
export const VOICE = { en: { voice: "Polly.Joanna", language: "en-US" }, es: { voice: "Polly.Lupe", language: "es-US" } } as const;

/** One <Say> per reply, each rewritten for the ear (render-speech.ts); empty replies are skipped. */
function sayAll(target: { say(attributes: object, text: string): unknown }, texts: string[], language: Language): void {
  const voice = VOICE[language];
  for (const text of texts) {
    const spoken = renderSpeech(text, language);
    if (spoken) target.say({ voice: voice.voice, language: voice.language }, spoken);
  }
}

export interface GatherPrompt {
  texts: string[];
  language: Language;
  actionUrl: string;
  silenceUrl: string;
  /** What keys mean for the question asked (voice-keypad.ts); `language` on the call's first prompt. */
  keypad: KeypadKind;
}

/**
 * Says the bot's replies, then listens for speech (in the conversation's language) or keys;
 * silence falls through to the redirect. The keypad hint matches the question, so "press 1 for
 * yes" is only offered where 1 means yes.
 */
export function renderGather(prompt: GatherPrompt): string {
  const { texts, language, keypad } = prompt;
  const response = new VoiceResponse();
  const voice = VOICE[language];
  const hints = listSpeechHints(keypad, language);
  const gather = response.gather({
    input: ["speech", "dtmf"],
    action: prompt.actionUrl,
    method: "POST",
    timeout: 6,
    speechTimeout: "auto",
    language: voice.language,
    ...(hints ? { hints } : {}),
    ...describeGatherKeys(keypad),
  });
  sayAll(gather, texts, language);
  const keyHint = KEYPAD_HINT[language][keypad];
  if (keyHint) gather.say({ voice: voice.voice, language: voice.language }, keyHint);
  if (keypad === "language") {
    gather.say({ voice: voice.voice, language: voice.language }, FIRST_PROMPT_HINT[language]);
    if (language === "en") gather.say({ voice: VOICE.es.voice, language: VOICE.es.language }, SPANISH_OFFER);
  }
  response.redirect({ method: "POST" }, prompt.silenceUrl);
  return response.toString();
}

/**
 * Says the texts, then listens for a keypad code only: a spoken code would reach speech
 * recognition and its transcript. `#` ends a short entry early; silence falls through to `silenceUrl`.
 */
export function renderCodeGather(
  texts: string[],
  language: Language,
  actionUrl: string,
  silenceUrl: string,
  digits: number,
): string {
  const response = new VoiceResponse();
  const gather = response.gather({
    input: ["dtmf"],
    action: actionUrl,
    method: "POST",
    timeout: 10,
    numDigits: digits,
    finishOnKey: "#",
  });
  sayAll(gather, texts, language);
  response.redirect({ method: "POST" }, silenceUrl);
  return response.toString();
}

/** Says the replies and hangs up (submitted, refused). */
export function renderGoodbye(texts: string[], language: Language): string {
  const response = new VoiceResponse();
  sayAll(response, texts, language);
  response.hangup();
  return response.toString();
}

/** Rings the on-call dispatcher; no answer goes to `noAnswerUrl` (voicemail). */
export function renderDial(
  texts: string[],
  language: Language,
  dispatcherPhone: string | null,
  noAnswerUrl: string,
): string {
  const response = new VoiceResponse();
  sayAll(response, texts, language);
  if (dispatcherPhone) {
    response.dial({ timeout: 20, action: noAnswerUrl, method: "POST" }, dispatcherPhone);
  } else {
    response.redirect({ method: "POST" }, noAnswerUrl);
  }
  return response.toString();
}

/** Takes a voicemail whose recording and transcription are kept on the conversation. */
export function renderVoicemail(language: Language, recordingUrl: string, transcriptionUrl: string): string {
  const response = new VoiceResponse();
  const voice = VOICE[language];
  response.say(
    { voice: voice.voice, language: voice.language },
    language === "es"
      ? "No hay un despachador disponible. Deje su mensaje después del tono y le llamaremos."
      : "No dispatcher is available right now. Please leave a message after the tone and we will call you back.",
  );
  response.record({
    action: recordingUrl,
    method: "POST",
    maxLength: 120,
    playBeep: true,
    transcribe: true,
    transcribeCallback: transcriptionUrl,
  });
  response.say({ voice: voice.voice, language: voice.language }, language === "es" ? "Adiós." : "Goodbye.");
  return response.toString();
}

export function renderHangup(): string {
  const response = new VoiceResponse();
  response.hangup();
  return response.toString();
}
