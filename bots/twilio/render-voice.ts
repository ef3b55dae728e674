import twilio from "twilio";
import type { Language } from "../../core/agencies/index.ts";

const VoiceResponse = twilio.twiml.VoiceResponse;

const VOICE = { en: { voice: "Polly.Joanna", language: "en-US" }, es: { voice: "Polly.Lupe", language: "es-US" } } as const;

/** Speech for a phone line: bullets and symbols read badly aloud. */
function toSpeech(text: string): string {
  return text.replace(/•/g, "").replace(/#(\d+)/g, "number $1").replace(/\s*\n\s*/g, ". ");
}

const VOICE_HINTS: Record<Language, string> = {
  en: "Speak after the tone, or press 1 for yes. Press 0 or say agent for a dispatcher.",
  es: "Hable después del tono, o marque 1 para sí. Marque 0 o diga agente para un despachador.",
};

/** Says the bot's replies, then listens for speech or keys; silence falls through to the redirect. */
export function renderGather(
  texts: string[],
  language: Language,
  actionUrl: string,
  silenceUrl: string,
  withHint: boolean,
): string {
  const response = new VoiceResponse();
  const voice = VOICE[language];
  const gather = response.gather({
    input: ["speech", "dtmf"],
    action: actionUrl,
    method: "POST",
    timeout: 6,
    speechTimeout: "auto",
    language: voice.language,
    numDigits: 1,
  });
  for (const text of texts) gather.say({ voice: voice.voice, language: voice.language }, toSpeech(text));
  if (withHint) gather.say({ voice: voice.voice, language: voice.language }, VOICE_HINTS[language]);
  response.redirect({ method: "POST" }, silenceUrl);
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
  const voice = VOICE[language];
  const gather = response.gather({
    input: ["dtmf"],
    action: actionUrl,
    method: "POST",
    timeout: 10,
    numDigits: digits,
    finishOnKey: "#",
  });
  for (const text of texts) gather.say({ voice: voice.voice, language: voice.language }, toSpeech(text));
  response.redirect({ method: "POST" }, silenceUrl);
  return response.toString();
}

/** Says the replies and hangs up (submitted, refused). */
export function renderGoodbye(texts: string[], language: Language): string {
  const response = new VoiceResponse();
  const voice = VOICE[language];
  for (const text of texts) response.say({ voice: voice.voice, language: voice.language }, toSpeech(text));
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
  const voice = VOICE[language];
  for (const text of texts) response.say({ voice: voice.voice, language: voice.language }, toSpeech(text));
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
