import { DateTime } from "luxon";
import { formatPhone } from "../../core/intake/index.ts";
import { assertNever } from "../../core/shared/index.ts";
import { describeStatus } from "./render-request-card.ts";
import { escapeMrkdwn, mentionUser } from "./escape-mrkdwn.ts";
import { ACTIONS, type DispatchThreadView, type TranscriptLine } from "./slack-views.ts";

// Slack rejects a section whose text exceeds 3000 characters.
const SECTION_TEXT_MAX = 3000;
// One message is cut so a long one still leaves room for the lines around it.
const LINE_BODY_MAX = 1000;
const RELAYED_BODY_MAX = 2500;

const CHANNEL_NAMES = { sms: "SMS", voice: "phone call", web: "web chat" } as const;

/**
 * Who the customer is, so a dispatcher taking over knows whom they talk to: name and organization
 * (as far as given), the phone or email a web chat customer gave (not verified) and their requests
 * with the agency, newest start first.
 */
export interface DispatchCustomerView {
  name: string | null;
  organization: string | null;
  phone: string | null;
  email: string | null;
  requests: { number: number; status: string; start: Date }[];
}

/**
 * The root message of a dispatcher thread: who, why, who holds it, the recent transcript, and the
 * one button that fits the holder (take over from the bot, or hand back to it).
 */
export function renderDispatchThreadRoot(
  view: DispatchThreadView,
  transcript: TranscriptLine[],
  customer: DispatchCustomerView | null = null,
): { text: string; blocks: object[] } {
  const agency = escapeMrkdwn(view.agencyName, 150);
  const status =
    view.holder === "bot"
      ? "Waiting for a dispatcher"
      : `Held by ${view.holderId === null ? "a dispatcher" : mentionUser(view.holderId)}`;
  const button =
    view.holder === "bot"
      ? {
          type: "button",
          action_id: ACTIONS.takeOver,
          text: plainText("Take over"),
          value: view.conversationId,
          style: "primary",
        }
      : {
          type: "button",
          action_id: ACTIONS.handBack,
          text: plainText("Hand back"),
          value: view.conversationId,
        };
  return {
    text: `${customer?.name ? `${escapeMrkdwn(customer.name, 100)} needs` : "Customer needs"} a dispatcher — ${agency}: ${describeReason(view.reason)}`,
    blocks: [
      {
        type: "section",
        text: mrkdwn(`:rotating_light: *Customer needs a dispatcher — ${agency}*`),
        fields: [
          mrkdwn(`*Customer*\n${describeWho(view, customer)}`),
          mrkdwn(`*Reason*\n${describeReason(view.reason)}`),
          mrkdwn(`*Status*\n${status}`),
          ...(customer === null ? [] : [mrkdwn(`*Requests*\n${describeRequests(customer, view.timeZone)}`)]),
        ],
      },
      { type: "section", text: mrkdwn(fitTranscript(transcript, view.timeZone, SECTION_TEXT_MAX)) },
      { type: "actions", block_id: "dispatch_actions", elements: [button] },
    ],
  };
}

/**
 * "Maria Lopez, Desert Bloom Events (web chat)" and how to reach them. A web chat id reaches
 * nobody, so it is shown only when nothing else is known, and then as the chat's id.
 */
function describeWho(view: DispatchThreadView, customer: DispatchCustomerView | null): string {
  if (customer === null) return `${escapeMrkdwn(view.participant, 100)} (${CHANNEL_NAMES[view.channel]})`;
  const named = [customer.name, customer.organization].filter((part) => part !== null);
  const lines = [
    `${named.length > 0 ? named.map((part) => escapeMrkdwn(part, 100)).join(", ") : "Name not given"} (${CHANNEL_NAMES[view.channel]})`,
  ];
  if (view.channel !== "web") lines.push(escapeMrkdwn(view.participant, 100));
  else {
    const given = [customer.phone ? `mobile ${formatPhone(customer.phone)}` : null, customer.email ? `email ${escapeMrkdwn(customer.email, 100)}` : null]
      .filter((part) => part !== null);
    lines.push(given.length > 0 ? `${given.join(", ")} (given, not verified)` : `no phone or email given; chat ${escapeMrkdwn(view.participant, 100)}`);
  }
  return lines.join("\n");
}

