import type { types } from "@slack/bolt";
import { type AgencyConfig, type Rank, rankTitle } from "../../core/agencies/index.ts";
import { escapeMrkdwn } from "./escape-mrkdwn.ts";
import { renderOfficerReply } from "./render-command-replies.ts";
import { plainText } from "./render-modals.ts";
import { ROSTER_ACTIONS } from "./render-roster-modal.ts";
import type { OfficerView } from "./slack-views.ts";

/** A `/detail` answer with buttons: the text is what notifications and screen readers get. */
export interface BlocksAnswer {
  text: string;
  blocks: types.KnownBlock[];
}

const RANK_ORDER: Rank[] = ["officer", "sergeant", "commander"];

/** `/detail roster`: the roster in one paragraph, and "Add officer" for those who keep it. */
export function renderRosterSummary(
  agency: AgencyConfig,
  summary: { byRank: { rank: Rank; count: number }[]; inactive: number; paused: number; quiet: number },
  canEdit: boolean,
): BlocksAnswer {
  const active = summary.byRank.reduce((sum, r) => sum + r.count, 0);
  const ranks = RANK_ORDER.flatMap((rank) => {
    const count = summary.byRank.find((r) => r.rank === rank)?.count ?? 0;
    return count > 0 ? [`${count} ${rankTitle(rank).toLowerCase()}${count === 1 ? "" : "s"}`] : [];
  });
  const text = [
    `*${escapeMrkdwn(agency.name, 80)} roster*: ${active} active${ranks.length > 0 ? ` (${ranks.join(", ")})` : ""}, ${summary.inactive} inactive.`,
    `${summary.paused} paused their offers (PAUSE); ${summary.quiet} set quiet hours.`,
    "Look one up with `/detail officer <name or phone>`.",
  ].join("\n");
  const blocks: types.KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text } }];
  if (canEdit) {
    blocks.push({
      type: "actions",
      block_id: "roster_actions",
      elements: [{ type: "button", action_id: ROSTER_ACTIONS.add, text: plainText("Add officer"), value: agency.id, style: "primary" }],
    });
  }
  return { text, blocks };
}

/** `/detail officer`: renderOfficerReply's text, with an "Edit" button per officer for those who keep the roster. */
export function renderOfficerAnswer(officers: OfficerView[], timeZone: string, canEdit: boolean): BlocksAnswer | string {
  const text = renderOfficerReply(officers, timeZone);
  if (!canEdit || officers.length === 0) return text;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      {
        type: "actions",
        block_id: "officer_actions",
        elements: officers.map((officer) => ({
          type: "button" as const,
          action_id: `${ROSTER_ACTIONS.edit}_${officer.id}`,
          text: plainText(`Edit ${officer.name}`.slice(0, 75)),
          value: officer.id,
        })),
      },
    ],
  };
}
