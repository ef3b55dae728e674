import type { ViewOutput } from "@slack/bolt";
import { MODAL_INPUT } from "../slack-views.ts";

/** What a deny/ask modal remembers of the card it was opened from (its private_metadata). */
export interface CardRef {
  requestId: string;
  /** Channel of the card, for an ephemeral answer; null when opened elsewhere (App Home). */
  channel: string | null;
}

export const writeCardRef = (ref: CardRef): string => JSON.stringify(ref);
export const readCardRef = (view: ViewOutput): CardRef => JSON.parse(view.private_metadata) as CardRef;

/** The trimmed text of the modal's single input. */
export function readModalText(view: ViewOutput): string {
  return view.state.values[MODAL_INPUT.block]?.[MODAL_INPUT.action]?.value?.trim() ?? "";
}

/** The answer that keeps the modal open with a message under the empty input. */
export function requireText(message: string) {
  return { response_action: "errors" as const, errors: { [MODAL_INPUT.block]: message } };
}
