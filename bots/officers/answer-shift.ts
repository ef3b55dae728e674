import { findAutoCheckOutAt, formatLocalInstant } from "../../core/officers/index.ts";
import type { MissOutcome } from "../../prisma/repositories/officer-shift-repository.ts";
import { askWhich, type CommandContext } from "./command-context.ts";

/** The reply to a command that named no single shift of the officer's. */
function answerMiss(miss: MissOutcome): string {
  return miss.kind === "ambiguous" ? askWhich(miss.codes) : "No matching shift for that code. Reply SHIFTS for your shifts.";
}

/** IN: accepted inside the check-in window only; a refusal says when it opens (agency time). */
export async function answerCheckIn(ctx: CommandContext, code: string | null): Promise<string> {
  const { deps, agency } = ctx;
  const outcome = await deps.shifts.checkIn(ctx.officer.id, code, ctx.message.receivedAt);
  const zone = agency.timeZone;
  switch (outcome.kind) {
    case "checked_in":
      await deps.scheduleCheckOutClose(outcome.requestId, new Date(findAutoCheckOutAt(outcome.end.getTime(), agency.dispatch)));
      return `Checked in for request #${outcome.requestNumber}. Reply OUT ${code ?? "<code>"} when you leave.`;
    case "already_in":
      return `You are already checked in for #${outcome.requestNumber}. Reply OUT ${code ?? "<code>"} when you leave.`;
    case "too_early":
      return `Check-in for #${outcome.requestNumber} opens at ${formatLocalInstant(outcome.opensAt.getTime(), zone)} (${outcome.minutesBefore} minutes before the start).`;
    case "ended":
      return `Shift #${outcome.requestNumber} ended at ${formatLocalInstant(outcome.endedAt.getTime(), zone)}, so check-in is closed. If you worked it, tell your supervisor.`;
    default:
      return answerMiss(outcome);
  }
}

/** OUT: only after IN; the request completes once every position is settled. */
export async function answerCheckOut(ctx: CommandContext, code: string | null): Promise<string> {
  const outcome = await ctx.deps.shifts.checkOut(ctx.officer.id, code, ctx.message.receivedAt);
  switch (outcome.kind) {
    case "checked_out":
      if (outcome.completed) await ctx.deps.invoiceCompleted(outcome.requestId);
      return `Checked out of request #${outcome.requestNumber}: ${Math.round((outcome.minutesWorked / 60) * 100) / 100} hours.`;
    case "not_checked_in":
      return `You have not checked in for #${outcome.requestNumber}, so there is nothing to check out of. Reply IN ${code ?? "<code>"} when you arrive.`;
    default:
      return answerMiss(outcome);
  }
}

/**
 * DROP: before the call-off deadline the position is offered again; after it the officer keeps
 * the shift and must call their supervisor, who is flagged in the request's thread.
 */
export async function answerDrop(ctx: CommandContext, code: string | null): Promise<string> {
  const { deps } = ctx;
  const outcome = await deps.shifts.drop(ctx.officer.id, code, ctx.message.receivedAt);
  switch (outcome.kind) {
    case "dropped":
      await deps.rebroadcast(outcome.requestId);
      await deps.notifyStaff(
        outcome.requestId,
        `drop-${ctx.key}`,
        `${ctx.who} dropped their position on #${outcome.requestNumber}; it is being offered again.`,
      );
      return `You dropped request #${outcome.requestNumber}; it will be offered to other officers.`;
    case "too_late":
      await deps.notifyStaff(
        outcome.requestId,
        `drop-late-${ctx.key}`,
        `${ctx.mentionSupervisors} ${ctx.who} asked to drop #${outcome.requestNumber} less than ${outcome.deadlineHours} hours before the start. The shift is still theirs: please call them and find cover if needed.`.trim(),
      );
      return `#${outcome.requestNumber} starts in less than ${outcome.deadlineHours} hours, so it can't be dropped by text and is still yours. Please call your supervisor now.`;
    default:
      return answerMiss(outcome);
  }
}

/** NOTE: a field note on the named shift. */
export async function answerNote(ctx: CommandContext, code: string | null, text: string): Promise<string> {
  const outcome = await ctx.deps.shifts.addNote(ctx.officer.id, code, text, ctx.message.media);
  if (outcome.kind !== "done") return answerMiss(outcome);
  return `Field note saved for request #${outcome.requestNumber}.`;
}
