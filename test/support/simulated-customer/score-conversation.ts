import { DateTime } from "luxon";
import { getAgency } from "../../../agencies/load-agencies.ts";
import { type PersonaAddress, SCREENING_FLAG_NAMES } from "./persona.ts";
import { foldText } from "./read-bot-reply.ts";
import type { ConversationRun } from "./run-conversation.ts";

export interface SlotCheck {
  slot: string;
  expected: string;
  got: string;
  right: boolean;
}

export interface ConversationScore {
  checks: SlotCheck[];
  stateRight: boolean;
}

const STREET_WORDS: Record<string, string> = {
  street: "st",
  avenue: "ave",
  av: "ave",
  boulevard: "blvd",
  road: "rd",
  drive: "dr",
  lane: "ln",
  parkway: "pkwy",
  highway: "hwy",
  freeway: "fwy",
  court: "ct",
  place: "pl",
  circle: "cir",
  trail: "trl",
  east: "e",
  west: "w",
  north: "n",
  south: "s",
};
const SUFFIXES = new Set(["st", "ave", "blvd", "rd", "dr", "ln", "pkwy", "hwy", "fwy", "ct", "pl", "cir", "trl", "way"]);

function normalizeLine(line: string): string[] {
  return foldText(line)
    .replace(/[.,#]/g, " ")
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => STREET_WORDS[word] ?? word);
}

/** Same street line, ignoring case, abbreviations and a missing street suffix ("E Broadway" vs "E Broadway Blvd"). */
export function sameStreetLine(expected: string, got: string): boolean {
  const a = normalizeLine(expected);
  const b = normalizeLine(got);
  const withoutSuffix = (words: string[]) => (SUFFIXES.has(words.at(-1) ?? "") ? words.slice(0, -1) : words);
  return a.join(" ") === b.join(" ") || withoutSuffix(a).join(" ") === withoutSuffix(b).join(" ");
}

const squash = (text: string) =>
  foldText(text)
    .replace(/[.,'!]/g, "")
    .replace(/\s+/g, " ")
    .trim();

const show = (value: unknown): string => (value === undefined ? "—" : value === null ? "null" : String(value));

/**
 * Compares the conversation's final request with the persona's truth, slot by slot. For a
 * conversation that must end refused, a slot the bot never collected is not counted (a refusal
 * may come early), but the screening flags that cause the refusal always are.
 */
export function scoreConversation(run: ConversationRun): ConversationScore {
  const { truth } = run.persona;
  const agency = getAgency(truth.agencyId);
  if (!agency) throw new Error(`unknown agency ${truth.agencyId}`);
  const { request } = run.final;
  const slots = run.slots;
  const refused = truth.finalState === "refused";
  const checks: SlotCheck[] = [];
  const check = (slot: string, expected: unknown, got: unknown, right: boolean, collected = true) => {
    if (refused && !collected) return;
    checks.push({ slot, expected: show(expected), got: show(got), right });
  };

  const local = (iso: string | null, format: string) =>
    iso ? DateTime.fromISO(iso).setZone(agency.timeZone).toFormat(format) : null;
  const date = request.start ? local(request.start, "yyyy-MM-dd") : (("date" in request ? request.date : null) ?? null);
  const start = request.start ? local(request.start, "HH:mm") : (("startTime" in request ? request.startTime : null) ?? null);
  const end = request.end ? local(request.end, "HH:mm") : (("endTime" in request ? request.endTime : null) ?? null);
  check("date", truth.date, date, date === truth.date, slots.date !== null);
  check("start", truth.start, start, start === truth.start, slots.startTime !== null);
  check("end", truth.end, end, end === truth.end, slots.endTime !== null || slots.durationMinutes !== null);

  const address = request.address as PersonaAddress | undefined;
  const city = address ? (address.city ?? agency.city) : undefined;
  check("address.line1", truth.address.line1, address?.line1, address ? sameStreetLine(truth.address.line1, address.line1) : false, slots.address !== null);
  check("address.city", truth.address.city, city, city !== undefined && squash(city) === squash(truth.address.city), slots.address !== null);

  check("officers", truth.officers, request.officers, request.officers === truth.officers, slots.officers !== null);
  check("vehicles", truth.vehicles, request.vehicles, request.vehicles === truth.vehicles, slots.vehicles !== null);
  if (truth.vehicles > 0 && agency.vehicle.mileageCentsPerMile !== null) {
    check("vehicleMiles", truth.vehicleMiles, request.vehicleMiles, request.vehicleMiles === truth.vehicleMiles, slots.vehicleMiles !== null);
  }

  const asked = new Set(agency.prohibitedWork.map((rule) => rule.flag));
  for (const flag of SCREENING_FLAG_NAMES) {
    if (!asked.has(flag) && !truth.flags[flag]) continue;
    const got = request.flags[flag];
    check(`flags.${flag}`, truth.flags[flag], got, got === truth.flags[flag], slots.flags[flag] !== null || truth.flags[flag]);
  }

  const job = request.eventType ?? null;
  const jobFolded = job ? foldText(job) : "";
  const jobRight = truth.job.keywords.every((group) => group.split("|").some((word) => jobFolded.includes(foldText(word))));
  check("job", truth.job.keywords.join(" + "), job, jobRight, slots.eventType !== null);

  const name = request.customer.name;
  check("name", truth.name, name, name !== null && squash(name) === squash(truth.name), slots.customerName !== null);
  const organization = request.customer.organization;
  const organizationRight =
    truth.organization === null
      ? organization === null
      : organization !== null && squash(organization) === squash(truth.organization);
  check("organization", truth.organization ?? "none", organization ?? "none", organizationRight, slots.organization !== null);

  if (!refused) {
    const postOrders = run.final.postOrders;
    const postOrdersRight =
      truth.postOrders === null
        ? postOrders === null || postOrders === ""
        : postOrders !== null && squash(postOrders).includes(squash(truth.postOrders));
    check("postOrders", truth.postOrders ?? "none", postOrders === "" ? "none" : postOrders, postOrdersRight);
  }
  check("language", truth.language, request.language, request.language === truth.language);

  return { checks, stateRight: run.final.state === truth.finalState };
}
