import { describe, expect, it } from "vitest";
import { type Case, pickFields } from "./parse-helpers.ts";

// Whole first messages as customers write them (today is Wednesday 2026-06-10 in Tucson).
const FIRST_MESSAGES: Case[] = [
  [
    "2 officers with a car Saturday 6-11pm at 4500 E Broadway",
    {
      officers: 2,
      vehicles: 1,
      date: "2026-06-13",
      startTime: "18:00",
      endTime: "23:00",
      address: { line1: "4500 E Broadway", city: null, state: null },
      intent: "provide_info",
    },
  ],
  [
    "hi, I need a cop for my store Saturday",
    { officers: 1, date: "2026-06-13", eventType: "store security", category: "regular", startTime: null },
  ],
  [
    "Hi, I need 2 off duty officers for traffic control at our construction site on Monday from 7am to 3pm. Address is 2450 N Stone Ave, Tucson AZ",
    {
      officers: 2,
      date: "2026-06-15",
      startTime: "07:00",
      endTime: "15:00",
      address: { line1: "2450 N Stone Ave", city: "Tucson", state: "AZ" },
      eventType: "construction site traffic control",
      category: "major_event",
    },
  ],
  [
    "Need one officer for a birthday party this Saturday 7-11pm",
    {
      officers: 1,
      date: "2026-06-13",
      startTime: "19:00",
      endTime: "23:00",
      eventType: "birthday party security",
    },
  ],
  [
    "hello we need security for a quinceañera on june 20th from 6 pm to midnight, 2 officers",
    { officers: 2, date: "2026-06-20", startTime: "18:00", endTime: "00:00", category: "regular" },
  ],
  [
    "Can I get 3 cops with patrol cars for a 5k race next Sunday morning 6-10",
    {
      officers: 3,
      vehicles: 3,
      date: "2026-06-14",
      startTime: "06:00",
      endTime: "10:00",
      category: "major_event",
    },
  ],
  [
    "Buenas tardes, necesito 2 policías para una boda el 27 de junio de 7 a 12 de la noche en 3300 S Park Ave",
    {
      officers: 2,
      date: "2026-06-27",
      startTime: "19:00",
      endTime: "00:00",
      address: { line1: "3300 S Park Ave", city: null, state: null },
      eventType: "wedding security",
      language: "es",
    },
  ],
  [
    "Looking for an officer at my liquor store friday night 8pm-2am",
    { officers: 1, date: "2026-06-12", startTime: "20:00", endTime: "02:00", alcoholPrincipalBusiness: true },
  ],
  [
    "We're doing a lane closure on Speedway Blvd tomorrow, need 2 officers w/ vehicles from 8:30 to 4",
    {
      officers: 2,
      vehicles: 2,
      date: "2026-06-11",
      startTime: "08:30",
      endTime: "16:00",
      category: "major_event",
      address: null,
    },
  ],
  [
    "Need a deputy for a funeral procession on 6/18 at 10am, about 12 miles",
    { officers: 1, date: "2026-06-18", startTime: "10:00", vehicleMiles: 12, eventType: "funeral escort" },
  ],
  [
    "My name is Rebecca Torres, I'm with Cactus Events. We need 4 officers for the Fourth of July fireworks show, 5pm to 11pm.",
    {
      customerName: "Rebecca Torres",
      organization: "Cactus Events",
      officers: 4,
      date: "2026-07-04",
      startTime: "17:00",
      endTime: "23:00",
      category: "major_event",
    },
  ],
  [
    "2 officers tomorrow 6-10pm at the bank on 1 W Congress St",
    {
      officers: 2,
      date: "2026-06-11",
      startTime: "18:00",
      endTime: "22:00",
      address: { line1: "1 W Congress St", city: null, state: null },
      eventType: "bank security",
    },
  ],
  [
    "necesitamos tres oficiales el viernes de 4 a 9 para un festival en la iglesia",
    { officers: 3, date: "2026-06-12", startTime: "16:00", endTime: "21:00", category: "major_event" },
  ],
  [
    "Hey can we get two officers for a grocery store grand opening, June 15 9am-1pm?",
    {
      officers: 2,
      date: "2026-06-15",
      startTime: "09:00",
      endTime: "13:00",
      eventType: "grocery store security",
    },
  ],
  [
    "Need officer for traffic control for road construction on Mesquite Valley Rd next Tuesday 7-5",
    { officers: 1, date: "2026-06-16", startTime: "07:00", endTime: "17:00", category: "major_event" },
  ],
  [
    "I need police presence at my apartment complex tonight from 10 pm to 6 am",
    {
      officers: null,
      date: "2026-06-10",
      startTime: "22:00",
      endTime: "06:00",
      eventType: "apartment complex security",
    },
  ],
  [
    "Can you send 1 officer w/ a car to 850 W Prince Rd for a church event Sunday 8am to noon",
    {
      officers: 1,
      vehicles: 1,
      address: { line1: "850 W Prince Rd", city: null, state: null },
      date: "2026-06-14",
      startTime: "08:00",
      endTime: "12:00",
      eventType: "church security",
    },
  ],
  [
    "need 6 officers, 2 with cars, for the county fair July 18, 4pm-midnight",
    {
      officers: 6,
      vehicles: 2,
      date: "2026-07-18",
      startTime: "16:00",
      endTime: "00:00",
      category: "major_event",
    },
  ],
  [
    "quiero un oficial sin patrulla para mi tienda mañana de 9 a 5",
    {
      officers: 1,
      vehicles: 0,
      date: "2026-06-11",
      startTime: "09:00",
      endTime: "17:00",
      eventType: "store security",
    },
  ],
  [
    "This is Jim Ortiz from Ortiz Paving. 2 officers for paving work on Oct 3rd, 7:00-15:00",
    {
      customerName: "Jim Ortiz",
      organization: "Ortiz Paving",
      officers: 2,
      date: "2026-10-03",
      startTime: "07:00",
      endTime: "15:00",
      category: "major_event",
    },
  ],
];

const FOLLOW_UPS: Case[] = [
  ["ok 3 officers then", { officers: 3 }, "officers"],
  ["actually can we change it to 7pm", { startTime: "19:00", correction: true }],
  ["Cambia la fecha al 20 de junio", { date: "2026-06-20", correction: true }],
  ["make it 4 officers and add a car", { officers: 4, vehicles: 1, correction: true }],
  ["No vehicle needed, just 1 officer on foot", { vehicles: 0, officers: 1 }],
  ["9am-5pm, July 3", { startTime: "09:00", endTime: "17:00", date: "2026-07-03" }],
  ["en realidad son 3 oficiales", { officers: 3, correction: true }],
  ["sorry I meant the 14th", { date: "2026-06-14", correction: true }],
  ["can we do 8 to 2 instead", { startTime: "08:00", endTime: "14:00", correction: true }],
];

describe("realistic messages", () => {
  it.each(FIRST_MESSAGES)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(FOLLOW_UPS)("follow-up %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
});
