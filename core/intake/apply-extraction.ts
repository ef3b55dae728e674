import type { Extraction } from "../understanding/index.ts";
import type { Question } from "./intake-state.ts";
import { SCREENING_FLAGS, type SlotName, type Slots } from "./slots.ts";

export interface SlotChange {
  slot: SlotName;
  before: unknown;
  after: unknown;
}

/** Slot values to write; `flags` lists only the flags that change. */
export type SlotPatch = Omit<Partial<Slots>, "flags"> & { flags?: Partial<Slots["flags"]> };

/** A change the message would make, with the slot values that carry it out. */
export interface SlotWrite extends SlotChange {
  patch: SlotPatch;
}

export interface AppliedExtraction {
  /** What was written into the slots. */
  changes: SlotChange[];
  /** Answers that would replace an earlier one without the message being about it: asked first. */
  proposed: SlotWrite[];
}

const WHEN: readonly SlotName[] = ["date", "start", "end"];
const FLAGS: readonly SlotName[] = SCREENING_FLAGS;

/** The slots a question is about: an answer to it may replace what they held. */
const ABOUT: Partial<Record<Question, readonly SlotName[]>> = {
  date: WHEN,
  start: WHEN,
  end: WHEN,
  address: ["address"],
  officers: ["officers"],
  eventType: ["eventType", ...FLAGS],
  vehicles: ["vehicles", "vehicleMiles"],
  vehicleMiles: ["vehicles", "vehicleMiles"],
  dropVehicles: ["vehicles", "vehicleMiles"],
  screening: FLAGS,
  armedPrivateSecurity: FLAGS,
  civilLegalService: FLAGS,
  bodyguardOrBouncer: FLAGS,
  alcoholPrincipalBusiness: FLAGS,
  customerName: ["customerName", "organization"],
  organization: ["customerName", "organization"],
  postOrders: ["postOrders"],
  siteContact: ["siteContact"],
};

/**
 * Free-text answers: the words of a job description, a name or instructions never fill other slots
 * ("a Christmas party" is a job, not a date), unless the customer says they are correcting one.
 */
const FREE_TEXT_ANSWERS: ReadonlySet<Question> = new Set([
  "eventType",
  "customerName",
  "organization",
  "postOrders",
  "siteContact",
]);

const yesNo = (extraction: Extraction): boolean | null =>
  extraction.intent === "confirm" ? true : extraction.intent === "decline" ? false : null;

/**
 * Writes what the message said into the slots. A slot already answered changes only when the
 * message is about it (it answers the question about that slot, corrects it with a cue such as
 * "actually", or changes the summary); otherwise the change is proposed, for the bot to ask.
 */
export function applyExtraction(slots: Slots, extraction: Extraction, question: Question | null): AppliedExtraction {
  const changing = question === "confirmation" || question === "whatToChange" || extraction.correction === true;
  const about = new Set<SlotName>(ABOUT[question ?? "whatToChange"] ?? []);
  const freeText = !changing && question !== null && FREE_TEXT_ANSWERS.has(question);
  const changes: SlotChange[] = [];
  const proposed: SlotWrite[] = [];
  for (const write of listWrites(slots, extraction, question)) {
    if (freeText && !about.has(write.slot)) continue;
    if (isFilled(write.before) && !changing && !about.has(write.slot)) {
      proposed.push(write);
      continue;
    }
    applyWrite(slots, write);
    changes.push({ slot: write.slot, before: write.before, after: write.after });
  }
  return { changes, proposed };
}

export function applyWrite(slots: Slots, write: SlotWrite): void {
  const { flags, ...rest } = write.patch;
  Object.assign(slots, rest);
  if (flags) slots.flags = { ...slots.flags, ...flags };
}

function isFilled(value: unknown): boolean {
  return value !== null && value !== undefined;
}

/** Every slot value the message states that differs from what the slots hold. */
function listWrites(slots: Slots, extraction: Extraction, question: Question | null): SlotWrite[] {
  const writes: SlotWrite[] = [];
  const add = (slot: SlotName, before: unknown, after: unknown, patch: SlotPatch) => {
    if (JSON.stringify(before) !== JSON.stringify(after)) writes.push({ slot, before, after, patch });
  };
  const answer = yesNo(extraction);

  if (extraction.date) add("date", slots.date, extraction.date, { date: extraction.date });
  if (extraction.startTime) add("start", slots.startTime, extraction.startTime, { startTime: extraction.startTime });
  const endBefore = slots.endTime ?? slots.durationMinutes;
  if (extraction.endTime) {
    add("end", endBefore, extraction.endTime, { endTime: extraction.endTime, durationMinutes: null });
  } else if (extraction.durationMinutes !== null && extraction.durationMinutes > 0) {
    add("end", endBefore, extraction.durationMinutes, { durationMinutes: extraction.durationMinutes, endTime: null });
  }
  if (extraction.address) {
    const address = {
      line1: extraction.address.line1,
      city: extraction.address.city ?? slots.address?.city ?? null,
      state: extraction.address.state ?? slots.address?.state ?? null,
    };
    add("address", slots.address, address, { address });
  }
  if (extraction.officers !== null && extraction.officers > 0) {
    add("officers", slots.officers, extraction.officers, { officers: extraction.officers });
  }
  // "no armed security after all" says "security", which must not replace "store security".
  const vaguer = extraction.eventType !== null && slots.eventType?.includes(extraction.eventType) === true;
  if (extraction.eventType && !vaguer) {
    const category = extraction.category ?? slots.category ?? "regular";
    add("eventType", slots.eventType, extraction.eventType, { eventType: extraction.eventType, category });
  } else if (extraction.category && !vaguer && slots.category !== extraction.category) {
    add("eventType", slots.category, extraction.category, { category: extraction.category });
  }
  const vehicles = extraction.vehicles ?? (question === "vehicles" && answer !== null ? (answer ? 1 : 0) : null);
  if (vehicles !== null) add("vehicles", slots.vehicles, vehicles, { vehicles });
  const miles = extraction.vehicleMiles ?? (question === "vehicleMiles" && answer === false ? 0 : null);
  if (miles !== null) add("vehicleMiles", slots.vehicleMiles, miles, { vehicleMiles: miles });

  for (const flag of SCREENING_FLAGS) {
    const stated = extraction[flag];
    const value = stated !== null ? stated : question === flag ? answer : null;
    if (value !== null) add(flag, slots.flags[flag], value, { flags: { [flag]: value } });
  }

  if (extraction.customerName) {
    add("customerName", slots.customerName, extraction.customerName, { customerName: extraction.customerName });
  }
  const organization = extraction.organization ?? (question === "organization" && answer === false ? "" : null);
  if (organization !== null) add("organization", slots.organization, organization, { organization });
  const postOrders = extraction.postOrders ?? (question === "postOrders" && answer === false ? "" : null);
  if (postOrders !== null) add("postOrders", slots.postOrders, postOrders, { postOrders });
  return writes;
}
