import type { Intent } from "./extraction-schema.ts";

/**
 * Carrier opt-out words (Twilio's defaults plus REVOKE/OPTOUT and spaced forms). They count only
 * as the whole message, in any case, ignoring surrounding whitespace and punctuation, exactly as the
 * carrier reads them; so "cancel my booking" is a bot command while a bare "CANCEL" opts out.
 */
export const OPT_OUT_KEYWORDS = [
  "STOP",
  "STOPALL",
  "STOP ALL",
  "UNSUBSCRIBE",
  "END",
  "QUIT",
  "CANCEL",
  "REVOKE",
  "OPTOUT",
  "OPT OUT",
] as const;

/**
 * Carrier opt-in words. Twilio also treats YES as opt-in, but YES is this bot's confirmation word,
 * so the bot only re-subscribes on these; the carrier handles its own YES.
 */
export const OPT_IN_KEYWORDS = ["START", "UNSTOP"] as const;

/** Single-word bot commands. None may be an opt-out or opt-in word (a test proves it). */
export const BOT_COMMAND_KEYWORDS = [
  "HELP",
  "INFO",
  "AYUDA",
  "AGENT",
  "AGENTE",
  "HUMAN",
  "OPERATOR",
  "REPRESENTATIVE",
  "STATUS",
  "ESTADO",
  "LINK",
  "ENLACE",
] as const;

const COMMAND_INTENTS: Record<(typeof BOT_COMMAND_KEYWORDS)[number], Intent> = {
  HELP: "help",
  INFO: "help",
  AYUDA: "help",
  AGENT: "agent",
  AGENTE: "agent",
  HUMAN: "agent",
  OPERATOR: "agent",
  REPRESENTATIVE: "agent",
  STATUS: "status",
  ESTADO: "status",
  LINK: "customer_link",
  ENLACE: "customer_link",
};

export interface CommandIntent {
  intent: Intent;
  /** The booking number of "CANCEL 1042"; null when none was given. */
  cancelRequestNumber: number | null;
}

