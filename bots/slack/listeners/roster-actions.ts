import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import { DateTime } from "luxon";
import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { diffEntries, type RosterChange, type RosterEntry } from "../../../core/roster/index.ts";
import {
  applyRosterChanges,
  findRosterOfficer,
  findUniqueClash,
  loadRoster,
  summarizeRoster,
} from "../../../prisma/repositories/roster-repository.ts";
import { blockOf, readRosterModal } from "../read-roster-modal.ts";
import { ROSTER_ACTIONS, ROSTER_INPUT, type RosterModalRef, renderRosterModal } from "../render-roster-modal.ts";
import { type BlocksAnswer, renderRosterSummary } from "../render-roster-replies.ts";
import { authorizeStaffAction, isRowId } from "../staff-authority.ts";
import { callSlackLater, replyTarget, type SlackListenerDeps, tellUser } from "./listener-deps.ts";

/** `/detail roster`: the summary, with "Add officer" for those allowed to keep the roster. */
export async function answerRosterCommand(deps: SlackListenerDeps, agency: AgencyConfig, userId: string): Promise<BlocksAnswer> {
  const canEdit = authorizeStaffAction(agency, userId, "roster").kind === "allowed";
  return renderRosterSummary(agency, await summarizeRoster(deps.prisma, agency.id, deps.now()), canEdit);
}

const errorsOf = (errors: Record<string, string>) => ({ response_action: "errors" as const, errors });

/** private_metadata comes back from Slack as we wrote it, but is read defensively. */
function readRef(text: string): RosterModalRef | null {
  try {
    const ref = JSON.parse(text) as Partial<RosterModalRef>;
    if (typeof ref.agencyId !== "string") return null;
    const officerId = typeof ref.officerId === "string" && isRowId(ref.officerId) ? ref.officerId : null;
    return { agencyId: ref.agencyId, officerId, channel: typeof ref.channel === "string" ? ref.channel : null };
  } catch {
    return null;
  }
}

/**
 * "Add officer" and "Edit": the roster modal for supervisors of the officer's own agency, checked
 * when it opens and again on submit (a modal can outlive a role). Submitting validates each field
 * as the CSV import does, refuses a badge or phone another officer holds under that field, and
 * records roster.officer_added / _updated / _deactivated with the supervisor's Slack id.
 */
