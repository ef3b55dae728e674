import type { types } from "@slack/bolt";
import type { AgencyConfig, Rank } from "../../core/agencies/index.ts";
import { formatEntry, type RosterEntry, type RosterField } from "../../core/roster/index.ts";
import { rankTitle } from "../../core/agencies/index.ts";
import { truncateText } from "./escape-mrkdwn.ts";
import { plainText, TITLE_MAX } from "./render-modals.ts";

/** Action ids of the roster buttons and the modal's callback: a contract with Slack. */
export const ROSTER_ACTIONS = {
  /** "Add officer" under `/detail roster` (value: the agency id). */
  add: "roster_add_officer",
  /** "Edit" under `/detail officer` (value: the officer id). */
  edit: "roster_edit_officer",
  modal: "roster_officer_modal",
} as const;

/** Block id of each roster field's input (its action id is `value`); yes/no fields share `flags`. */
export const ROSTER_INPUT: Record<Exclude<RosterField, "lives_in_city" | "cso" | "active">, string> & { flags: string; action: "value" } = {
  badge: "roster_badge",
  first_name: "roster_first_name",
  last_name: "roster_last_name",
  phone: "roster_phone",
  rank: "roster_rank",
  seniority_date: "roster_seniority_date",
  assigned_vehicle: "roster_vehicle",
  flags: "roster_flags",
  action: "value",
};

/** What the modal carries between open and submit (private_metadata, JSON). */
export interface RosterModalRef {
  agencyId: string;
  /** Null when adding an officer. */
  officerId: string | null;
  /** Where to confirm the change (the command's channel), else the user's DM. */
  channel: string | null;
}

const FLAG_NAMES = { lives_in_city: "Lives in the city", cso: "Community service officer (civilian)", active: "Active (untick to deactivate)" } as const;

/** Add or edit one officer: the modal every roster field is typed in, prefilled when editing. */
export function renderRosterModal(input: { agency: AgencyConfig; officer: RosterEntry | null; ref: RosterModalRef }): types.ModalView {
  const values = input.officer ? formatEntry(input.officer) : null;
  const { action } = ROSTER_INPUT;
  const text = (block: string, label: string, initial: string | undefined, options: { optional?: boolean; hint?: string; max?: number } = {}) => ({
    type: "input" as const,
    block_id: block,
    label: plainText(label),
    optional: options.optional ?? false,
    ...(options.hint ? { hint: plainText(options.hint) } : {}),
    element: {
      type: "plain_text_input" as const,
      action_id: action,
      max_length: options.max ?? 60,
      ...(initial ? { initial_value: initial } : {}),
    },
  });
  const rankOption = (rank: Rank) => ({ text: plainText(rankTitle(rank)), value: rank });
  const flagOption = (flag: keyof typeof FLAG_NAMES) => ({ text: plainText(FLAG_NAMES[flag]), value: flag });
  const ticked = (Object.keys(FLAG_NAMES) as (keyof typeof FLAG_NAMES)[]).filter((flag) => (values ? values[flag] === "yes" : flag === "active"));
  const title = input.officer ? `Edit ${input.officer.firstName} ${input.officer.lastName}` : "Add officer";
  return {
    type: "modal",
    callback_id: ROSTER_ACTIONS.modal,
    private_metadata: JSON.stringify(input.ref),
    title: plainText(truncateText(title, TITLE_MAX)),
    submit: plainText("Save"),
    close: plainText("Cancel"),
    blocks: [
      text(ROSTER_INPUT.first_name, "First name", values?.first_name),
      text(ROSTER_INPUT.last_name, "Last name", values?.last_name),
      text(ROSTER_INPUT.badge, "Badge number", values?.badge, { max: 20 }),
      text(ROSTER_INPUT.phone, "Mobile phone", values?.phone, { hint: "Offers are texted here, e.g. 520-555-0123 or +15205550123.", max: 24 }),
      {
        type: "input",
        block_id: ROSTER_INPUT.rank,
        label: plainText("Rank"),
        element: {
          type: "static_select",
          action_id: action,
          options: input.agency.ranks.map(rankOption),
          ...(values ? { initial_option: rankOption(values.rank as Rank) } : {}),
        },
      },
      {
        type: "input",
        block_id: ROSTER_INPUT.seniority_date,
        label: plainText("Seniority date"),
        hint: plainText("Earlier dates are offered shifts first when hours are equal."),
        element: { type: "datepicker", action_id: action, ...(values ? { initial_date: values.seniority_date } : {}) },
      },
      text(ROSTER_INPUT.assigned_vehicle, "Assigned police vehicle", values?.assigned_vehicle, { optional: true, hint: "Leave empty when the officer has none.", max: 40 }),
      {
        type: "input",
        block_id: ROSTER_INPUT.flags,
        label: plainText("Status"),
        optional: true,
        element: {
          type: "checkboxes",
          action_id: action,
          options: (Object.keys(FLAG_NAMES) as (keyof typeof FLAG_NAMES)[]).map(flagOption),
          ...(ticked.length > 0 ? { initial_options: ticked.map(flagOption) } : {}),
        },
      },
    ],
  };
}