const OPT_OUT_PHRASE =
  /^(?:please )?(?:stop|unsubscribe|opt out|remove me)(?: (?:texting|messaging|sending|contacting|all))?(?: (?:me|messages|texts|this number))?(?: from (?:this|the|your) list)?(?: please)?$|^(?:don'?t|do not) (?:text|message|contact) me(?: again| anymore)?$/;
const HELP_PHRASE =
  /^(?:help(?: me| please)?|please help|information|ayudame|ayuda(?: por favor)?|menu|commands|what can you do)$/;
const AGENT_WHOLE =
  /^(?:(?:an?|un|una) )?(?:agent|human|operator|representative|person|someone|rep|dispatcher|dispatch|live agent|real person|live person|human being|humano|persona|representante|operador|operadora|despachador|alguien)(?: please| por favor)?$/;
const AGENT_PHRASES = [
  /\b(?:talk|speak|chat|connect me|transfer me|put me through)\b.{0,20}\b(?:person|human|agent|representative|rep|operator|someone|somebody|dispatcher|dispatch|staff|supervisor)\b/,
  /\b(?:real|live|actual) (?:person|human|agent)\b|\bhuman being\b/,
  /\bhablar con (?:(?:un|una|el|la|alguien)\s+)?(?:persona|humano|agente|operador|operadora|representante|alguien|despachador|supervisor)\b/,
  /\bpersona real\b/,
  /^(?:quiero|necesito|puedo hablar con) (?:un |una )?(?:agente|operador|humano|representante|persona)$/,
];
const STATUS_WHOLE = /^(?:status(?: update)?|estado|estatus|any updates?|any news|update)$/;
const STATUS_PHRASES = [
  /\b(?:status|update|updates)\s+(?:of|on|for)\s+(?:my|the|our)\s+(?:request|booking|reservation|order|detail|job)\b/,
  /\bwhat'?s the status\b|\bwhat is the status\b|\bany (?:news|updates?)\b/,
  /\bcheck(?:ing)? (?:on )?(?:my|the|our) (?:request|booking|reservation|order)\b/,
  /\bis (?:my|our|the) (?:request|booking|reservation|officer) (?:confirmed|approved|booked)\b/,
  /\b(?:estado|estatus) de (?:mi|la|nuestra) (?:solicitud|reserva|reservacion|pedido)\b/,
];
// "send me my link", "nuevo enlace": asking for the page link in a few words, nothing else.
const LINK_PHRASE =
  /^(?:(?:please |pls )?(?:send|text|give|resend)(?: me)? )?(?:(?:my|the|a new|new|mi|el|un nuevo|nuevo|otro) )?(?:link|page link|enlace|enlace nuevo)(?: please| por favor)?$/;
const CANCEL_WORD = "(?:cancel|cancelar|cancela|cancelen|anular|anula)";
const CANCEL_PHRASES = [
  new RegExp(
    String.raw`\b${CANCEL_WORD}\s+(?:(?:my|the|our|this|that|mi|mis|la|el|nuestra|nuestro|esta|este)\s+)?(?:booking|request|reservation|order|detail|job|shift|appointment|event|officers?|cops?|service|reserva|reservacion|solicitud|pedido|servicio|cita|evento|it|that|everything|todo|eso|esto)\b`,
  ),
  new RegExp(String.raw`\b${CANCEL_WORD}\s*(?:#|no\.?|number|numero|num\.?)?\s*#?\s*\d{1,9}\b`),
  new RegExp(
    String.raw`\b(?:want|need|like|wanna|have|going|quiero|necesito|quisiera|queremos|necesitamos|hay que|please|pls|por favor|can i|can we|could i|how do i|how can i)\s+(?:to\s+)?${CANCEL_WORD}\b`,
  ),
  /\b(?:event|party|game|job|wedding|show|concert|festival|evento|fiesta|boda)\s+(?:was|is|got|has been|been|fue|se)\s+(?:cancell?ed|called off|cancelad[oa]|cancelo)\b/,
];
const CANCEL_NEGATED = new RegExp(
  String.raw`\b(?:don'?t|do not|not|never|no|nunca)\s+(?:\w+\s+)?${CANCEL_WORD}\b`,
);
const CANCEL_NUMBER = [
  new RegExp(String.raw`\b${CANCEL_WORD}\s*(?:#|no\.?|number|numero|num\.?)?\s*#?\s*(\d{1,9})\b`),
  /(?:#|\b(?:booking|request|reservation|order|reserva|reservacion|solicitud|pedido|number|numero|no\.)\s*#?\s*)(\d{1,9})\b/,
];
const RESTART_PHRASE =
  /^(?:(?:ok|okay|please|pls|can we|let'?s|lets|i want to|i'?d like to|quiero|podemos|por favor)[\s,]+)*(?:start over|start again|start from scratch|restart|reset|begin again|new request|new booking|a new request|start a new request|make a new request|nueva solicitud|nuevo pedido|otra solicitud|una nueva solicitud|empezar de nuevo|volver a empezar|empezar otra vez|comenzar de nuevo|reiniciar)(?:[\s,]+(?:please|pls|por favor))?$/;
const GREETING =
  /^(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|hola|buenos dias|buen dia|buenas tardes|buenas noches|buenas|saludos|que tal)(?: there| team| everyone| all| amigos)?$/;
const GREETING_START =
  /^(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|hola|buenos dias|buen dia|buenas tardes|buenas noches|buenas)\b/;

/** Upper-cased message with the ends' punctuation, emoji and spaces removed: how carriers compare keywords. */
export function normalizeKeyword(text: string): string {
  return text
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    .replace(/[\s_-]+/g, " ")
    .toUpperCase();
}

/**
 * The command a message is, if it is one: opt-out/in, help, agent, cancel, link, status, in that order
 * (opt-out first because the carrier acts on it whatever the bot thinks). `folded` is the folded
 * message with phone numbers already masked.
 */
export function detectCommandIntent(folded: string): CommandIntent | null {
  const keyword = normalizeKeyword(folded);
  const bare = keyword.toLowerCase();
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(keyword) || OPT_OUT_PHRASE.test(bare)) {
    return { intent: "opt_out", cancelRequestNumber: null };
  }
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(keyword))
    return { intent: "opt_in", cancelRequestNumber: null };
  const command = Object.hasOwn(COMMAND_INTENTS, keyword)
    ? COMMAND_INTENTS[keyword as keyof typeof COMMAND_INTENTS]
    : null;
  if (command) return { intent: command, cancelRequestNumber: null };
  if (HELP_PHRASE.test(bare)) return { intent: "help", cancelRequestNumber: null };
  if (AGENT_WHOLE.test(bare) || AGENT_PHRASES.some((pattern) => pattern.test(folded))) {
    return { intent: "agent", cancelRequestNumber: null };
  }
  if (CANCEL_PHRASES.some((pattern) => pattern.test(folded)) && !CANCEL_NEGATED.test(folded)) {
    return { intent: "cancel_booking", cancelRequestNumber: findCancelNumber(folded) };
  }
  if (RESTART_PHRASE.test(bare)) return { intent: "restart", cancelRequestNumber: null };
  if (LINK_PHRASE.test(bare)) return { intent: "customer_link", cancelRequestNumber: null };
  if (STATUS_WHOLE.test(bare) || STATUS_PHRASES.some((pattern) => pattern.test(folded))) {
    return { intent: "status", cancelRequestNumber: null };
  }
  return null;
}

/** True when the whole message is a greeting ("hi", "buenas tardes"). */
export function isGreeting(folded: string): boolean {
  return GREETING.test(normalizeKeyword(folded).toLowerCase());
}

/** True when the message opens with a greeting, whatever follows. */
export function startsWithGreeting(folded: string): boolean {
  return GREETING_START.test(folded.trim());
}

function findCancelNumber(folded: string): number | null {
  for (const pattern of CANCEL_NUMBER) {
    const match = pattern.exec(folded);
    if (match?.[1] !== undefined) {
      const value = Number(match[1]);
      if (value >= 1) return value;
    }
  }
  return null;
}