/** "#1001 approved, Sat Dec 5", one a line; "none yet". */
function describeRequests(customer: DispatchCustomerView, timeZone: string): string {
  const { requests } = customer;
  if (requests.length === 0) return "none yet";
  return requests
    .map((r) => `#${r.number} ${describeStatus(r.status)}, ${DateTime.fromJSDate(r.start, { zone: timeZone }).setLocale("en-US").toFormat("ccc LLL d")}`)
    .join("\n");
}

/** "`6:02 PM` *Customer:* text", one line per message, times in the agency's zone. */
export function renderTranscript(lines: TranscriptLine[], timeZone: string): string {
  return lines.map((line) => renderTranscriptLine(line, timeZone)).join("\n");
}

/** A customer's message as posted into the dispatcher thread, with links to any attachments. */
export function renderRelayedCustomerMessage(body: string, mediaUrls: string[]): string {
  const text = body.trim() === "" ? "_(no text)_" : escapeMrkdwn(body.trim(), RELAYED_BODY_MAX);
  const links = mediaUrls.slice(0, 10).map((url, index) => renderLink(url, `attachment ${index + 1}`));
  return [`*Customer:* ${text}`, ...links].join("\n");
}

function describeReason(reason: DispatchThreadView["reason"]): string {
  switch (reason) {
    case "asked_for_agent":
      return "Asked for a person";
    case "misunderstood":
      return "The bot could not understand them";
    case "voicemail":
      return "Left a voicemail";
    case "flagged":
      return "Flagged for a person to review";
    default:
      return assertNever(reason, "escalation reason");
  }
}

/**
 * The transcript under a title, keeping the most recent lines that fit in `maxChars` and saying
 * how many earlier ones were left out: the dispatcher needs the latest words first.
 */
function fitTranscript(lines: TranscriptLine[], timeZone: string, maxChars: number): string {
  const title = "*Transcript*";
  if (lines.length === 0) return `${title}\n_No messages yet._`;
  const rendered = lines.map((line) => renderTranscriptLine(line, timeZone));
  // Room for the title and the "… N earlier messages" note, whatever N is.
  const budget = maxChars - title.length - 40;
  const kept: string[] = [];
  let length = -1;
  for (let index = rendered.length - 1; index >= 0; index--) {
    const line = rendered[index]!;
    if (length + 1 + line.length > budget) break;
    kept.unshift(line);
    length += 1 + line.length;
  }
  const earlier = rendered.length - kept.length;
  const note = earlier === 0 ? [] : [`_… ${earlier} earlier message${earlier === 1 ? "" : "s"}_`];
  return [title, ...note, ...kept].join("\n");
}

function renderTranscriptLine(line: TranscriptLine, timeZone: string): string {
  const time = DateTime.fromJSDate(line.at, { zone: timeZone }).setLocale("en-US").toFormat("h:mm a");
  const who = line.direction === "inbound" ? "Customer" : "DetailDesk";
  // One message per line: its own line breaks would blur where the next message starts.
  const flat = line.body.replace(/\s+/g, " ").trim();
  const parts = flat === "" ? [] : [escapeMrkdwn(flat, LINE_BODY_MAX)];
  if (line.mediaUrl) parts.push(renderLink(line.mediaUrl, "recording"));
  return `\`${time}\` *${who}:* ${parts.length === 0 ? "_(no text)_" : parts.join(" ")}`;
}

/** A Slack link for an http(s) address; anything else is shown as escaped text, never as markup. */
function renderLink(url: string, label: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return escapeMrkdwn(url, 200);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return escapeMrkdwn(url, 200);
  // `|` and `>` end the address part of Slack's `<url|label>`, so they are percent-encoded.
  const href = parsed.href
    .replace(/\|/g, "%7C")
    .replace(/>/g, "%3E")
    .replace(/</g, "%3C")
    .replace(/&/g, "&amp;");
  return `<${href}|${label}>`;
}

function plainText(text: string): { type: "plain_text"; text: string; emoji: true } {
  return { type: "plain_text", text, emoji: true };
}

function mrkdwn(text: string): { type: "mrkdwn"; text: string } {
  return { type: "mrkdwn", text };
}
