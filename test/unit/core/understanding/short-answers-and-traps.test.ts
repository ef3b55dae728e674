import { describe, expect, it } from "vitest";
import { type Case, pickFields } from "./parse-helpers.ts";

const at = (line1: string, city: string | null = null, state: string | null = null) => ({
  line1,
  city,
  state,
});

const SHORT_ANSWERS_AND_TRAPS: Case[] = [
  [
    "NEED 2 OFFICERS SATURDAY 6PM-11PM AT 4500 E BROADWAY BLVD TUCSON AZ",
    {
      officers: 2,
      date: "2026-06-13",
      startTime: "18:00",
      endTime: "23:00",
      address: at("4500 E Broadway Blvd", "Tucson", "AZ"),
    },
  ],
  ["I NEED A COP IN MESQUITE TOMORROW", { officers: 1, date: "2026-06-11", address: null }],
  ["2", { officers: 2 }, "officers"],
  ["two please", { officers: 2 }, "officers"],
  ["Saturday", { date: "2026-06-13" }, "date"],
  ["the 20th", { date: "2026-06-20" }, "date"],
  ["20", { date: "2026-06-20" }, "date"],
  ["6pm", { startTime: "18:00" }, "start"],
  ["6", { startTime: "18:00" }, "start"],
  ["7:30", { startTime: "07:30" }, "start"],
  ["midnight", { endTime: "00:00", startTime: null }, "end"],
  ["10:30pm", { endTime: "22:30" }, "end"],
  ["around 11", { endTime: "23:00" }, "end"],
  ["4 hours", { durationMinutes: 240, endTime: null }, "end"],
  ["6 to 10", { startTime: "18:00", endTime: "22:00" }, "time"],
  ["1", { vehicles: 1 }, "vehicles"],
  ["yes, one car", { vehicles: 1 }, "vehicles"],
  ["no thanks", { vehicles: 0 }, "vehicles"],
  ["sí, con patrulla", { vehicles: 1 }, "vehicles"],
  ["no, sin patrulla", { vehicles: 0 }, "vehicles"],
  ["they'll be parked the whole time", { vehicleMiles: 0 }, "vehicleMiles"],
  ["no", { vehicleMiles: 0 }, "vehicleMiles"],
  ["Nope", { alcoholPrincipalBusiness: false }, "alcoholPrincipalBusiness"],
  ["yes it's a bar", { alcoholPrincipalBusiness: true }, "alcoholPrincipalBusiness"],
  ["No, it's a family restaurant", { alcoholPrincipalBusiness: false }, "alcoholPrincipalBusiness"],
  ["Correct, no armed guards", { armedPrivateSecurity: false }, "armedPrivateSecurity"],
  ["no hay guardias armados", { armedPrivateSecurity: false }, "armedPrivateSecurity"],
  ["no, just directing traffic", { bodyguardOrBouncer: false }, "bodyguardOrBouncer"],
  ["no, nothing legal", { civilLegalService: false }, "civilLegalService"],
  ["Frank Delgado", { customerName: "Frank Delgado" }, "customerName"],
  ["Sure it's Frank", { customerName: "Frank" }, "customerName"],
  [
    "Frank Delgado with Delgado Construction",
    { customerName: "Frank Delgado", organization: "Delgado Construction" },
    "customerName",
  ],
  ["ACME Security Inc.", { organization: "ACME Security Inc" }, "organization"],
  ["no company, it's just me", { organization: "" }, "organization"],
  [
    "Park in the north lot and check in with security at gate 3",
    { postOrders: "Park in the north lot and check in with security at gate 3", startTime: null },
    "postOrders",
  ],
  ["nope", { postOrders: "" }, "postOrders"],
  [
    "Traffic control at a school crosswalk",
    { eventType: "school traffic control", category: "regular" },
    "eventType",
  ],
  [
    "I need 2 officers",
    { startTime: null, endTime: null, date: null, address: null, vehicles: null, durationMinutes: null },
  ],
  ["my phone is 520 555 0199, need 2 officers", { officers: 2, startTime: null }],
  ["We'll have about 150 guests", { officers: null, startTime: null, address: null }],
  ["Call 555-1234 if questions", { officers: null, startTime: null }],
  ["our budget is $500 for 2 officers", { officers: 2, startTime: null }],
  ["room 204, building 3", { officers: null, address: null }],
  ["Is 3 officers enough for 300 people?", { officers: 3 }],
  ["👍👍", { intent: "confirm" }, "confirmation"],
  ["Yes!", { intent: "confirm" }, "confirmation"],
  ["yes that's all correct", { intent: "confirm" }, "confirmation"],
  ["wait, make it 3 officers", { officers: 3, correction: true, intent: "provide_info" }, "confirmation"],
  ["change the start to 5pm", { startTime: "17:00", correction: true }],
  ["actually we need them until 1am", { endTime: "01:00", correction: true }],
  ["mejor que sean 3", { officers: 3, correction: true }],
  ["en vez del sábado, el domingo", { date: "2026-06-14", correction: true }],
];

