import type { AgencyConfig } from "../agencies/index.ts";
import type { IntakeState } from "./intake-state.ts";
import { listUnansweredScreening } from "./next-question.ts";
import type { IntakeTexts } from "./texts.ts";

/**
 * The words of the pending question. Answers still missing that belong together are asked
 * together (date, times and address; officers and the job; name and organization; the site
 * contact and the officers' instructions), to save
 * round trips; the parser reads every slot a message gives, whatever was asked.
 */
export function describeQuestion(state: IntakeState, agency: AgencyConfig, t: IntakeTexts): string {
  const { slots } = state;
  const timesMissing = !slots.startTime && !slots.endTime && slots.durationMinutes === null;
  switch (state.question) {
    case null:
      return t.ask.date;
    case "date":
      if (timesMissing && !slots.address) return t.askTogether.whenWhere;
      return timesMissing ? t.askTogether.dateTimes : t.ask.date;
    case "start":
      return !slots.endTime && slots.durationMinutes === null ? t.askTogether.times : t.ask.start;
    case "officers":
      return slots.eventType ? t.ask.officers : t.askTogether.officersJob;
    case "customerName":
      return slots.organization === null ? t.askTogether.nameOrganization : t.ask.customerName;
    case "postOrders":
      return (slots.siteContactPhone ?? null) === null ? t.askTogether.siteContactPostOrders : t.ask.postOrders;
    case "siteContact":
      // A name without a number (or ME from web chat, where we have no number): the number only.
      return slots.siteContactName ? t.askSiteContactPhone(slots.siteContactName) : t.ask.siteContact;
    case "screening":
      return t.screeningQuestion(listUnansweredScreening(slots, agency).map((flag) => t.screeningItems[flag]));
    case "confirmation":
      return t.confirmPrompt;
    case "dropVehicles":
    case "cancelConfirmation":
    case "confirmChange":
      return t.yesNoHint;
    case "whatToChange":
      return t.askWhatToChange;
    default:
      return t.ask[state.question];
  }
}
