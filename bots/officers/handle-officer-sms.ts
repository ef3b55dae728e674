import type { AgencyConfig } from "../../core/agencies/index.ts";
import type { InboundMessage } from "../../core/messages/index.ts";
import { OFFICER_HELP, type OfficerCommand, parseOfficerCommand } from "../../core/officers/index.ts";
import { Prisma } from "../../prisma/client.ts";
import { openOfficerConversation } from "../../prisma/repositories/officer-conversation.ts";
import { answerAvailability } from "./answer-availability.ts";
import { answerAccept, answerDecline } from "./answer-offer.ts";
import { answerCheckIn, answerCheckOut, answerDrop, answerNote } from "./answer-shift.ts";
import { type CommandContext, formatShift, makeCommandContext } from "./command-context.ts";
import type { OfficerSmsDeps } from "./officer-sms-deps.ts";

export type { OfficerSmsDeps } from "./officer-sms-deps.ts";

export type OfficerSmsResult =
  | { kind: "handled"; conversationId: string; alsoNotified: string[] }
  | { kind: "duplicate"; conversationId: string }
  | { kind: "not_officer" };

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
  const reply = await runCommand(command, makeCommandContext(officer, message, agency, deps, alsoNotified));
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

async function runCommand(command: OfficerCommand, ctx: CommandContext): Promise<string | null> {
  const { deps, agency, message, officer } = ctx;
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
    case "accept":
      return answerAccept(ctx, command.code);
    case "decline":
      return answerDecline(ctx, command.code);
    case "check_in":
      return answerCheckIn(ctx, command.code);
    case "check_out":
      return answerCheckOut(ctx, command.code);
    case "drop":
      return answerDrop(ctx, command.code);
    case "note":
      return answerNote(ctx, command.code, command.text);
    case "filled_notices":
      await deps.shifts.setFilledNotices(officer.id, command.on);
      return command.on
        ? "OK: we will text you when a shift you were offered is filled by someone else. Reply FILLED OFF to stop."
        : "OK: no more texts when a shift you were offered is filled by someone else. Reply FILLED ON to get them again.";
    case "pause":
    case "resume":
    case "quiet_hours":
    case "availability_usage":
      return answerAvailability(ctx, command);
    case "shifts": {
      const upcoming = await deps.shifts.listUpcoming(officer.id, message.receivedAt);
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
}
