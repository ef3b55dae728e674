import { describeAcceptRefusal, findAutoCheckOutAt } from "../../core/officers/index.ts";
import { askWhich, type CommandContext, formatShift } from "./command-context.ts";

/**
 * YES: the shift, or what happened to it (cancelled, over, filled, a higher rank, expired, or the
 * rule the officer would break). Officers this acceptance beat are told it is filled, and the
 * forgotten-check-out timer is set for the new assignment.
 */
export async function answerAccept(ctx: CommandContext, code: string | null): Promise<string> {
  const { deps, agency, officer, key } = ctx;
  const outcome = await deps.shifts.acceptOffer(officer.id, code, ctx.message.receivedAt);
  switch (outcome.kind) {
    case "accepted": {
      if (outcome.staffedConversationId) ctx.alsoNotified.push(outcome.staffedConversationId);
      await deps.notifyOfficers(outcome.filledNoticeConversationIds, `filled-${key}`);
      // Every acceptance: a replacement taken while other positions are open, or during the
      // shift, needs its post orders and the customer's notice now, not at the next wave.
      await deps.onStaffed(outcome.requestId);
      await deps.scheduleCheckOutClose(outcome.requestId, new Date(findAutoCheckOutAt(outcome.end.getTime(), agency.dispatch)));
      await deps.notifyStaff(
        outcome.requestId,
        `accept-${key}`,
        `${ctx.who} accepted a position on #${outcome.requestNumber}${outcome.staffed ? "; every position is now filled" : ""}.`,
      );
      return `Confirmed: you have the shift for request #${outcome.requestNumber}, ${formatShift(outcome.start, outcome.end, agency.timeZone)}. Reply IN ${code ?? "<code>"} when you arrive.`;
    }
    case "no_offer":
      return "You have no open offer with that code. Reply SHIFTS for your shifts.";
    case "ambiguous":
      return askWhich(outcome.codes);
    default:
      return describeAcceptRefusal(outcome, agency.timeZone, agency.dispatch);
  }
}

/** NO: the offer is declined. */
export async function answerDecline(ctx: CommandContext, code: string | null): Promise<string> {
  const outcome = await ctx.deps.shifts.declineOffer(ctx.officer.id, code, ctx.message.receivedAt);
  if (outcome.kind === "declined") return "OK, offer declined.";
  if (outcome.kind === "ambiguous") return askWhich(outcome.codes);
  return "You have no open offer with that code.";
}
