import { type Activity, CardFactory } from "botbuilder";
import type { Language } from "../../core/agencies/index.ts";

/** What the Confirm / Change buttons of the quote card send back (Action.Submit data). */
export const CARD_ACTIONS = { confirm: "confirm", change: "change" } as const;

const LABELS: Record<Language, { confirm: string; change: string }> = {
  en: { confirm: "Confirm", change: "Change" },
  es: { confirm: "Confirmar", change: "Cambiar" },
};

/** The quote summary awaiting YES, as an Adaptive Card with Confirm / Change buttons. */
export function renderQuoteCard(summary: string, language: Language): Partial<Activity> {
  const card = CardFactory.adaptiveCard({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.3",
    body: summary.split("\n").map((line, index) => ({
      type: "TextBlock",
      text: line,
      wrap: true,
      ...(index === 0 ? { weight: "Bolder" } : {}),
    })),
    actions: [
      { type: "Action.Submit", title: LABELS[language].confirm, data: { detaildesk: CARD_ACTIONS.confirm } },
      { type: "Action.Submit", title: LABELS[language].change, data: { detaildesk: CARD_ACTIONS.change } },
    ],
  });
  // The card carries the words; a text as well would show the summary twice in Web Chat.
  return { type: "message", summary, attachments: [card] };
}

/** A card button's value as the words the intake understands. */
export function readCardAction(value: unknown): string | null {
  const action = (value as { detaildesk?: unknown } | null | undefined)?.detaildesk;
  if (action === CARD_ACTIONS.confirm) return "yes";
  if (action === CARD_ACTIONS.change) return "no";
  return null;
}
