import type { types } from "@slack/bolt";
import { escapeMrkdwn } from "./escape-mrkdwn.ts";
import { describeCustomer, summarizeRequest } from "./render-request-card.ts";
import type { RequestCardView } from "./slack-views.ts";

// Slack allows 100 blocks in a home tab; 20 requests keep it short enough to scan.
const MAX_LISTED = 20;

/** The App Home tab of agency staff: the requests of their agency waiting for approval. */
export function renderAppHome(
  agencyName: string | null,
  pending: RequestCardView[],
): { type: "home"; blocks: types.KnownBlock[] } {
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "Pending approvals", emoji: true } },
  ];
  if (agencyName === null) {
    blocks.push(
      section("You are not a configured supervisor, chief's designee or dispatcher of any agency, so no approvals are shown here."),
    );
    return { type: "home", blocks };
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(agencyName, 150) }] });
  if (pending.length === 0) {
    blocks.push(section("Nothing waiting for approval."));
    return { type: "home", blocks };
  }
  for (const view of pending.slice(0, MAX_LISTED)) {
    blocks.push(section(`${summarizeRequest(view)}\n${describeCustomer(view)}`));
  }
  const more = pending.length - MAX_LISTED;
  if (more > 0) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `…and ${more} more waiting; \`/detail pending\` lists more.` }],
    });
  }
  return { type: "home", blocks };
}

function section(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}
