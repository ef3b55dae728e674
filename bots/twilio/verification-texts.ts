import type { Language } from "../../core/agencies/index.ts";

/** What the voice line says while a caller proves their number, and the text that carries the code. */
export interface VerificationTexts {
  /** The SMS; the only place a code is ever written out. */
  codeSms(agencyName: string, code: string): string;
  codeSent: string;
  /** An entry that is not six digits: re-prompted, no attempt used. */
  enterCode: string;
  silence: string;
  wrong(attemptsLeft: number): string;
  /** The last attempt was wrong just now. */
  lockedNow: string;
  /** The call used up a code's attempts earlier. */
  locked: string;
  expired: string;
  used: string;
  none: string;
  tooMany: string;
  optedOut: string;
  unavailable: string;
  gaveUp: string;
  proven: string;
}

const EN: VerificationTexts = {
  codeSms: (agency, code) =>
    `${code} is your ${agency} phone line code. It expires in 10 minutes. If you are not on a call with us, ignore this text.`,
  codeSent: "I've texted a 6-digit code to the number you're calling from. Please enter it on your keypad.",
  enterCode: "Please enter the 6-digit code from the text message on your keypad.",
  silence: "I didn't get a code. Please enter the 6-digit code from the text message on your keypad.",
  wrong: (left) => `That code didn't match. You have ${left} more ${left === 1 ? "try" : "tries"}. Please enter it again.`,
  lockedNow:
    "That code didn't match, so I can't read or change bookings on this call. Send a text message saying STATUS to this number from your phone, or press 0 for a dispatcher. I can still take a new request.",
  locked:
    "For your security I can't read or change bookings on this call. Send a text message saying STATUS to this number from your phone, or press 0 for a dispatcher. I can still take a new request.",
  expired: "That code has expired. Say STATUS to get a new one, or press 0 for a dispatcher.",
  used: "That code has already been used. How can I help?",
  none: "There is no code waiting on this call. Say STATUS to get one, or press 0 for a dispatcher.",
  tooMany:
    "I've texted several codes to this number already, so I can't send another right now. Send a text message saying STATUS to this number from your phone, or press 0 for a dispatcher.",
  optedOut: "This number has opted out of our text messages, so I can't send it a code. Press 0 for a dispatcher.",
  unavailable: "I can't send a code right now. Send a text message saying STATUS to this number from your phone, or press 0 for a dispatcher.",
  gaveUp: "I didn't get a code. Say STATUS to try again, or press 0 for a dispatcher.",
  proven: "Thank you, that's the right code.",
};

const ES: VerificationTexts = {
  codeSms: (agency, code) =>
    `${code} es su código de la línea telefónica de ${agency}. Vence en 10 minutos. Si no está en una llamada con nosotros, ignore este mensaje.`,
  codeSent: "Le envié un código de 6 dígitos por mensaje de texto al número desde el que llama. Márquelo en el teclado, por favor.",
  enterCode: "Marque en el teclado el código de 6 dígitos del mensaje de texto, por favor.",
  silence: "No recibí ningún código. Marque en el teclado el código de 6 dígitos del mensaje de texto, por favor.",
  wrong: (left) => `Ese código no coincide. Le ${left === 1 ? "queda 1 intento" : `quedan ${left} intentos`}. Márquelo de nuevo.`,
  lockedNow:
    "Ese código no coincide, así que no puedo leer ni cambiar reservas en esta llamada. Envíe un mensaje de texto con la palabra ESTADO a este número desde su teléfono, o marque 0 para un despachador. Todavía puedo tomar una solicitud nueva.",
  locked:
    "Por su seguridad no puedo leer ni cambiar reservas en esta llamada. Envíe un mensaje de texto con la palabra ESTADO a este número desde su teléfono, o marque 0 para un despachador. Todavía puedo tomar una solicitud nueva.",
  expired: "Ese código venció. Diga ESTADO para recibir uno nuevo, o marque 0 para un despachador.",
  used: "Ese código ya se usó. ¿En qué le puedo ayudar?",
  none: "No hay ningún código pendiente en esta llamada. Diga ESTADO para recibir uno, o marque 0 para un despachador.",
  tooMany:
    "Ya envié varios códigos a este número, así que no puedo enviar otro ahora. Envíe un mensaje de texto con la palabra ESTADO a este número desde su teléfono, o marque 0 para un despachador.",
  optedOut: "Este número no recibe nuestros mensajes de texto, así que no puedo enviarle un código. Marque 0 para un despachador.",
  unavailable:
    "No puedo enviar un código ahora. Envíe un mensaje de texto con la palabra ESTADO a este número desde su teléfono, o marque 0 para un despachador.",
  gaveUp: "No recibí ningún código. Diga ESTADO para intentarlo de nuevo, o marque 0 para un despachador.",
  proven: "Gracias, el código es correcto.",
};

export function getVerificationTexts(language: Language): VerificationTexts {
  return language === "es" ? ES : EN;
}
