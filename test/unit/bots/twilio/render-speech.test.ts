import { describe, expect, it } from "vitest";
import { TEXTS_EN } from "../../../../core/intake/texts-en.ts";
import { TEXTS_ES } from "../../../../core/intake/texts-es.ts";
import { renderSpeech } from "../../../../bots/twilio/render-speech.ts";
import { chooseKeypad, readKeypad } from "../../../../bots/twilio/voice-keypad.ts";
import { getVerificationTexts } from "../../../../bots/twilio/verification-texts.ts";

/** Every text the intake can produce, its functions filled with realistic values. */
function listTexts(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "function") {
    const args = ["12", "$705.10", "Sat Dec 20, 6:00 PM – 11:00 PM"];
    const items = ["armed private security on site", "a civil legal matter (serving papers, civil proceedings)"];
    const summary = { when: "Sat Dec 20, 6:00 PM – 11:00 PM", officers: "2", vehicles: " (with 1 vehicle)", where: "4500 E Broadway, Tucson, AZ", job: "store security", contact: "Ann Lee", postOrders: "park (east lot)", siteContact: "Ann Lee, 520-555-0111" };
    const source = String(value);
    const input = /items\.map/.test(source) ? [items] : /f\.when/.test(source) ? [summary] : args;
    listTexts((value as (...a: unknown[]) => unknown)(...input), out);
  } else if (Array.isArray(value)) for (const item of value) listTexts(item, out);
  else if (value && typeof value === "object") for (const item of Object.values(value)) listTexts(item, out);
  return out;
}

const SMS_ONLY = [/[()]/, /\be\.g\./i, /\bp\. ej\./i, /\breply\b/i, /\btext\b(?! message)/i, /\b(?:responda|responder|escriba)\b/i, /\//, /•/, /<|>/, /[.?!:][.?!]/, /#\d/];

describe("renderSpeech: the intake's texts for the ear", () => {
  for (const [language, texts] of [["en", TEXTS_EN], ["es", TEXTS_ES]] as const) {
    // codeSms is the text message itself, never spoken.
    const { codeSms: _sms, ...spokenVerification } = getVerificationTexts(language);
    const all = [...listTexts(texts), ...listTexts(spokenVerification)];
    it(`leaves no SMS-only syntax in any ${language} text (${all.length} texts)`, () => {
      for (const text of all) {
        const spoken = renderSpeech(text, language);
        for (const pattern of SMS_ONLY) expect(spoken, `${text}\n→ ${spoken}`).not.toMatch(pattern);
      }
    });
  }

  it.each([
    ["What date do you need the officers? (e.g. Saturday, 12/24)", "en", "What date do you need the officers? For example, Saturday, December 24."],
    ["¿Para qué fecha necesita a los oficiales? (p. ej. sábado, 24/12)", "es", "¿Para qué fecha necesita a los oficiales? Por ejemplo, sábado, 24 de diciembre."],
    ["Will any armed private security be present? (yes/no)", "en", "Will any armed private security be present?"],
    ["Do you need a police vehicle? Reply NO, or how many vehicles.", "en", "Do you need a police vehicle? Say no, or how many vehicles."],
    ["Sorry, I didn't catch that. How many officers? You can also reply HELP or AGENT.", "en", "Sorry, I didn't catch that. How many officers? You can also say help or agent."],
    ["Perdón, no entendí. ¿Cuántos? También puede responder AYUDA o AGENTE.", "es", "Perdón, no entendí. ¿Cuántos? También puede decir ayuda o agente."],
    ["Here is your request:\n• When: Sat Dec 20, 6:00 PM – 11:00 PM\n• Officers: 2", "en", "Here is your request. When: Saturday December 20, 6 PM to 11 PM. Officers: 2."],
    ["Quote: $705.10 total (labor $600.00, admin fee $105.10).", "en", "Quote: $705.10 total: labor $600.00, admin fee $105.10."],
    ["Thank you! Request #1042 is submitted.", "en", "Thank you! Request number 1042 is submitted."],
    ["#7: approved, Sat Dec 20, 6:30 PM – 11:00 PM", "en", "Request number 7: approved, Saturday December 20, 6:30 PM to 11 PM."],
    ["Who do they report to? (reply ME if it's you)", "en", "Who do they report to? Say me if it's you."],
  ] as const)("%s", (text, language, spoken) => {
    expect(renderSpeech(text, language)).toBe(spoken);
  });
});

describe("the keypad follows the question", () => {
  it("offers the language choice on the first prompt only", () => {
    expect(chooseKeypad("date", true)).toBe("language");
    expect(chooseKeypad("date", false)).toBe("date");
  });
  it.each([
    ["confirmation", "1", "en", "yes"],
    ["confirmation", "1", "es", "sí"],
    ["armedPrivateSecurity", "2", "en", "no"],
    ["officers", "12", "en", "12"],
    ["vehicleMiles", "0", "en", "agent"],
    ["date", "1224", "en", "December 24"],
    ["date", "724", "es", "24 de julio"],
    ["date", "1399", "en", "1399"],
    ["screening", "13", "en", "1, 3"],
    ["address", "0", "en", "agent"],
  ] as const)("%s: %s (%s) → %s", (question, digits, language, text) => {
    expect(readKeypad(chooseKeypad(question, false), digits, language)).toBe(text);
  });
});

describe("renderSpeech: sentences stay apart around times and examples", () => {
  it.each([
    [TEXTS_EN.notUnderstood(TEXTS_EN.askTogether.times), "en", "Sorry, I didn't catch that. What time should the shift start and end? For example, 6 PM to 11 PM. You can also say help or agent."],
    [TEXTS_ES.notUnderstood(TEXTS_ES.askTogether.times), "es", "Perdón, no entendí. ¿A qué hora debe empezar y terminar el turno? Por ejemplo, de 6 PM a 11 PM. También puede decir ayuda o agente."],
    ["It starts at 6pm. Bring a vest.", "en", "It starts at 6 PM. Bring a vest."],
    ["Empieza a las 6 p. m. Traiga chaleco.", "es", "Empieza a las 6 PM. Traiga chaleco."],
    ["de 6:00 p. m. a 11:00 p. m., 4500 East Broadway", "es", "De 6 PM a 11 PM, 4500 East Broadway."],
  ] as const)("%s", (text, language, spoken) => {
    expect(renderSpeech(text, language)).toBe(spoken);
  });
});
