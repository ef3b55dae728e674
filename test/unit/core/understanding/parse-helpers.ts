import {
  type ExpectedSlot,
  type Extraction,
  type ParseContext,
  parseMessage,
} from "../../../../core/understanding/index.ts";

/** Wednesday 2026-06-10, 09:00 in Tucson (America/Phoenix, UTC-7 all year). */
export const NOW = new Date("2026-06-10T16:00:00Z");

export function makeContext(overrides: Partial<ParseContext> = {}): ParseContext {
  return { now: NOW, timeZone: "America/Phoenix", expecting: null, ...overrides };
}

/** One table row: the message, the fields it must produce, and optionally the slot the bot asked about. */
export type Case = [message: string, expected: Partial<Extraction>, expecting?: ExpectedSlot];

export function parse(message: string, expecting: ExpectedSlot | null = null): Extraction {
  return parseMessage(message, makeContext({ expecting }));
}

/** The listed fields of the parse result (null included), to compare with `expected` exactly. */
export function pickFields(
  message: string,
  expected: Partial<Extraction>,
  expecting?: ExpectedSlot,
): Partial<Extraction> {
  const result = parse(message, expecting ?? null);
  return Object.fromEntries(Object.keys(expected).map((key) => [key, result[key as keyof Extraction]]));
}
