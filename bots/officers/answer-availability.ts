import {
  type AvailabilityCommand,
  describeAvailabilityUsage,
  describePause,
  describeQuietHours,
  describeResume,
  findPauseEnd,
} from "../../core/officers/index.ts";
import type { CommandContext } from "./command-context.ts";

/**
 * PAUSE / RESUME / QUIET: the officer's own offer settings, stored on their roster row and read
 * by every wave (core/officers/offer-availability.ts). Each change is audited with the officer as
 * the actor, so a supervisor can see why someone stopped getting offers.
 */
export async function answerAvailability(ctx: CommandContext, command: AvailabilityCommand): Promise<string> {
  const { deps, officer, message, agency } = ctx;
  const at = message.receivedAt;
  const audit = (action: string, data: Record<string, string | null>) =>
    deps.prisma.auditEvent.create({
      data: { agencyId: agency.id, actorKind: "officer", actorId: officer.id, action, entityType: "Officer", entityId: officer.id, data, at },
    });
  switch (command.kind) {
    case "pause": {
      const until = command.days === null ? null : new Date(findPauseEnd(at.getTime(), command.days, agency.timeZone));
      await deps.prisma.officer.update({ where: { id: officer.id }, data: { offersPausedAt: at, offersPausedUntil: until } });
      await audit("officer.offers_paused", { until: until?.toISOString() ?? null });
      return describePause(until?.getTime() ?? null, agency.timeZone);
    }
    case "resume": {
      const row = await deps.prisma.officer.update({
        where: { id: officer.id },
        data: { offersPausedAt: null, offersPausedUntil: null },
        select: { quietHoursStart: true, quietHoursEnd: true },
      });
      await audit("officer.offers_resumed", {});
      const quiet = row.quietHoursStart && row.quietHoursEnd ? { start: row.quietHoursStart, end: row.quietHoursEnd } : null;
      return describeResume(quiet);
    }
    case "quiet_hours":
      await deps.prisma.officer.update({
        where: { id: officer.id },
        data: { quietHoursStart: command.start, quietHoursEnd: command.end },
      });
      await audit("officer.quiet_hours_set", { start: command.start, end: command.end });
      return describeQuietHours(command.start, command.end);
    case "availability_usage":
      return describeAvailabilityUsage(command.verb);
  }
}
