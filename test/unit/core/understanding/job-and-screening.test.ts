import { describe, expect, it } from "vitest";
import { type Case, pickFields } from "./parse-helpers.ts";

const JOBS: Case[] = [
  [
    "traffic control for road construction",
    { eventType: "road construction traffic control", category: "major_event" },
  ],
  [
    "we have a lane closure on Speedway",
    { eventType: "lane closure traffic control", category: "major_event" },
  ],
  ["road work on Grant Rd", { eventType: "road work traffic control", category: "major_event" }],
  [
    "construction project, need flagging",
    { eventType: "construction project traffic control", category: "major_event" },
  ],
  ["security for our music festival", { eventType: "music festival security", category: "major_event" }],
  ["parade on Saturday", { eventType: "parade traffic control", category: "major_event" }],
  ["a concert at the amphitheater", { eventType: "concert security", category: "major_event" }],
  ["stadium event", { eventType: "stadium event security", category: "major_event" }],
  ["the half marathon downtown", { eventType: "half marathon traffic control", category: "major_event" }],
  ["it's a major event", { eventType: "major event security", category: "major_event" }],
  ["this is a critical need", { eventType: "critical need", category: "critical_need" }],
  [
    "critical need traffic control",
    { eventType: "critical need traffic control", category: "critical_need" },
  ],
  ["retail store security", { eventType: "retail store security", category: "regular" }],
  ["for my store", { eventType: "store security", category: "regular" }],
  ["bank security", { eventType: "bank security", category: "regular" }],
  ["church service on Sunday", { eventType: "church security", category: "regular" }],
  ["school dance", { eventType: "school security", category: "regular" }],
  ["birthday party", { eventType: "birthday party security", category: "regular" }],
  ["our wedding reception", { eventType: "wedding reception security", category: "regular" }],
  ["funeral escort", { eventType: "funeral escort", category: "regular" }],
  [
    "parking lot traffic control for church",
    { eventType: "parking lot traffic control", category: "regular" },
  ],
  ["seguridad para mi tienda", { eventType: "store security", category: "regular" }],
  [
    "control de tráfico para obras viales",
    { eventType: "road construction traffic control", category: "major_event" },
  ],
  ["una boda", { eventType: "wedding security", category: "regular" }],
  ["un desfile", { eventType: "parade traffic control", category: "major_event" }],
  ["quinceañera", { eventType: "quinceañera security", category: "regular" }],
  ["hello", { eventType: null, category: null }],
  ["1 S Church Ave", { eventType: null }],
];

const SCREENING: Case[] = [
  ["there will be armed guards", { armedPrivateSecurity: true }],
  ["our security guards are armed", { armedPrivateSecurity: true }],
  ["no armed security", { armedPrivateSecurity: false }],
  ["the guards will not be armed", { armedPrivateSecurity: false }],
  ["habrá guardias armados", { armedPrivateSecurity: true }],
  ["2 armed officers please", { armedPrivateSecurity: null, officers: 2 }],
  ["it's a bar", { alcoholPrincipalBusiness: true }],
  ["nightclub on 4th ave", { alcoholPrincipalBusiness: true }],
  ["liquor store", { alcoholPrincipalBusiness: true, eventType: "liquor store security" }],
  ["we're not a bar, it's a restaurant", { alcoholPrincipalBusiness: false }],
  ["es una cantina", { alcoholPrincipalBusiness: true }],
  ["bar mitzvah", { alcoholPrincipalBusiness: null, eventType: "bar mitzvah security" }],
  ["the snack bar at the school", { alcoholPrincipalBusiness: null }],
  ["we need a bouncer", { bodyguardOrBouncer: true }],
  ["bodyguard for a celebrity", { bodyguardOrBouncer: true }],
  ["door security at the club", { bodyguardOrBouncer: true }],
  ["no bouncers, just traffic", { bodyguardOrBouncer: false }],
  ["necesito un guardaespaldas", { bodyguardOrBouncer: true }],
  ["serve papers to a tenant", { civilLegalService: true }],
  ["eviction on Monday", { civilLegalService: true }],
  ["civil standby while she gets her things", { civilLegalService: true }],
  ["witness for a deposition", { civilLegalService: true }],
  ["un desalojo", { civilLegalService: true }],
  [
    "a wedding",
    {
      armedPrivateSecurity: null,
      civilLegalService: null,
      bodyguardOrBouncer: null,
      alcoholPrincipalBusiness: null,
    },
  ],
];

describe("job description and category", () => {
  it.each(JOBS)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each<Case>([
    [
      "Grand opening of our new dental office",
      { eventType: "grand opening security", category: "regular" },
      "eventType",
    ],
    ["Neighborhood cleanup day", { eventType: "neighborhood cleanup day", category: "regular" }, "eventType"],
    ["it's a movie premiere", { eventType: "movie premiere security", category: "regular" }, "eventType"],
    ["festival de música", { eventType: "festival security", category: "major_event" }, "eventType"],
  ])("answers the job question: %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
});

describe("screening answers in free text", () => {
  it.each(SCREENING)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
});
