import type { types } from "@slack/bolt";
import { type Rank, rankTitle } from "../../core/agencies/index.ts";
import { truncateText } from "./escape-mrkdwn.ts";
import { PRIVATE_METADATA_MAX, plainText, TITLE_MAX } from "./render-modals.ts";
import { ACTIONS, ASSIGN_INPUT, MODALS } from "./slack-views.ts";

// Slack's limits: a static_select holds at most 100 options of at most 75 characters each.
const MAX_OPTIONS = 100;
const OPTION_TEXT_MAX = 75;
const REASON_MAX = 500;

export interface RosterEntry {
  id: string;
  firstName: string;
  lastName: string;
  badgeNumber: string;
  rank: Rank;
}

/**
 * Assign a named officer to an open position: a picker of the agency's active roster (choosing one
 * re-renders the modal with dispatch's verdict on them) and a reason, needed only to assign an
 * officer dispatch would not offer the shift to.
 */
export function renderAssignModal(input: {
  privateMetadata: string;
  requestNumber: number;
  roster: readonly RosterEntry[];
  /** The chosen officer and the verdict line (officer-eligibility.ts), once one is chosen. */
  chosen: { officerId: string; verdict: string } | null;
}): types.ModalView {
  if (input.privateMetadata.length > PRIVATE_METADATA_MAX) {
    throw new Error(`private_metadata is ${input.privateMetadata.length} characters, Slack allows ${PRIVATE_METADATA_MAX}`);
  }
  const options = input.roster.slice(0, MAX_OPTIONS).map((officer) => ({
    text: plainText(
      truncateText(`${rankTitle(officer.rank)} ${officer.firstName} ${officer.lastName} (#${officer.badgeNumber})`, OPTION_TEXT_MAX),
    ),
    value: officer.id,
  }));
  const initial = options.find((option) => option.value === input.chosen?.officerId);
  return {
    type: "modal",
    callback_id: MODALS.assign,
    private_metadata: input.privateMetadata,
    title: plainText(truncateText(`Assign to #${input.requestNumber}`, TITLE_MAX)),
    submit: plainText("Assign"),
    close: plainText("Cancel"),
    blocks: [
      {
        type: "input",
        block_id: ASSIGN_INPUT.officerBlock,
        // Choosing an officer is sent at once, so the verdict below is shown before submitting.
        dispatch_action: true,
        label: plainText("Officer"),
        element: {
          type: "static_select",
          action_id: ACTIONS.pickOfficer,
          placeholder: plainText("Choose from the active roster"),
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      },
      {
        type: "section",
        block_id: ASSIGN_INPUT.eligibilityBlock,
        text: {
          type: "mrkdwn",
          text: input.chosen?.verdict ?? "Choose an officer to see whether dispatch would offer them this shift.",
        },
      },
      {
        type: "input",
        block_id: ASSIGN_INPUT.overrideBlock,
        optional: true,
        label: plainText("Reason to override (only when not eligible)"),
        hint: plainText("Kept in the audit trail with your name."),
        element: { type: "plain_text_input", action_id: ASSIGN_INPUT.overrideAction, multiline: true, max_length: REASON_MAX },
      },
    ],
  };
}
