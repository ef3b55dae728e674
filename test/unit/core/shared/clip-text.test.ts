import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanMessageText, clipText } from "../../../../core/shared/index.ts";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("clipText", () => {
  it.each([
    ["short", 10, "short"],
    ["abcdef", 3, "abc"],
    ["ab😀cd", 3, "ab"],
    ["ab😀cd", 4, "ab😀"],
    ["", 5, ""],
  ])("clips %j to %i units as %j", (text, max, expected) => {
    expect(clipText(text, max)).toBe(expected);
  });

  it("never leaves a broken surrogate pair and never exceeds the limit", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), fc.integer({ min: 1, max: 80 }), (text, max) => {
        const clipped = clipText(text, max);
        expect(clipped.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(clipped)).toBe(true);
        expect(LONE_SURROGATE.test(clipped)).toBe(false);
      }),
    );
  });
});

describe("cleanMessageText", () => {
  it("drops NUL and other control characters but keeps tabs and newlines", () => {
    expect(cleanMessageText("I need\u0000 2 officers\u0007\tat\n4500 E Broadway\u001b")).toBe("I need 2 officers\tat\n4500 E Broadway");
  });

  it("replaces lone surrogates and keeps emoji, accents and right-to-left text", () => {
    expect(cleanMessageText("a\uD83Db")).toBe("a\uFFFDb");
    expect(cleanMessageText("x\uDE00")).toBe("x\uFFFD");
    expect(cleanMessageText("Señora 👩‍👩‍👧 مرحبا")).toBe("Señora 👩‍👩‍👧 مرحبا");
  });
});
