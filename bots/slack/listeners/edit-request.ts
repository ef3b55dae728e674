import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import type { Category } from "../../../core/agencies/index.ts";
import { quoteRequest } from "../../../core/pricing/index.ts";
import { QuoteRequestSchema } from "../../../core/requests/index.ts";
import { EDITABLE_STATUSES, planPositionChanges, RequestAmendments } from "../../../prisma/repositories/request-amendments.ts";
import { pickLanguage } from "../customer-notice-texts.ts";
import { type AmendmentSides, AMENDMENT_QUESTION, composeAmendmentNotice, describeAmendmentChanges, isSameShift } from "../describe-amendment.ts";
import { escapeMrkdwn } from "../escape-mrkdwn.ts";
import { readEditModal } from "../read-edit-modal.ts";
import { EDIT_INPUT, renderEditModal } from "../render-edit-modal.ts";
import { ACTIONS, MODALS } from "../slack-views.ts";
import { authorizeOnRequest } from "../staff-authority.ts";
import { readCardRef, writeCardRef } from "./card-modal.ts";
import { callSlackLater, replyTarget, type SlackListenerDeps, tellUser } from "./listener-deps.ts";

const isEditable = (status: string) => (EDITABLE_STATUSES as readonly string[]).includes(status);
const MINUTE_MS = 60_000;
/** The stored instant when the modal shows the same minute (its pickers have no seconds), else the modal's. */
const keepIfSameMinute = (chosen: Date, stored: string): string =>
  Math.floor(Date.parse(stored) / MINUTE_MS) === Math.floor(chosen.getTime() / MINUTE_MS) ? stored : chosen.toISOString();
const errorsOf = (errors: Record<string, string>) => ({ response_action: "errors" as const, errors });

/**
 * "Edit request" on an approved card, for the request's approvers: officer count, times and rate
 * column in a modal; submitting re-quotes and texts the customer the change and new total for a
 * YES (the intake applies it, see core/intake/amendment.ts). An edit that would release an
 * assigned officer, or move the times of assigned officers, is refused in the modal.
 */
