import type { Activity } from "botbuilder";
import type { Language } from "../../core/agencies/index.ts";
import { renderQuoteCard, renderYesNoCard } from "./render-activity.ts";
import { isIntakeGreeting, rewriteForWebChat, stripYesNoInstruction } from "./render-web-text.ts";

/** What a web message is rendered with; every field has a safe default for proactive messages. */
export interface WebMessageContext {
  language: Language;
  /** The agency's name, to recognise the intake's greeting; null = no greeting is dropped. */
  agencyName: string | null;
  /** The customer's mobile number given in this chat (E.164), for the submitted message. */
  phone: string | null;
  /** The summary awaiting confirmation is this turn's last message: it becomes the quote card. */
  quoteAwaiting: boolean;
  /** Prefill of the quote card's contact input ("520-555-0199" or an email). */
  knownContact: string | null;
}

/**
 * One recorded message as a web chat activity: null for the intake's greeting (the chat greeted
 * on joining), the quote card for the summary, a Yes/No card for a yes/no question, else text;
 * always in web chat's words (render-web-text.ts).
 */
export function renderWebMessage(body: string, isLast: boolean, context: WebMessageContext): Partial<Activity> | null {
  if (context.agencyName !== null && isIntakeGreeting(body, context.agencyName)) return null;
  const text = rewriteForWebChat(body, { phone: context.phone });
  const question = stripYesNoInstruction(text);
  if (context.quoteAwaiting && isLast) return renderQuoteCard(question ?? text, context.language, context.knownContact);
  if (question !== null) return renderYesNoCard(question, context.language);
  return { type: "message", text };
}