export function registerRosterActions(app: App, deps: SlackListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ROSTER_ACTIONS.add, async ({ ack, body, action, client }) => {
    await ack();
    const agency = deps.getAgency(action.value ?? "");
    const right = agency ? authorizeStaffAction(agency, body.user.id, "roster") : { kind: "refused" as const, text: "Unknown agency. Nothing was changed." };
    if (right.kind === "refused" || !agency) {
      tellUser(deps.logger, client, { ...replyTarget(body), text: right.kind === "refused" ? right.text : "" });
      return;
    }
    const view = renderRosterModal({ agency, officer: null, ref: { agencyId: agency.id, officerId: null, channel: body.channel?.id ?? null } });
    callSlackLater(deps.logger, "views.open", () => client.views.open({ trigger_id: body.trigger_id, view }));
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ROSTER_ACTIONS.edit}`), async ({ ack, body, action, client }) => {
    await ack();
    const officerId = action.value ?? "";
    const row = isRowId(officerId) ? await deps.prisma.officer.findUnique({ where: { id: officerId }, select: { agencyId: true } }) : null;
    const agency = row ? deps.getAgency(row.agencyId) : undefined;
    const officer = agency ? await findRosterOfficer(deps.prisma, agency.id, officerId) : null;
    if (!agency || !officer) {
      tellUser(deps.logger, client, { ...replyTarget(body), text: "That officer is no longer on the roster. Nothing was changed." });
      return;
    }
    const right = authorizeStaffAction(agency, body.user.id, "roster");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
      return;
    }
    const view = renderRosterModal({ agency, officer, ref: { agencyId: agency.id, officerId: officer.id, channel: body.channel?.id ?? null } });
    callSlackLater(deps.logger, "views.open", () => client.views.open({ trigger_id: body.trigger_id, view }));
  });

  app.view<ViewSubmitAction>(ROSTER_ACTIONS.modal, async ({ ack, body, view, client }) => {
    const ref = readRef(view.private_metadata);
    const agency = ref ? deps.getAgency(ref.agencyId) : undefined;
    const answer = (text: string) => tellUser(deps.logger, client, { channel: ref?.channel ?? body.user.id, user: body.user.id, text });
    if (!ref || !agency) {
      await ack();
      answer("This form no longer matches an agency. Nothing was changed.");
      return;
    }
    const right = authorizeStaffAction(agency, body.user.id, "roster");
    if (right.kind === "refused") {
      await ack();
      answer(right.text);
      return;
    }
    const today = DateTime.fromJSDate(deps.now(), { zone: agency.timeZone }).toISODate() ?? "";
    const input = readRosterModal(view, agency.ranks, today);
    if (input.kind === "errors") {
      await ack(errorsOf(input.errors));
      return;
    }
    const { entry } = input;
    const roster = await loadRoster(deps.prisma, agency.id);
    const current = ref.officerId ? roster.find((o) => o.id === ref.officerId) : undefined;
    if (ref.officerId && !current) {
      await ack();
      answer("That officer is no longer on the roster. Nothing was changed.");
      return;
    }
    const clashes = findClashes(entry, roster, current?.id ?? null);
    if (Object.keys(clashes).length > 0) {
      await ack(errorsOf(clashes));
      return;
    }
    const change = planChange(entry, current);
    if (change.kind === "unchanged") {
      await ack(errorsOf({ [ROSTER_INPUT.first_name]: "Nothing was changed." }));
      return;
    }
    try {
      await applyRosterChanges(deps.prisma, agency.id, [change], { kind: "supervisor", id: body.user.id }, "slack");
    } catch (error) {
      // Another supervisor saved the same badge or phone a moment ago.
      const clash = findUniqueClash(error);
      if (!clash) throw error;
      await ack(errorsOf({ [blockOf(clash)]: `Another officer on the roster already has this ${clash === "phone" ? "phone number" : "badge number"}.` }));
      return;
    }
    await ack();
    const who = `${entry.firstName} ${entry.lastName} (#${entry.badgeNumber})`;
    answer(
      change.kind === "add"
        ? `Added ${who} to the roster.`
        : change.kind === "deactivate"
          ? `Deactivated ${who}: no more offers; shifts already held are unchanged.`
          : `Updated ${who}: ${change.fields.join(", ").replace(/_/g, " ")}.`,
    );
  });
}

/** Errors by block for a badge or phone another officer of the agency already holds. */
function findClashes(entry: RosterEntry, roster: readonly (RosterEntry & { id: string })[], selfId: string | null): Record<string, string> {
  const errors: Record<string, string> = {};
  const others = roster.filter((o) => o.id !== selfId);
  const badge = others.find((o) => o.badgeNumber === entry.badgeNumber);
  if (badge) errors[ROSTER_INPUT.badge] = `Badge ${entry.badgeNumber} belongs to ${badge.firstName} ${badge.lastName}.`;
  const phone = others.find((o) => o.phone === entry.phone);
  if (phone) errors[ROSTER_INPUT.phone] = `${entry.phone} belongs to ${phone.firstName} ${phone.lastName} (#${phone.badgeNumber}).`;
  return errors;
}

function planChange(entry: RosterEntry, current: (RosterEntry & { id: string }) | undefined): RosterChange {
  if (!current) return { kind: "add", row: 0, entry };
  const fields = diffEntries(current, entry);
  if (fields.length === 0) return { kind: "unchanged", row: 0, officerId: current.id };
  if (current.active && !entry.active) return { kind: "deactivate", row: 0, officerId: current.id, entry, fields };
  return { kind: "update", row: 0, officerId: current.id, entry, fields };
}
