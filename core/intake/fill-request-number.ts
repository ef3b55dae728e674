import { REQUEST_NUMBER_PLACEHOLDER } from "./intake-context.ts";
import type { TurnCommit } from "./intake-store.ts";

/**
 * The number of a request is known only once the store has saved it; stores call this inside
 * their commit so the recorded replies and the state carry the real number.
 */
export function fillRequestNumber(commit: TurnCommit, requestNumber: number | null): TurnCommit {
  if (requestNumber === null) return commit;
  return {
    ...commit,
    state: { ...commit.state, submittedNumber: requestNumber },
    replies: commit.replies.map((reply) => ({
      ...reply,
      text: reply.text.replaceAll(REQUEST_NUMBER_PLACEHOLDER, String(requestNumber)),
    })),
  };
}
