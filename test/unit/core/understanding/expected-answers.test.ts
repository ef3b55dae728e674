import { describe, expect, it } from "vitest";
import { type Case, pickFields } from "./parse-helpers.ts";

const CONFIRMATIONS: Case[] = [
  ["yes", { intent: "confirm" }, "confirmation"],
  ["Y", { intent: "confirm" }, "confirmation"],
  ["yeah", { intent: "confirm" }, "confirmation"],
  ["yep", { intent: "confirm" }, "confirmation"],
  ["sure", { intent: "confirm" }, "confirmation"],
  ["ok", { intent: "confirm" }, "confirmation"],
  ["Okay!", { intent: "confirm" }, "confirmation"],
  ["correct", { intent: "confirm" }, "confirmation"],
  ["confirm", { intent: "confirm" }, "confirmation"],
  ["sounds good", { intent: "confirm" }, "confirmation"],
  ["👍", { intent: "confirm" }, "confirmation"],
  ["sí", { intent: "confirm", language: "es" }, "confirmation"],
  ["si", { intent: "confirm" }, "confirmation"],
  ["claro que sí", { intent: "confirm" }, "confirmation"],
  ["de acuerdo", { intent: "confirm" }, "confirmation"],
  ["correcto", { intent: "confirm" }, "confirmation"],
  ["yes please book it", { intent: "confirm" }, "confirmation"],
  ["no", { intent: "decline" }, "confirmation"],
  ["N", { intent: "decline" }, "confirmation"],
  ["nope", { intent: "decline" }, "confirmation"],
  ["nah", { intent: "decline" }, "confirmation"],
  ["not really", { intent: "decline" }, "confirmation"],
  ["no gracias", { intent: "decline" }, "confirmation"],
  ["yes", { intent: "confirm" }, "cancel_confirmation"],
  ["no, keep it", { intent: "decline" }, "cancel_confirmation"],
  ["no, make it 3 officers", { intent: "provide_info", officers: 3, correction: true }, "confirmation"],
  ["not sure", { intent: null }, "confirmation"],
  ["yes", { intent: "confirm", armedPrivateSecurity: null }],
];

const SCREENING_ANSWERS: Case[] = [
  ["yes", { armedPrivateSecurity: true, intent: "provide_info" }, "armedPrivateSecurity"],
  ["no", { armedPrivateSecurity: false }, "armedPrivateSecurity"],
  ["nope, none", { armedPrivateSecurity: false }, "armedPrivateSecurity"],
  ["No there won't be", { armedPrivateSecurity: false }, "armedPrivateSecurity"],
  ["sí", { alcoholPrincipalBusiness: true }, "alcoholPrincipalBusiness"],
  ["no, it's a restaurant", { alcoholPrincipalBusiness: false }, "alcoholPrincipalBusiness"],
  ["no", { bodyguardOrBouncer: false }, "bodyguardOrBouncer"],
  ["yeah", { civilLegalService: true }, "civilLegalService"],
  ["not sure", { civilLegalService: null }, "civilLegalService"],
  ["yes", { alcoholPrincipalBusiness: null, armedPrivateSecurity: null }, "civilLegalService"],
];

const FREE_TEXT_ANSWERS: Case[] = [
  ["none", { postOrders: "" }, "postOrders"],
  ["No", { postOrders: "" }, "postOrders"],
  ["nothing special", { postOrders: "" }, "postOrders"],
  ["ninguna", { postOrders: "" }, "postOrders"],
  [
    "Check in with the manager Tom at the front desk, park in the back lot",
    { postOrders: "Check in with the manager Tom at the front desk, park in the back lot" },
    "postOrders",
  ],
  [
    "Officers should arrive 15 minutes early and park at 123 Main St",
    {
      postOrders: "Officers should arrive 15 minutes early and park at 123 Main St",
      address: null,
      durationMinutes: null,
      startTime: null,
    },
    "postOrders",
  ],
  ["actually make it 3 officers", { officers: 3, postOrders: null, correction: true }, "postOrders"],
  ["please arrive 15 minutes early", { durationMinutes: null }],
  [
    "Ask for Tom at 520-555-0199",
    { postOrders: "Ask for Tom at 520-555-0199", startTime: null },
    "postOrders",
  ],
  ["a company picnic", { eventType: "company picnic security", category: "regular" }, "eventType"],
  [
    "some tree trimming along the road",
    { eventType: "some tree trimming along the road", category: "regular" },
    "eventType",
  ],
  [
    "Traffic control for a water main repair",
    { eventType: "traffic control for a water main repair" },
    "eventType",
  ],
  [
    "lane closure on Oracle",
    { eventType: "lane closure traffic control", category: "major_event" },
    "eventType",
  ],
];

describe("answers to the question the bot asked", () => {
  it.each(CONFIRMATIONS)("confirmation: %s (%s)", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(SCREENING_ANSWERS)("screening: %s (%s)", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(FREE_TEXT_ANSWERS)("free text: %s (%s)", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
});
