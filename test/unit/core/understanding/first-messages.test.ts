import { describe, expect, it } from "vitest";
import { type Case, pickFields } from "./parse-helpers.ts";

const at = (line1: string, city: string | null = null, state: string | null = null) => ({
  line1,
  city,
  state,
});

// More whole first messages (today is Wednesday 2026-06-10 in Tucson).
const MORE_FIRST_MESSAGES: Case[] = [
  [
    "We need a couple officers at the Tucson Convention Center for a concert on 8/22 from 6 to 11",
    { officers: 2, date: "2026-08-22", startTime: "18:00", endTime: "23:00", eventType: "concert security" },
  ],
  [
    "Hi! Could I book an officer for 4 hours on Saturday starting at 2pm? It's a wedding at Skyline Country Club",
    {
      officers: 1,
      durationMinutes: 240,
      date: "2026-06-13",
      startTime: "14:00",
      endTime: null,
      eventType: "wedding security",
    },
  ],
  [
    "Need 2 officers at 4500 E Broadway Blvd on 7/4 from 7pm-1am, bar is expecting a big crowd",
    {
      officers: 2,
      address: { line1: "4500 E Broadway Blvd", city: null, state: null },
      date: "2026-07-04",
      startTime: "19:00",
      endTime: "01:00",
      alcoholPrincipalBusiness: true,
    },
  ],
  [
    "For the marathon on Sunday we need 10 officers and 5 patrol cars from 5:30am to 1pm",
    {
      officers: 10,
      vehicles: 5,
      date: "2026-06-14",
      startTime: "05:30",
      endTime: "13:00",
      category: "major_event",
    },
  ],
  [
    "Necesito un policía para el estacionamiento de la iglesia el domingo de 8 a 1",
    { officers: 1, date: "2026-06-14", startTime: "08:00", endTime: "13:00", category: "regular" },
  ],
  [
    "the event is at 2200 E River Rd, Tucson, AZ 85718",
    { address: { line1: "2200 E River Rd", city: "Tucson", state: "AZ" }, officers: null, startTime: null },
  ],
  [
    "need traffic control officer for a utility project next Thurs 7a-3p on 1200 N Main St Mesquite TX",
    {
      officers: 1,
      date: "2026-06-11",
      startTime: "07:00",
      endTime: "15:00",
      address: { line1: "1200 N Main St", city: "Mesquite", state: "TX" },
      eventType: "utility project traffic control",
      category: "major_event",
    },
  ],
  [
    "Hola, soy Maria de Eventos Luna. Necesitamos 2 oficiales para un concierto el 15 de agosto de 7 pm a 11 pm",
    {
      customerName: "Maria",
      organization: "Eventos Luna",
      officers: 2,
      date: "2026-08-15",
      startTime: "19:00",
      endTime: "23:00",
      language: "es",
    },
  ],
  [
    "2 officers needed Saturday June 13 from 10am-2pm for a car show at 7401 N La Cholla Blvd",
    {
      officers: 2,
      vehicles: null,
      date: "2026-06-13",
      startTime: "10:00",
      endTime: "14:00",
      address: { line1: "7401 N La Cholla Blvd", city: null, state: null },
    },
  ],
  [
    "we need 1 officer with car for escorting an oversized load about 30 miles tomorrow at 5am",
    {
      officers: 1,
      vehicles: 1,
      vehicleMiles: 30,
      date: "2026-06-11",
      startTime: "05:00",
      eventType: "escort",
    },
  ],
  [
    "Hi there, looking for security for a parking lot at 3901 E Grant Rd, we'll need 2 officers from 11pm to 7am nightly",
    {
      officers: 2,
      address: { line1: "3901 E Grant Rd", city: null, state: null },
      startTime: "23:00",
      endTime: "07:00",
      eventType: "parking lot security",
    },
  ],
  [
    "Please send three officers Monday 6/15 1pm-5pm for a political rally at 100 N Stone Ave",
    {
      officers: 3,
      date: "2026-06-15",
      startTime: "13:00",
      endTime: "17:00",
      eventType: "political rally security",
    },
  ],
  [
    "I need an officer to stand by during an eviction on June 22nd at 9am",
    { officers: 1, date: "2026-06-22", startTime: "09:00", civilLegalService: true },
  ],
  [
    "2 bouncers for my nightclub friday 10pm-2am",
    {
      officers: null,
      bodyguardOrBouncer: true,
      alcoholPrincipalBusiness: true,
      startTime: "22:00",
      endTime: "02:00",
    },
  ],
  [
    "we have armed security already but need 2 officers for traffic at the stadium Sat 3pm to 11pm",
    {
      armedPrivateSecurity: true,
      officers: 2,
      date: "2026-06-13",
      startTime: "15:00",
      endTime: "23:00",
      category: "major_event",
    },
  ],
  [
    "necesito 2 oficiales con patrulla para control de tráfico en una obra el lunes de 7 a 3",
    {
      officers: 2,
      vehicles: 1,
      date: "2026-06-15",
      startTime: "07:00",
      endTime: "15:00",
      category: "major_event",
    },
  ],
  [
    "Need 1 cop 12/31 9pm-1am new years eve party",
    { officers: 1, date: "2026-12-31", startTime: "21:00", endTime: "01:00" },
  ],
  ["2 officers at 6 for 5 hours", { officers: 2, startTime: "18:00", durationMinutes: 300, endTime: null }],
  [
    "We need officers at 4 locations from 8 to 4",
    { officers: null, startTime: "08:00", endTime: "16:00", address: null },
  ],
  ["It'll be on the 3rd from 9 to 5", { date: "2026-07-03", startTime: "09:00", endTime: "17:00" }],
  [
    "Tucson Police, we need 2 officers tomorrow at 6pm, call me at 520-555-0123",
    { customerName: null, officers: 2, date: "2026-06-11", startTime: "18:00" },
  ],
];

