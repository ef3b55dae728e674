import type { Language } from "../../core/agencies/index.ts";
import { hasDraft, type IntakeStore } from "../../core/intake/index.ts";
import type { Prisma, PrismaClient } from "../../prisma/client.ts";

/** "Spanish", "español", "en español": the caller's answer to the first prompt's language offer. */
export function isSpanishChoice(speech: string): boolean {
  return /^\s*(?:en\s+)?(?:español|espanol|spanish|in spanish)[\s.!]*$/i.test(speech);
}

/**
 * The caller chose a language at the start of the call (keypad 2, or "español"): the
 * conversation switches to it, and without a draft yet is greeted again in it, so the next turn
 * (forced to that language) opens with the greeting and first question in the caller's language.
 */
export async function chooseCallLanguage(
  prisma: PrismaClient,
  store: IntakeStore,
  key: { agencyId: string; participant: string },
  language: Language,
): Promise<void> {
  const conversation = await store.openConversation({ ...key, channel: "voice" });
  if (conversation.holder === "dispatcher") return;
  const state = { ...conversation.state, language, greeted: hasDraft(conversation.state) ? conversation.state.greeted : false };
  await prisma.conversation.update({
    where: { id: conversation.id },
    data: { state: state as unknown as Prisma.InputJsonValue, language },
  });
}