export function registerEditRequest(app: App, deps: SlackListenerDeps): void {
  const amendments = new RequestAmendments(deps.prisma);

  app.action<BlockAction<ButtonAction>>(ACTIONS.edit, async ({ ack, body, action, client }) => {
    await ack();
    const right = await authorizeOnRequest(deps, action.value ?? "", body.user.id, "edit");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
      return;
    }
    const facts = await amendments.loadEditFacts(right.request.id);
    if (!facts || !isEditable(facts.status)) {
      await deps.queues.syncRequestCard(right.request.id, `stale-${deps.now().getTime()}`);
      tellUser(deps.logger, client, {
        ...replyTarget(body),
        text: `Request #${right.request.number} is ${right.request.status.replace(/_/g, " ")} and can't be edited here. Nothing was changed.`,
      });
      return;
    }
    const view = renderEditModal({
      privateMetadata: writeCardRef({ requestId: facts.id, channel: body.channel?.id ?? null }),
      requestNumber: facts.number,
      agency: right.agency,
      values: {
        officers: facts.stored.officers,
        start: new Date(facts.stored.start),
        end: new Date(facts.stored.end),
        category: facts.stored.category,
      },
    });
    callSlackLater(deps.logger, "views.open", () => client.views.open({ trigger_id: body.trigger_id, view }));
  });

  app.view<ViewSubmitAction>(MODALS.edit, async ({ ack, body, view, client }) => {
    const ref = readCardRef(view);
    const answer = (text: string) => tellUser(deps.logger, client, { channel: ref.channel ?? body.user.id, user: body.user.id, text });
    const right = await authorizeOnRequest(deps, ref.requestId, body.user.id, "edit");
    if (right.kind === "refused") {
      await ack();
      answer(right.text);
      return;
    }
    const { agency } = right;
    const facts = await amendments.loadEditFacts(ref.requestId);
    if (!facts || !isEditable(facts.status)) {
      await ack();
      answer(`Request #${right.request.number} is ${right.request.status.replace(/_/g, " ")} and can't be edited here. Nothing was changed.`);
      return;
    }
    const at = deps.now();
    const input = readEditModal(view, agency.timeZone, at);
    if (input.kind === "errors") {
      await ack(errorsOf(input.errors));
      return;
    }
    const parsed = QuoteRequestSchema.safeParse({
      ...facts.stored,
      officers: input.officers,
      start: keepIfSameMinute(input.start, facts.stored.start),
      end: keepIfSameMinute(input.end, facts.stored.end),
      category: input.category,
    });
    if (!parsed.success) {
      const vehicles = parsed.error.issues.some((issue) => issue.path[0] === "vehicles");
      await ack(
        errorsOf({
          [EDIT_INPUT.officers]: vehicles
            ? `The booking has ${facts.stored.vehicles} vehicles: keep at least that many officers.`
            : parsed.error.issues.map((issue) => issue.message).join("; "),
        }),
      );
      return;
    }
    const amended = parsed.data;
    const quote = quoteRequest(amended, agency);
    const before: AmendmentSides = { ...facts.stored, totalCents: facts.totalCents };
    const after: AmendmentSides = { ...amended, category: amended.category as Category, totalCents: quote.totalCents };
    const language = pickLanguage(facts.conversation?.language);
    const changes = describeAmendmentChanges(before, after, agency.timeZone, language);
    if (changes.length === 0) {
      await ack(errorsOf({ [EDIT_INPUT.officers]: "Nothing was changed: change the officers, the times or the rate column." }));
      return;
    }
    const plan = planPositionChanges(facts.positions, quote.positions);
    if (plan.kind === "assigned") {
      await ack(
        errorsOf({
          [EDIT_INPUT.officers]: `${plan.filled} ${plan.rank} position${plan.filled === 1 ? " is" : "s are"} filled, so this request keeps at least that many (this edit would leave ${plan.wanted}). Ask an officer to DROP first.`,
        }),
      );
      return;
    }
    if (!isSameShift(before, after) && facts.positions.some((p) => p.status === "filled")) {
      await ack(
        errorsOf({ [EDIT_INPUT.start]: "Officers are assigned at the booked times, so the times can't change here. Cancel and rebook, or change only the count or rate column." }),
      );
      return;
    }
    if (quote.screening.decision === "reject") {
      const reasons = quote.screening.reasons.filter((r) => r.decision === "reject").map((r) => r.message).join(" ");
      await ack(errorsOf({ [EDIT_INPUT.officers]: `This change can't be booked: ${reasons}` }));
      return;
    }
    await ack();

    const conversation = facts.conversation;
    const channel = conversation && conversation.channel !== "voice" ? conversation.channel : null;
    const { amendmentId } = await amendments.propose({
      requestId: facts.id,
      agencyId: facts.agencyId,
      by: body.user.id,
      request: amended,
      quote,
      previousTotalCents: facts.totalCents,
      changes: describeAmendmentChanges(before, after, agency.timeZone, "en"),
      notice:
        conversation && channel
          ? {
              conversationId: conversation.id,
              channel,
              body: composeAmendmentNotice({ number: facts.number, changes, before, after, language }),
              question: AMENDMENT_QUESTION[language],
              requestNumber: facts.number,
            }
          : null,
      at,
    });
    if (conversation && channel) await deps.queues.deliverToCustomer(conversation.id, channel, `amendment-${amendmentId}`);
    const englishChanges = describeAmendmentChanges(before, after, agency.timeZone, "en").join("; ");
    const newTotal = `$${(quote.totalCents / 100).toFixed(2)}`;
    await deps.queues.postRequestNotice(
      facts.id,
      `amendment-${amendmentId}`,
      `<@${body.user.id}> proposed a change to #${facts.number}: ${escapeMrkdwn(englishChanges, 1_000)}; new total ${newTotal}. ${
        channel ? "The customer was asked to reply YES or NO; the booking is unchanged until they accept." : "The customer has no text or chat channel (they called in): call them to agree it."
      }`,
    );
    if (!channel) {
      answer(`Request #${facts.number} was booked by phone, so the customer can't be texted: call them about the change (new total ${newTotal}). Nothing changes until it is accepted.`);
    }
  });
}
