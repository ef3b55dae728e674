import type { ExpectedSlot } from "../understanding/index.ts";
import type { Question } from "./intake-state.ts";

/** What the parser should expect after the bot asked `question`. */
export function toExpectedSlot(question: Question | null): ExpectedSlot | null {
  switch (question) {
    case null:
    case "whatToChange":
    case "screening":
    // Read by the intake itself (read-site-contact.ts): a name and a phone number.
    case "siteContact":
      return null;
    case "confirmChange":
      return "confirmation";
    case "dropVehicles":
    case "confirmation":
      return "confirmation";
    case "cancelConfirmation":
      return "cancel_confirmation";
    default:
      return question;
  }
}