const FIFTH_BATCH: Case[] = [
  [
    "we need an officer this friday from 7 o'clock in the evening to 11",
    { officers: 1, date: "2026-06-12", startTime: "19:00", endTime: "23:00" },
  ],
  [
    "Looking for 2 officers, Sat 6/20, 6ish to 10ish",
    { officers: 2, date: "2026-06-20", startTime: "18:00", endTime: "22:00" },
  ],
  [
    "Hola buenas, ocupo 2 policías para el viernes en la noche de 9 a 2 en un baile",
    { officers: 2, date: "2026-06-12", startTime: "21:00", endTime: "02:00" },
  ],
  [
    "Necesitamos un agente con patrulla el 3 de julio desde las 5 hasta las 11 de la noche",
    { officers: 1, vehicles: 1, date: "2026-07-03", startTime: "17:00", endTime: "23:00" },
  ],
  [
    "need 2 officers tmrw 8a-4p for road construction at Kolb & 22nd",
    { officers: 2, date: "2026-06-11", startTime: "08:00", endTime: "16:00", category: "major_event" },
  ],
  [
    "Need three cops for a Sweet 16 party at the Elks Lodge on June 27th 7pm - 11pm",
    { officers: 3, date: "2026-06-27", startTime: "19:00", endTime: "23:00" },
  ],
  [
    "Can you provide an officer at Tucson High on 6/12 at 6:30pm for 3 hours? It's a school dance",
    { officers: 1, date: "2026-06-12", startTime: "18:30", durationMinutes: 180 },
  ],
  [
    "I'm the manager at Fry's on Grant, we'd like one officer Saturday and Sunday 10 to 6",
    { officers: 1, startTime: "10:00", endTime: "18:00", customerName: null },
  ],
  [
    "Our company is Desert Paving LLC. Need 2 officers w/ cars 6/22-6/26 7am-3:30pm",
    { organization: "Desert Paving LLC", officers: 2, vehicles: 2, startTime: "07:00", endTime: "15:30" },
  ],
  [
    "Necesito seguridad en mi bar el sábado, de 10 de la noche a 2 de la mañana, 2 oficiales",
    { officers: 2, date: "2026-06-13", startTime: "22:00", endTime: "02:00", alcoholPrincipalBusiness: true },
  ],
  [
    "2 officers please for a 4th of July parade 9am-12pm",
    { officers: 2, date: "2026-07-04", startTime: "09:00", endTime: "12:00", category: "major_event" },
  ],
  [
    "Can I book 1 officer for tomorrow at noon till 4?",
    { officers: 1, date: "2026-06-11", startTime: "12:00", endTime: "16:00" },
  ],
  [
    "Hi, Tom Reyes here. We need 2 officers for the Pima County Fair, Thursday 4/23/2027 3-11pm",
    {
      customerName: "Tom Reyes",
      officers: 2,
      date: "2027-04-23",
      startTime: "15:00",
      endTime: "23:00",
      category: "major_event",
    },
  ],
  [
    "I have a repo to do tomorrow morning at 7 and need an officer present",
    { officers: 1, date: "2026-06-11", startTime: "07:00", civilLegalService: true },
  ],
  [
    "We need a female officer for a women's conference on Friday 8-5",
    { officers: 1, date: "2026-06-12", startTime: "08:00", endTime: "17:00" },
  ],
  ["Six officers for 8 hours on Saturday", { officers: 6, durationMinutes: 480, date: "2026-06-13" }],
  [
    "Need a police escort for a wide load, approx 25 mi, Tuesday at 6am, 2 units",
    { vehicleMiles: 25, date: "2026-06-16", startTime: "06:00" },
  ],
  [
    "Buenas noches, ¿me pueden mandar un oficial mañana a las 7 de la mañana por 8 horas?",
    { officers: 1, date: "2026-06-11", startTime: "07:00", durationMinutes: 480, language: "es" },
  ],
  [
    "3 officers 12-8 on Sunday at the swap meet",
    { officers: 3, startTime: "12:00", endTime: "20:00", date: "2026-06-14" },
  ],
  [
    "1 officer, 5/2, 18:30-22:30, 4000 E Pima St, Tucson",
    {
      officers: 1,
      date: "2027-05-02",
      startTime: "18:30",
      endTime: "22:30",
      address: at("4000 E Pima St", "Tucson"),
    },
  ],
];

/** Chit-chat full of numbers: none of it is a slot. */
const NO_SLOTS: string[] = [
  "thanks so much!",
  "how much does it cost?",
  "what's your rate per hour",
  "is this the police department?",
  "I was told to text this number by Sgt. Miller",
  "we did this last year too, it went great",
  "do you take credit cards",
  "my reference number is 88231",
  "sorry wrong number",
  "can you call me back",
  "ok thank you officer",
  "Is there a minimum?",
  "we're in suite 210 on the second floor",
  "I'll check with my boss and get back to you",
  "The last time 1 of your guys was late",
  "Version 2.0 of our event",
  "lol",
  "who is this",
  "are you a robot?",
  "1 more question",
  "we had 3 incidents last month",
  "our store has 2 entrances",
  "we expect 5000 people",
  "I'm 25 years old",
  "Top 10 reasons",
  "the permit number is 2026-0042",
  "it's a 2 day event",
  "Section 8 housing",
  "highway 10 exit 256",
];

const NO_SLOT_FIELDS = {
  date: null,
  startTime: null,
  endTime: null,
  durationMinutes: null,
  officers: null,
  vehicles: null,
  vehicleMiles: null,
  address: null,
  customerName: null,
  armedPrivateSecurity: null,
  civilLegalService: null,
  bodyguardOrBouncer: null,
  alcoholPrincipalBusiness: null,
};

// Written after the parser: short answers, corrections, shouting, and numbers that are not slots.
describe("short answers and traps", () => {
  it.each(SHORT_ANSWERS_AND_TRAPS)("%s (%s)", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(FIFTH_BATCH)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(NO_SLOTS)("no slot in %s", (message) =>
    expect(pickFields(message, NO_SLOT_FIELDS), message).toEqual(NO_SLOT_FIELDS),
  );
});