// Written last, after every fix, as a check on phrasing the parser had not seen.
const LAST_BATCH: Case[] = [
  [
    "Need 1 officer from 6:00 to 10:00 p.m. this coming Friday",
    { officers: 1, startTime: "18:00", endTime: "22:00", date: "2026-06-12" },
  ],
  [
    "Good afternoon, I'd like to schedule two officers for our annual block party on Saturday, July 11th, 4pm-10pm, at 2100 W Ruthrauff Rd.",
    {
      officers: 2,
      date: "2026-07-11",
      startTime: "16:00",
      endTime: "22:00",
      address: at("2100 W Ruthrauff Rd"),
      eventType: "block party security",
    },
  ],
  [
    "1 officer - Thursday - 11:00am to 3:00pm - 3 S Stone Ave - bank",
    {
      officers: 1,
      date: "2026-06-11",
      startTime: "11:00",
      endTime: "15:00",
      address: at("3 S Stone Ave"),
      eventType: "bank security",
    },
  ],
  [
    "We need traffic control Mon-Fri next week 7 to 4 for a sewer project, 2 officers with trucks",
    { officers: 2, vehicles: 2, startTime: "07:00", endTime: "16:00" },
  ],
  [
    "necesito un oficial para el 1 de agosto, de las 10 de la mañana a las 2 de la tarde",
    { officers: 1, date: "2026-08-01", startTime: "10:00", endTime: "14:00" },
  ],
  [
    "Hi, this is Pastor Mike from Grace Community Church. Could we have an officer Sunday mornings 8:30 to 12:30?",
    {
      officers: 1,
      startTime: "08:30",
      endTime: "12:30",
      organization: "Grace Community Church",
      eventType: "church security",
    },
  ],
  [
    "Hello. I'd like an officer for my son's graduation party. June 20, 7-11 pm. About 100 guests. 5580 N Camino Real",
    {
      officers: 1,
      date: "2026-06-20",
      startTime: "19:00",
      endTime: "23:00",
      address: at("5580 N Camino Real"),
    },
  ],
  [
    "need cops x3 tomorrow 2pm-10pm",
    { officers: 3, date: "2026-06-11", startTime: "14:00", endTime: "22:00" },
  ],
  ["We'll need them from 10:30 PM until 3:30 AM", { startTime: "22:30", endTime: "03:30" }],
  [
    "Officers needed 6/27: 3 officers 5p-11p, Tucson Rodeo Grounds, 4823 S 6th Ave",
    {
      officers: 3,
      date: "2026-06-27",
      startTime: "17:00",
      endTime: "23:00",
      address: at("4823 S 6th Ave"),
      category: "major_event",
    },
  ],
  [
    "quisiera 4 policías, 2 patrullas, para un desfile el 16 de septiembre de 9 a 1",
    {
      officers: 4,
      vehicles: 2,
      date: "2026-09-16",
      startTime: "09:00",
      endTime: "13:00",
      category: "major_event",
    },
  ],
  ["can I get someone out here tonight at 9", { date: "2026-06-10", startTime: "21:00", officers: null }],
  [
    "its a charity gala at the Westin La Paloma, Saturday 6/13 6pm to midnight, need 2 officers",
    { officers: 2, date: "2026-06-13", startTime: "18:00", endTime: "00:00" },
  ],
  [
    "We need an officer to keep the peace while my tenant moves out on the 15th at 10",
    { officers: 1, date: "2026-06-15", startTime: "10:00", civilLegalService: true },
  ],
  [
    "Need 2 officers at my store during our sale, Black Friday Nov 27 5am to 1pm",
    { officers: 2, date: "2026-11-27", startTime: "05:00", endTime: "13:00" },
  ],
];

describe("first messages", () => {
  it.each(LAST_BATCH)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(MORE_FIRST_MESSAGES)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
});
