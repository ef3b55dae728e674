import type { ConversationContext } from "../understanding/index.ts";
import { type IntakeState, RECENT_TURNS } from "./intake-state.ts";
import type { Slots } from "./slots.ts";

/** What an extractor may know of the conversation before reading the next message. */
export function describeConversationContext(state: IntakeState): ConversationContext {
  const turns = state.recentTurns ?? [];
  const lastBot = [...turns].reverse().find((turn) => turn.role === "bot");
  return { draft: describeFilledSlots(state.slots), question: lastBot?.text ?? null, recentTurns: turns.slice(-RECENT_TURNS) };
}

/** The filled slots only, flattened: flags under their own names. */
function describeFilledSlots(slots: Slots): Record<string, unknown> {
  const { flags, ...rest } = slots;
  const filled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...rest, ...flags })) {
    if (value !== null) filled[key] = value;
  }
  return filled;
}
