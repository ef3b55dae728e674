import type { types } from "@slack/bolt";
import { DateTime } from "luxon";
import { type AgencyConfig, CATEGORIES, type Category } from "../../core/agencies/index.ts";
import { truncateText } from "./escape-mrkdwn.ts";
import { PRIVATE_METADATA_MAX, plainText, TITLE_MAX } from "./render-modals.ts";
import { MODALS } from "./slack-views.ts";

/** Block ids of the edit modal's inputs; each input's action id is `value`. */
export const EDIT_INPUT = {
  officers: "edit_officers",
  date: "edit_date",
  start: "edit_start",
  end: "edit_end",
  category: "edit_category",
  action: "value",
} as const;

const CATEGORY_NAMES: Record<Category, string> = {
  regular: "Regular",
  major_event: "Major event",
  critical_need: "Critical need",
};

/**
 * Rate columns a supervisor can choose: those the agency's rate card publishes for any rank (an
 * agency with only `regular` prices every category from it), plus the request's own.
 */
export function listRateColumns(agency: AgencyConfig, current: Category): Category[] {
  const published = new Set<string>(Object.values(agency.rates).flatMap((columns) => Object.keys(columns ?? {})));
  return CATEGORIES.filter((category) => published.has(category) || category === current);
}

export const describeCategory = (category: Category): string => CATEGORY_NAMES[category];

/** What the modal shows first: the request as booked, in the agency's time zone. */
export interface EditModalValues {
  officers: number;
  start: Date;
  end: Date;
  category: Category;
}

/**
 * "Edit request": officer count, the shift's date and times (agency time zone) and the rate
 * column, prefilled; submitting re-quotes and asks the customer to accept the new total.
 */
export function renderEditModal(input: {
  privateMetadata: string;
  requestNumber: number;
  agency: AgencyConfig;
  values: EditModalValues;
}): types.ModalView {
  if (input.privateMetadata.length > PRIVATE_METADATA_MAX) {
    throw new Error(`private_metadata is ${input.privateMetadata.length} characters, Slack allows ${PRIVATE_METADATA_MAX}`);
  }
  const zone = input.agency.timeZone;
  const start = DateTime.fromJSDate(input.values.start, { zone });
  const end = DateTime.fromJSDate(input.values.end, { zone });
  const option = (category: Category) => ({ text: plainText(describeCategory(category)), value: category });
  const { action } = EDIT_INPUT;
  return {
    type: "modal",
    callback_id: MODALS.edit,
    private_metadata: input.privateMetadata,
    title: plainText(truncateText(`Edit request #${input.requestNumber}`, TITLE_MAX)),
    submit: plainText("Send to customer"),
    close: plainText("Cancel"),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `The change is re-quoted and sent to the customer, who replies YES to accept it or NO to keep the booking. Times are ${zone}.`,
        },
      },
      {
        type: "input",
        block_id: EDIT_INPUT.officers,
        label: plainText("Officers"),
        element: { type: "plain_text_input", action_id: action, initial_value: String(input.values.officers), max_length: 3 },
      },
      {
        type: "input",
        block_id: EDIT_INPUT.date,
        label: plainText("Date"),
        element: { type: "datepicker", action_id: action, initial_date: start.toFormat("yyyy-MM-dd") },
      },
      {
        type: "input",
        block_id: EDIT_INPUT.start,
        label: plainText("Start time"),
        element: { type: "timepicker", action_id: action, initial_time: start.toFormat("HH:mm") },
      },
      {
        type: "input",
        block_id: EDIT_INPUT.end,
        label: plainText("End time"),
        hint: plainText("An end at or before the start is on the next day."),
        element: { type: "timepicker", action_id: action, initial_time: end.toFormat("HH:mm") },
      },
      {
        type: "input",
        block_id: EDIT_INPUT.category,
        label: plainText("Rate column"),
        element: {
          type: "static_select",
          action_id: action,
          options: listRateColumns(input.agency, input.values.category).map(option),
          initial_option: option(input.values.category),
        },
      },
    ],
  };
}
