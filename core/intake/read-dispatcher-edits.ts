import type { Language } from "../agencies/index.ts";
import { type ExpectedSlot, type Extraction, makeEmptyExtraction, parseMessage } from "../understanding/index.ts";

/** The draft fields a dispatcher may correct when handing back, as typed (empty = unchanged). */
export interface DispatcherEditFields {
  date: string;
  times: string;
  address: string;
  officers: string;
}

export type DispatcherEditField = keyof DispatcherEditFields;

export type DispatcherEdits =
  /** `extraction` is null when no field was filled. */
  | { kind: "read"; extraction: Extraction | null }
  /** Fields the parser found nothing in: the modal asks again rather than drop them silently. */
  | { kind: "unread"; fields: DispatcherEditField[] };

/**
 * Each field is read by the customer's parser as the answer to that question ("Dec 19", "7pm to
 * midnight", "1500 N Stone Ave", "3"), so a dispatcher's correction means what a customer's would.
 */
const EXPECTING: Record<DispatcherEditField, ExpectedSlot> = {
  date: "date",
  times: "start",
  address: "address",
  officers: "officers",
};

/** What the field of each kind must yield to count as read. */
const READ: Record<DispatcherEditField, (e: Extraction) => boolean> = {
  date: (e) => e.date !== null,
  times: (e) => e.startTime !== null || e.endTime !== null || e.durationMinutes !== null,
  address: (e) => e.address !== null,
  officers: (e) => e.officers !== null && e.officers > 0,
};

/** Reads the dispatcher's corrections into one extraction, field by field (times in the agency's zone). */
export function readDispatcherEdits(
  fields: DispatcherEditFields,
  context: { now: Date; timeZone: string; language: Language | null },
): DispatcherEdits {
  const merged = makeEmptyExtraction();
  const unread: DispatcherEditField[] = [];
  let any = false;
  for (const field of Object.keys(EXPECTING) as DispatcherEditField[]) {
    const text = fields[field].trim();
    if (text.length === 0) continue;
    const read = parseMessage(text, {
      now: context.now,
      timeZone: context.timeZone,
      expecting: EXPECTING[field],
      language: context.language ?? undefined,
    });
    if (!READ[field](read)) {
      unread.push(field);
      continue;
    }
    any = true;
    if (field === "date") merged.date = read.date;
    if (field === "times") {
      merged.startTime = read.startTime;
      merged.endTime = read.endTime;
      merged.durationMinutes = read.durationMinutes;
    }
    if (field === "address") merged.address = read.address;
    if (field === "officers") merged.officers = read.officers;
  }
  if (unread.length > 0) return { kind: "unread", fields: unread };
  return { kind: "read", extraction: any ? { ...merged, intent: "provide_info", correction: true } : null };
}
