import { DateTime } from "luxon";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import type { InboundMessage } from "../../core/messages/index.ts";
import { OFFICER_HELP, type OfficerCommand, parseOfficerCommand } from "../../core/officers/index.ts";
import { Prisma, type PrismaClient } from "../../prisma/client.ts";
import { openOfficerConversation } from "../../prisma/repositories/officer-conversation.ts";
import type { OfficerShiftRepository } from "../../prisma/repositories/officer-shift-repository.ts";

export interface OfficerSmsDeps {
  prisma: PrismaClient;
  shifts: OfficerShiftRepository;
  /** Re-offers a request's open positions (after a DROP). */
  rebroadcast(requestId: string): Promise<void>;
  /** Post orders, reminders and the no-show check once a request is fully staffed. */
  onStaffed(requestId: string): Promise<void>;
  /** A staffing update in the thread of the request's approval card (once per key). */
  notifyStaff(requestId: string, key: string, text: string): Promise<void>;
}

export type OfficerSmsResult =
  | { kind: "handled"; conversationId: string; alsoNotified: string[] }
  | { kind: "duplicate"; conversationId: string }
  | { kind: "not_officer" };

const formatShift = (start: Date, end: Date, zone: string) => {
  const s = DateTime.fromJSDate(start, { zone });
  const e = DateTime.fromJSDate(end, { zone });
  return `${s.toFormat("ccc LLL d h:mm a")}–${e.toFormat("h:mm a")}`;
};

/**
 * An SMS from a number on the agency's roster: the officer commands. The message is stored
 * before it is acted on and the reply is recorded for the outbound queue.
 */
export async function handleOfficerSms(
  message: InboundMessage,
  agency: AgencyConfig,
  deps: OfficerSmsDeps,
): Promise<OfficerSmsResult> {
  const officer = await deps.shifts.findOfficerByPhone(agency.id, message.from);
  if (!officer?.active) return { kind: "not_officer" };
  const conversation = await openOfficerConversation(deps.prisma, agency.id, message.from);
  try {
    await deps.prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: "inbound",
        channel: "sms",
        from: message.from,
        to: message.to,
        body: message.text,
        media: message.media,
        providerId: message.providerId,
        status: "received",
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { kind: "duplicate", conversationId: conversation.id };
    }
    throw error;
  }

  const command = parseOfficerCommand(message.text);
  const alsoNotified: string[] = [];
  const reply = await runCommand(command, officer, message, agency, deps, alsoNotified);
  if (reply !== null) {
    await deps.prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: "outbound",
        channel: "sms",
        from: message.to,
        to: message.from,
        body: reply,
        status: "recorded",
      },
    });
  }
  return { kind: "handled", conversationId: conversation.id, alsoNotified };
}

interface OfficerRef {
  id: string;
  firstName: string;
  lastName: string;
  badgeNumber: string;
}

async function runCommand(
  command: OfficerCommand,
  officer: OfficerRef,
  message: InboundMessage,
  agency: AgencyConfig,
  deps: OfficerSmsDeps,
  alsoNotified: string[],
): Promise<string | null> {
  const at = message.receivedAt;
  const officerId = officer.id;
  const who = `Officer ${officer.firstName} ${officer.lastName} (#${officer.badgeNumber})`;
  const key = message.providerId ?? `${officer.id}-${at.getTime()}`;
  const which = (codes: string[]) => `You have several: reply with the code too (${codes.join(", ")}).`;
  switch (command.kind) {
    case "opt_out":
      await deps.prisma.optOut.upsert({
        where: { agencyId_phone: { agencyId: agency.id, phone: message.from } },
        create: { agencyId: agency.id, phone: message.from, keyword: "STOP" },
        update: {},
      });
      return null;
    case "opt_in":
      await deps.prisma.optOut.deleteMany({ where: { agencyId: agency.id, phone: message.from } });
      return "You will receive shift offers again.";
    case "accept": {
      const outcome = await deps.shifts.acceptOffer(officerId, command.code, at);
      switch (outcome.kind) {
        case "accepted":
          if (outcome.staffedConversationId) alsoNotified.push(outcome.staffedConversationId);
          if (outcome.staffed) await deps.onStaffed(outcome.requestId);
          await deps.notifyStaff(
            outcome.requestId,
            `accept-${key}`,
            `${who} accepted a position on #${outcome.requestNumber}${outcome.staffed ? "; every position is now filled" : ""}.`,
          );
          return `Confirmed: you have the shift for request #${outcome.requestNumber}, ${formatShift(outcome.start, outcome.end, agency.timeZone)}. Reply IN ${command.code ?? "<code>"} when you arrive.`;
        case "filled":
          return "Sorry, that shift has already been filled. Thank you for answering.";
        case "overlap":
          return "You already hold a shift at that time, so this one can't be yours.";
        case "no_offer":
          return "You have no open offer with that code. Reply SHIFTS for your shifts.";
        case "ambiguous":
          return which(outcome.codes);
      }
      break;
    }
    case "decline": {
      const outcome = await deps.shifts.declineOffer(officerId, command.code, at);
      if (outcome.kind === "declined") return "OK, offer declined.";
      if (outcome.kind === "ambiguous") return which(outcome.codes);
      return "You have no open offer with that code.";
    }
    case "check_in":
    case "check_out":
    case "drop":
    case "note": {
      const outcome =
        command.kind === "check_in"
          ? await deps.shifts.checkIn(officerId, command.code, at)
          : command.kind === "check_out"
            ? await deps.shifts.checkOut(officerId, command.code, at)
            : command.kind === "drop"
              ? await deps.shifts.drop(officerId, command.code, at)
              : await deps.shifts.addNote(officerId, command.code, command.text, message.media);
      if (outcome.kind === "ambiguous") return which(outcome.codes);
      if (outcome.kind === "no_assignment") return "No matching shift for that code. Reply SHIFTS for your shifts.";
      if (command.kind === "drop") {
        await deps.rebroadcast(outcome.requestId);
        await deps.notifyStaff(outcome.requestId, `drop-${key}`, `${who} dropped their position on #${outcome.requestNumber}; it is being offered again.`);
      }
      const done = {
        check_in: `Checked in for request #${outcome.requestNumber}.`,
        check_out: `Checked out of request #${outcome.requestNumber}: ${Math.round(((outcome.minutesWorked ?? 0) / 60) * 100) / 100} hours.`,
        drop: `You dropped request #${outcome.requestNumber}; it will be offered to other officers.`,
        note: `Field note saved for request #${outcome.requestNumber}.`,
      } as const;
      return done[command.kind];
    }
    case "shifts": {
      const upcoming = await deps.shifts.listUpcoming(officerId, at);
      if (upcoming.length === 0) return "You have no upcoming shifts.";
      return upcoming
        .map((a) => {
          const code = a.position.offers[0]?.code ?? "";
          return `${code} #${a.position.request.number} ${formatShift(a.start, a.end, agency.timeZone)}`;
        })
        .join("\n");
    }
    case "help":
    case "unknown":
      return OFFICER_HELP;
  }
  return OFFICER_HELP;
}
