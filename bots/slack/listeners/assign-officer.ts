import type { App, BlockAction, StaticSelectAction, ViewOutput, ViewSubmitAction } from "@slack/bolt";
import { describeRankedOfficer } from "../../../core/agencies/index.ts";
import { formatShift } from "../../../core/intake/index.ts";
import { recordOfficerSms } from "../../../prisma/repositories/officer-conversation.ts";
import { SupervisorActions } from "../../../prisma/repositories/supervisor-actions.ts";
import { escapeMrkdwn } from "../escape-mrkdwn.ts";
import { checkAssignment, describeAssignmentCheck, INELIGIBLE_WORDS } from "../officer-eligibility.ts";
import { renderAssignModal } from "../render-assign-modal.ts";
import { ACTIONS, ASSIGN_INPUT, MODALS } from "../slack-views.ts";
import { authorizeOnRequest, isRowId } from "../staff-authority.ts";
import { type CardRef, readCardRef, writeCardRef } from "./card-modal.ts";
import { callSlackLater, replyTarget, type SlackListenerDeps, tellUser } from "./listener-deps.ts";

/** The officer chosen in the assign modal, or "" when none is. */
function readChosenOfficer(view: ViewOutput): string {
  return view.state.values[ASSIGN_INPUT.officerBlock]?.[ACTIONS.pickOfficer]?.selected_option?.value ?? "";
}

/**
 * "Assign officer" on an approved card: a modal with the agency's active roster; choosing an
 * officer shows whether dispatch would offer them the shift, and assigning one it would not needs
 * a reason, kept in the audit trail. The officer is texted and checks in like anyone else.
 */
