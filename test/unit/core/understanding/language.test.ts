import { describe, expect, it } from "vitest";
import { parseMessage } from "../../../../core/understanding/index.ts";
import { type Case, pickFields, makeContext } from "./parse-helpers.ts";

const LANGUAGES: Case[] = [
  ["Hola, necesito dos oficiales para el sábado", { language: "es" }],
  ["necesito un policía por favor", { language: "es" }],
  ["¿cuánto cuesta?", { language: "es" }],
  ["mañana", { language: "es" }],
  ["gracias", { language: "es" }],
  ["sí", { language: "es" }],
  ["I need 2 officers Saturday", { language: "en" }],
  ["hello, can you help with traffic control?", { language: "en" }],
  ["tomorrow at 8", { language: "en" }],
  ["3 officers", { language: "en" }],
  ["3", { language: null }],
  ["yes", { language: null }],
  ["ok", { language: null }],
  ["Maria Lopez", { language: null }],
  ["4500 E Broadway", { language: null }],
  ["👍", { language: null }],
];

describe("language detection", () => {
  it.each(LANGUAGES)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );

  it("breaks a tie with the conversation's language", () => {
    expect(parseMessage("I need dos oficiales", makeContext({ language: "es" })).language).toBe("es");
    expect(parseMessage("3", makeContext({ language: "es" })).language).toBeNull();
  });
});
