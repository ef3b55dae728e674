import { type Activity, CardFactory } from "botbuilder";
import type { Language } from "../../core/agencies/index.ts";

/** What the card buttons send back (Action.Submit data); the words the intake understands. */
export const CARD_ACTIONS = { confirm: "confirm", change: "change", yes: "yes", no: "no" } as const;

/** Id of the quote card's input for the customer's own mobile number or email. */
export const CONTACT_INPUT = "contact";

const LABELS: Record<Language, { confirm: string; change: string; yes: string; no: string; contact: string; placeholder: string }> = {
  en: {
    confirm: "Confirm",
    change: "Change",
    yes: "Yes",
    no: "No",
    contact: "Your mobile number or email, so staff can reach you about this booking (optional; updates also come here)",
    placeholder: "e.g. 520-555-0199 or maria@example.com",
  },
  es: {
    confirm: "Confirmar",
    change: "Cambiar",
    yes: "Sí",
    no: "No",
    contact: "Su celular o correo electrónico, para que el personal pueda contactarle sobre esta reserva (opcional; los avisos también llegan aquí)",
    placeholder: "p. ej. 520-555-0199 o maria@ejemplo.com",
  },
};

function textBlocks(text: string) {
  return text.split("\n").map((line, index) => ({
    type: "TextBlock",
    text: line,
    wrap: true,
    ...(index === 0 ? { weight: "Bolder" } : {}),
  }));
}

function card(body: object[], actions: object[], summary: string): Partial<Activity> {
  const attachment = CardFactory.adaptiveCard({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.3",
    body,
    actions,
  });
  // The card carries the words; a text as well would show them twice in Web Chat.
  return { type: "message", summary, attachments: [attachment] };
}

/**
 * The quote summary awaiting confirmation, as an Adaptive Card: the summary (its "Reply YES" line
 * already removed), the customer's contact for updates (prefilled when known) and Confirm / Change.
 */
export function renderQuoteCard(summary: string, language: Language, knownContact: string | null = null): Partial<Activity> {
  const words = LABELS[language];
  return card(
    [
      ...textBlocks(summary),
      { type: "TextBlock", text: words.contact, wrap: true, spacing: "Medium", isSubtle: true },
      { type: "Input.Text", id: CONTACT_INPUT, placeholder: words.placeholder, maxLength: 254, ...(knownContact ? { value: knownContact } : {}) },
    ],
    [
      { type: "Action.Submit", title: words.confirm, data: { detaildesk: CARD_ACTIONS.confirm, lang: language } },
      { type: "Action.Submit", title: words.change, data: { detaildesk: CARD_ACTIONS.change, lang: language } },
    ],
    summary,
  );
}

/** A yes/no question (its "Reply YES … or NO …" already removed) with Yes / No buttons. */
export function renderYesNoCard(question: string, language: Language): Partial<Activity> {
  const words = LABELS[language];
  return card(
    textBlocks(question),
    [
      { type: "Action.Submit", title: words.yes, data: { detaildesk: CARD_ACTIONS.yes, lang: language } },
      { type: "Action.Submit", title: words.no, data: { detaildesk: CARD_ACTIONS.no, lang: language } },
    ],
    question,
  );
}

/** A card button's value: the words for the intake, and the contact typed on the quote card. */
export function readCardAction(value: unknown): { text: string; contact: unknown } | null {
  const data = value as { detaildesk?: unknown; [CONTACT_INPUT]?: unknown } | null | undefined;
  const action = data?.detaildesk;
  const contact = data?.[CONTACT_INPUT];
  if (action === CARD_ACTIONS.confirm || action === CARD_ACTIONS.yes) return { text: "yes", contact };
  if (action === CARD_ACTIONS.change || action === CARD_ACTIONS.no) return { text: "no", contact };
  return null;
}