export function registerAssignOfficer(app: App, deps: SlackListenerDeps): void {
  const actions = new SupervisorActions(deps.prisma);

  /** The verdict on one officer for the modal; null when the officer is not of this agency. */
  async function judge(requestId: string, officerId: string, agency: Parameters<typeof checkAssignment>[1]) {
    const facts = isRowId(officerId) ? await actions.loadAssignmentFacts(requestId, officerId) : null;
    return facts ? { facts, check: checkAssignment(facts, agency) } : null;
  }

  app.action<BlockAction>(ACTIONS.assign, async ({ ack, body, action, client }) => {
    await ack();
    const requestId = "value" in action ? (action.value ?? "") : "";
    const right = await authorizeOnRequest(deps, requestId, body.user.id, "assign");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
      return;
    }
    const { request, agency } = right;
    if (!["approved", "staffing"].includes(request.status)) {
      tellUser(deps.logger, client, {
        ...replyTarget(body),
        text: `Request #${request.number} is ${request.status.replace(/_/g, " ")}; no position is open. Nothing was changed.`,
      });
      return;
    }
    const roster = await actions.listRoster(agency.id);
    const view = renderAssignModal({
      privateMetadata: writeCardRef({ requestId: request.id, channel: body.channel?.id ?? null }),
      requestNumber: request.number,
      roster,
      chosen: null,
    });
    callSlackLater(deps.logger, "views.open", () => client.views.open({ trigger_id: body.trigger_id, view }));
  });

  // Choosing an officer in the modal: the modal is redrawn with dispatch's verdict on them.
  app.action<BlockAction<StaticSelectAction>>(ACTIONS.pickOfficer, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const ref: CardRef = readCardRef(body.view as ViewOutput);
    const right = await authorizeOnRequest(deps, ref.requestId, body.user.id, "assign");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { channel: ref.channel ?? body.user.id, user: body.user.id, text: right.text });
      return;
    }
    const officerId = action.selected_option.value;
    const judged = await judge(ref.requestId, officerId, right.agency);
    const roster = await actions.listRoster(right.agency.id);
    const view = renderAssignModal({
      privateMetadata: body.view.private_metadata,
      requestNumber: right.request.number,
      roster,
      chosen: { officerId, verdict: judged ? describeAssignmentCheck(judged.check) : ":no_entry: Not an officer of this agency." },
    });
    const { id, hash } = body.view;
    callSlackLater(deps.logger, "views.update", () => client.views.update({ view_id: id, hash, view }));
  });

  app.view<ViewSubmitAction>(MODALS.assign, async ({ ack, body, view, client }) => {
    const ref = readCardRef(view);
    const officerId = readChosenOfficer(view);
    const reason = view.state.values[ASSIGN_INPUT.overrideBlock]?.[ASSIGN_INPUT.overrideAction]?.value?.trim() ?? "";
    const answer = (text: string) =>
      tellUser(deps.logger, client, { channel: ref.channel ?? body.user.id, user: body.user.id, text });
    const right = await authorizeOnRequest(deps, ref.requestId, body.user.id, "assign");
    if (right.kind === "refused") {
      await ack();
      answer(right.text);
      return;
    }
    const judged = officerId ? await judge(ref.requestId, officerId, right.agency) : null;
    if (!judged) {
      await ack({ response_action: "errors", errors: { [ASSIGN_INPUT.officerBlock]: "Choose an officer from the roster." } });
      return;
    }
    const { facts, check } = judged;
    if (check.kind === "no_open_position") {
      await ack({ response_action: "errors", errors: { [ASSIGN_INPUT.officerBlock]: "No position of this request is open any more." } });
      return;
    }
    if (!check.eligibility.eligible && reason.length === 0) {
      await ack({
        response_action: "errors",
        errors: {
          [ASSIGN_INPUT.overrideBlock]: `Not eligible: ${INELIGIBLE_WORDS[check.eligibility.reason]}. Give a reason to assign anyway.`,
        },
      });
      return;
    }
    await ack();
    const at = deps.now();
    const ineligible = check.eligibility.eligible ? null : check.eligibility.reason;
    const override = ineligible === null ? null : { reason, ineligible };
    const outcome = await actions.assignOfficer({
      requestId: ref.requestId,
      positionId: check.positionId,
      officerId,
      by: body.user.id,
      override,
      at,
    });
    const who = describeRankedOfficer(facts.officer);
    switch (outcome.kind) {
      case "assigned": {
        const agency = right.agency;
        const when = formatShift(outcome.start.toISOString(), outcome.end.toISOString(), agency.timeZone, "en");
        const conversationId = await recordOfficerSms(deps.prisma, {
          agencyId: agency.id,
          from: agency.phoneNumbers[0] ?? "bot",
          to: facts.officer.phone,
          body: `${agency.name}: a supervisor assigned you to request #${outcome.number}, ${when}${outcome.where ? ` at ${outcome.where}` : ""}. Reply IN ${outcome.code} when you arrive, or DROP ${outcome.code} if you can't make it.`,
          marker: { action: "assignment.assigned_sms", entityType: "Assignment", entityId: outcome.assignmentId },
        });
        if (conversationId) await deps.queues.enqueueSms(conversationId, `assigned-${outcome.assignmentId}`);
        if (outcome.staffedNotice) {
          const { conversationId: customer, channel } = outcome.staffedNotice;
          await deps.queues.deliverToCustomer(customer, channel, `staffed-${ref.requestId}`);
        }
        if (outcome.staffed) await deps.queues.enqueueRequestStaffed(ref.requestId);
        await deps.queues.syncRequestCard(ref.requestId, `assign-${outcome.assignmentId}`);
        await deps.queues.postRequestNotice(
          ref.requestId,
          `assign-${outcome.assignmentId}`,
          `<@${body.user.id}> assigned ${escapeMrkdwn(who, 200)} to #${outcome.number}${
            ineligible === null ? "" : ` over dispatch's rules (${INELIGIBLE_WORDS[ineligible]}); reason: ${escapeMrkdwn(reason, 500)}`
          }${outcome.staffed ? "; every position is now filled" : ""}.`,
        );
        return;
      }
      case "position_taken":
        answer(`That position of #${outcome.number} was just filled. Nothing was changed; open the modal again for the next one.`);
        return;
      case "overlap":
        answer(`${who} already holds an off-duty shift at that time, and that is never overridden. Nothing was changed.`);
        return;
      case "not_staffing":
        answer(`Request #${outcome.number} is ${outcome.status.replace(/_/g, " ")}; no position is open. Nothing was changed.`);
        return;
      case "not_found":
        answer("This card's request no longer exists. Nothing was changed.");
    }
  });
}
