/**
 * Lanes of the per-sender outbound SMS budget, best first. A sender number's budget (3/s by
 * default) goes to the best lane with a message waiting, so a flood of one kind never holds
 * back a person who is waiting on us:
 * - `reply`: an answer to someone already talking with us (a customer mid-intake, an officer's
 *   confirmation), and notices they wait for (approval news, post orders, a dispatcher's reply);
 * - `first_contact`: the answer to a number's first message (what 100 new numbers at once make);
 * - `broadcast`: shift offers to the roster, the bulk of all sends, which can wait seconds.
 */
export const SMS_LANES = ["reply", "first_contact", "broadcast"] as const;

export type SmsLane = (typeof SMS_LANES)[number];

/**
 * BullMQ priority of a send job in each lane. BullMQ takes jobs without a priority before any
 * prioritized job (then lower numbers first), so replies carry none.
 */
export function toJobPriority(lane: SmsLane): number | undefined {
  switch (lane) {
    case "reply":
      return undefined;
    case "first_contact":
      return 1;
    case "broadcast":
      return 2;
  }
}
