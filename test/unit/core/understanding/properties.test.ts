import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  EXPECTED_SLOTS,
  ExtractionSchema,
  makeEmptyExtraction,
  parseMessage,
} from "../../../../core/understanding/index.ts";

/** Fragments real messages are made of, so random joins exercise every extractor together. */
const FRAGMENTS = [
  "2 officers",
  "a cop",
  "with a car",
  "no car",
  "Saturday",
  "next Sat",
  "12/24",
  "Dec 24th",
  "the 24th",
  "6-11pm",
  "from 7 to 3",
  "18:00 until midnight",
  "at 8",
  "for 4 hours",
  "4500 E Broadway",
  ", Tucson, AZ",
  "85701",
  "I'm Maria Lopez from Desert Bloom Events",
  "mañana",
  "el sábado",
  "de 6 a 11 de la noche",
  "dos oficiales",
  "sin patrulla",
  "about 20 miles",
  "road construction",
  "it's a bar",
  "bouncer",
  "eviction",
  "armed guards",
  "STOP",
  "CANCEL 1042",
  "yes",
  "no",
  "👍",
  "make it 3",
  "call 520-555-0100",
  "$500",
  "24/7",
  "'; DROP TABLE requests; --",
  "<script>alert(1)</script>",
  "\u0000",
  "\uD83D",
  "İ",
  "ﬁ",
  "½",
  "\n",
  "  ",
];

const context = fc.record({
  now: fc.date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2100-01-01T00:00:00Z"),
    noInvalidDate: false,
  }),
  timeZone: fc.constantFrom(
    "America/Phoenix",
    "America/Chicago",
    "UTC",
    "Pacific/Kiritimati",
    "Not/AZone",
    "",
  ),
  expecting: fc.constantFrom(null, ...EXPECTED_SLOTS),
  language: fc.constantFrom(undefined, "en" as const, "es" as const),
});

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 1600 }),
  fc.string({ unit: "grapheme", maxLength: 1600 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(" ").slice(0, 1600)),
  fc.constant(""),
);

function expectValid(text: string, ctx: Parameters<typeof parseMessage>[1]): void {
  const result = ExtractionSchema.safeParse(parseMessage(text, ctx));
  expect(
    result.success,
    result.success ? "" : `${JSON.stringify(text)}: ${z.prettifyError(result.error)}`,
  ).toBe(true);
}

describe("parseMessage properties", () => {
  it("never throws and always returns a value the schema accepts", () => {
    fc.assert(
      fc.property(anyText, context, (text, ctx) => {
        expectValid(text, { ...ctx, language: ctx.language });
      }),
      { numRuns: 400 },
    );
  });

  it("handles long adversarial input quickly", () => {
    const long = [
      "1".repeat(1600),
      "a ".repeat(800),
      "at ".repeat(533),
      "6-".repeat(800),
      "Dec 24 ".repeat(228),
      "officers ".repeat(177),
      "🚓".repeat(800),
      "x".repeat(5000),
    ];
    const started = performance.now();
    for (const text of long)
      expectValid(text, { now: new Date("2026-06-10T16:00:00Z"), timeZone: "UTC", expecting: null });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("reads nothing from an empty message", () => {
    const result = parseMessage("", {
      now: new Date("2026-06-10T16:00:00Z"),
      timeZone: "UTC",
      expecting: null,
    });
    expect(result).toEqual(makeEmptyExtraction());
  });
});

describe("ExtractionSchema", () => {
  it("requires every field and allows null for each (OpenAI strict structured outputs)", () => {
    const json = z.toJSONSchema(ExtractionSchema) as {
      required: string[];
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(json.additionalProperties).toBe(false);
    expect([...json.required].sort()).toEqual(Object.keys(json.properties).sort());
    expect(ExtractionSchema.safeParse(makeEmptyExtraction()).success).toBe(true);
    for (const key of Object.keys(json.properties)) {
      const withoutKey: Record<string, unknown> = { ...makeEmptyExtraction() };
      delete withoutKey[key];
      expect(ExtractionSchema.safeParse(withoutKey).success, key).toBe(false);
    }
  });

  it("rejects malformed dates, times and counts", () => {
    const valid = makeEmptyExtraction();
    for (const bad of [
      { date: "2026-13-01" },
      { date: "12/24/2026" },
      { startTime: "24:00" },
      { endTime: "6pm" },
      { officers: 1.5 },
      { officers: -1 },
      { intent: "approve" },
      { category: "vip" },
      { address: { line1: "", city: null, state: null } },
    ]) {
      expect(ExtractionSchema.safeParse({ ...valid, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
