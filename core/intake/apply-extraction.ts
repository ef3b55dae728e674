import type { Extraction } from "../understanding/index.ts";
import type { Question } from "./intake-state.ts";
import { SCREENING_FLAGS, type SlotName, type Slots } from "./slots.ts";

export interface SlotChange {
  slot: SlotName;
  before: unknown;
  after: unknown;
}

const yesNo = (extraction: Extraction): boolean | null =>
  extraction.intent === "confirm" ? true : extraction.intent === "decline" ? false : null;

/**
 * Writes what the message said into the slots and lists what changed. A bare yes/no answers the
 * question just asked; any field the message states overrides the old answer (corrections).
 */
export function applyExtraction(slots: Slots, extraction: Extraction, question: Question | null): SlotChange[] {
  const changes: SlotChange[] = [];
  const set = <K extends keyof Slots>(key: K, value: Slots[K], slot: SlotName = key as SlotName) => {
    if (JSON.stringify(slots[key]) === JSON.stringify(value)) return;
    changes.push({ slot, before: slots[key], after: value });
    slots[key] = value;
  };
  const answer = yesNo(extraction);

  if (extraction.date) set("date", extraction.date);
  if (extraction.startTime) set("startTime", extraction.startTime, "start");
  if (extraction.endTime) {
    set("endTime", extraction.endTime, "end");
    slots.durationMinutes = null;
  } else if (extraction.durationMinutes !== null && extraction.durationMinutes > 0) {
    set("durationMinutes", extraction.durationMinutes, "end");
    slots.endTime = null;
  }
  if (extraction.address) {
    set("address", {
      line1: extraction.address.line1,
      city: extraction.address.city ?? slots.address?.city ?? null,
      state: extraction.address.state ?? slots.address?.state ?? null,
    });
  }
  if (extraction.officers !== null && extraction.officers > 0) set("officers", extraction.officers);
  // "no armed security after all" says "security", which must not replace "store security".
  const vaguer = extraction.eventType !== null && slots.eventType?.includes(extraction.eventType) === true;
  if (extraction.eventType && !vaguer) {
    set("eventType", extraction.eventType);
    slots.category = extraction.category ?? slots.category ?? "regular";
  } else if (extraction.category && !vaguer) {
    set("category", extraction.category, "eventType");
  }
  if (extraction.vehicles !== null) set("vehicles", extraction.vehicles);
  else if (question === "vehicles" && answer === false) set("vehicles", 0);
  else if (question === "vehicles" && answer === true) set("vehicles", 1);
  if (extraction.vehicleMiles !== null) set("vehicleMiles", extraction.vehicleMiles);
  else if (question === "vehicleMiles" && answer === false) set("vehicleMiles", 0);

  for (const flag of SCREENING_FLAGS) {
    const stated = extraction[flag];
    const value = stated !== null ? stated : question === flag ? answer : null;
    if (value !== null && slots.flags[flag] !== value) {
      changes.push({ slot: flag, before: slots.flags[flag], after: value });
      slots.flags = { ...slots.flags, [flag]: value };
    }
  }

  if (extraction.customerName) set("customerName", extraction.customerName);
  if (extraction.organization !== null) set("organization", extraction.organization);
  else if (question === "organization" && answer === false) set("organization", "");
  if (extraction.postOrders !== null) set("postOrders", extraction.postOrders);
  else if (question === "postOrders" && answer === false) set("postOrders", "");
  return changes;
}
