import { describe, expect, it } from "vitest";
import { type Case, pickFields } from "./parse-helpers.ts";

const at = (line1: string, city: string | null = null, state: string | null = null) => ({
  line1,
  city,
  state,
});

const SECOND_BATCH: Case[] = [
  [
    "Good morning! We are hosting a 5K fun run on Saturday June 27 starting at 6:30 AM. We'd need 4 officers for traffic control until about 10:30.",
    { officers: 4, date: "2026-06-27", startTime: "06:30", endTime: "10:30", category: "major_event" },
  ],
  [
    "need 1 officer thurs 4-8pm at walgreens 2905 n campbell ave",
    {
      officers: 1,
      date: "2026-06-11",
      startTime: "16:00",
      endTime: "20:00",
      address: { line1: "2905 N Campbell Ave", city: null, state: null },
    },
  ],
  [
    "Could we get an officer for our church's fall festival? October 17th, 3-9 pm",
    { officers: 1, date: "2026-10-17", startTime: "15:00", endTime: "21:00", category: "major_event" },
  ],
  [
    "We need two officers tomorrow night from 9 pm till 3 am at the Rialto",
    { officers: 2, date: "2026-06-11", startTime: "21:00", endTime: "03:00" },
  ],
  [
    "Requesting 3 officers for a graduation ceremony at McKale Center on 5/15/2027 from 8:00am-12:00pm",
    {
      officers: 3,
      date: "2027-05-15",
      startTime: "08:00",
      endTime: "12:00",
      eventType: "graduation security",
    },
  ],
  [
    "hey its kevin from sun valley roofing, need a cop for a crane lift that closes one lane of 1st ave, monday 6am-10am",
    { officers: 1, date: "2026-06-15", startTime: "06:00", endTime: "10:00" },
  ],
  [
    "Necesitamos un oficial para cuidar el estacionamiento de una fiesta el sábado 20 de junio de 8 pm a 1 am",
    { officers: 1, date: "2026-06-20", startTime: "20:00", endTime: "01:00" },
  ],
  [
    "Buenos días, quisiera contratar dos policías para una quinceañera el 11 de julio, de 7:00 pm a 12:00 am",
    { officers: 2, date: "2026-07-11", startTime: "19:00", endTime: "00:00" },
  ],
  [
    "Do you guys do traffic control for road work? We need 2 officers with patrol cars Monday through Friday 7-5 starting June 15",
    { officers: 2, vehicles: 2, startTime: "07:00", endTime: "17:00", category: "major_event" },
  ],
  [
    "I need an officer at the Circle K on 22nd St tonight 11pm to 7am, we've had break-ins",
    { officers: 1, date: "2026-06-10", startTime: "23:00", endTime: "07:00", vehicles: null },
  ],
  [
    "Is it possible to get 5 officers for the Juneteenth festival at Kennedy Park on June 19 from noon to 8pm?",
    { officers: 5, date: "2026-06-19", startTime: "12:00", endTime: "20:00", category: "major_event" },
  ],
  [
    "I run a bar downtown and need an officer Friday and Saturday nights 10pm-2:30am",
    { officers: 1, startTime: "22:00", endTime: "02:30", alcoholPrincipalBusiness: true },
  ],
  [
    "Need a uniformed officer for a bank deposit escort tomorrow at 4:15pm, maybe 5 miles",
    { officers: 1, date: "2026-06-11", startTime: "16:15", vehicleMiles: 5 },
  ],
  [
    "6 officers for the Tucson Marathon Dec 6, 5am-1pm, each with their vehicle",
    {
      officers: 6,
      vehicles: 6,
      date: "2026-12-06",
      startTime: "05:00",
      endTime: "13:00",
      category: "major_event",
    },
  ],
  [
    "Hi I'm Sarah Kim, event coordinator at Loews Ventana Canyon. We're having a wedding on September 12 and would like one officer from 5 to 11 pm.",
    { customerName: "Sarah Kim", officers: 1, date: "2026-09-12", startTime: "17:00", endTime: "23:00" },
  ],
  [
    "we need 2 cops for a funeral procession saturday morning at 10, from the church to the cemetery about 8 miles",
    { officers: 2, date: "2026-06-13", startTime: "10:00", vehicleMiles: 8 },
  ],
  [
    "my company needs security for a movie shoot 6/29 7am-7pm, 2 officers, at 300 S Convent Ave",
    {
      officers: 2,
      date: "2026-06-29",
      startTime: "07:00",
      endTime: "19:00",
      address: { line1: "300 S Convent Ave", city: null, state: null },
    },
  ],
  [
    "Hello, need 1 officer next Friday 8PM-12AM for a private party at 1234 E Sunrise Dr",
    {
      officers: 1,
      date: "2026-06-12",
      startTime: "20:00",
      endTime: "00:00",
      address: { line1: "1234 E Sunrise Dr", city: null, state: null },
    },
  ],
  [
    "Por favor necesito 3 agentes para un evento en el centro comunitario el 4 de julio de 5 a 10 de la noche",
    { officers: 3, date: "2026-07-04", startTime: "17:00", endTime: "22:00" },
  ],
  [
    "Can an officer do a civil standby tomorrow at 3 so my client can get her stuff from her ex's apartment?",
    { officers: 1, date: "2026-06-11", startTime: "15:00", civilLegalService: true },
  ],
  [
    "Need 2 officers at 4 pm for 6 hours on the 21st",
    { officers: 2, startTime: "16:00", durationMinutes: 360, date: "2026-06-21" },
  ],
  ["we need officers for a basketball tournament this weekend", { officers: null, date: null }],
  [
    "Two officers, July 2nd, 0600-1400, utility work on Alvernon Way",
    { officers: 2, date: "2026-07-02", startTime: "06:00", endTime: "14:00", category: "major_event" },
  ],
  [
    "One officer with a marked car for a lane closure at 5151 E Broadway Blvd Monday 9-3",
    {
      officers: 1,
      vehicles: 1,
      date: "2026-06-15",
      startTime: "09:00",
      endTime: "15:00",
      address: { line1: "5151 E Broadway Blvd", city: null, state: null },
    },
  ],
  [
    "Quiero 2 oficiales para una boda, sábado 27 de junio de 6 de la tarde a 12 de la noche, en el salón Los Arcos, 3500 S 12th Ave",
    {
      officers: 2,
      date: "2026-06-27",
      startTime: "18:00",
      endTime: "00:00",
      address: { line1: "3500 S 12th Ave", city: null, state: null },
    },
  ],
  ["will there be armed guards? no, we don't have any security", { armedPrivateSecurity: false }],
  [
    "Hello, we are a nonprofit hosting a community health fair at 1501 N Oracle Rd on 7/11 from 9 to 2 and would like 2 officers",
    {
      officers: 2,
      date: "2026-07-11",
      startTime: "09:00",
      endTime: "14:00",
      address: { line1: "1501 N Oracle Rd", city: null, state: null },
    },
  ],
  [
    "1 officer 6/20 10p-6a apartment complex 4401 E Pima St Tucson AZ 85712",
    {
      officers: 1,
      date: "2026-06-20",
      startTime: "22:00",
      endTime: "06:00",
      address: { line1: "4401 E Pima St", city: "Tucson", state: "AZ" },
    },
  ],
  [
    "need 2 officers in mesquite for a sale at our car dealership saturday 9-6, address 18600 LBJ Fwy",
    {
      officers: 2,
      date: "2026-06-13",
      startTime: "09:00",
      endTime: "18:00",
      address: { line1: "18600 LBJ Fwy", city: null, state: null },
    },
  ],
  [
    "The Rockport Seafood festival needs 8 officers on Saturday 10am to 10pm",
    { officers: 8, date: "2026-06-13", startTime: "10:00", endTime: "22:00", category: "major_event" },
  ],
];

const THIRD_BATCH: Case[] = [
  [
    "Hi. Need two officers on Thursday, June 18 from 2:00 p.m. to 10:00 p.m. for a store opening at 7250 N Cortaro Rd.",
    {
      officers: 2,
      date: "2026-06-18",
      startTime: "14:00",
      endTime: "22:00",
      address: at("7250 N Cortaro Rd"),
    },
  ],
  [
    "can i get a cop at my gas station tonight 10-6",
    {
      officers: 1,
      date: "2026-06-10",
      startTime: "22:00",
      endTime: "06:00",
      eventType: "gas station security",
    },
  ],
  [
    "We need 3 off-duty officers for crowd control at a high school football game Friday 6/12 6:30-10:30 pm",
    { officers: 3, date: "2026-06-12", startTime: "18:30", endTime: "22:30" },
  ],
  [
    "Necesito dos policías mañana de 3 a 7 para una venta en mi negocio",
    { officers: 2, date: "2026-06-11", startTime: "15:00", endTime: "19:00" },
  ],
  [
    "Looking to hire one officer for 3 hrs Sunday afternoon around 1, at the Tucson Mall",
    { officers: 1, durationMinutes: 180, date: "2026-06-14", startTime: "13:00" },
  ],
  ["Yes we will need a police vehicle", { vehicles: 1 }],
  ["Just the one officer, no car", { officers: 1, vehicles: 0 }],
  [
    "It's for a road closure on Main Street in Rockport, 7 am to 5 pm, 2 officers",
    { officers: 2, startTime: "07:00", endTime: "17:00", category: "major_event" },
  ],
  [
    "need an officer 7/25 from 5pm-9pm at 201 N Stone Ave Tucson AZ 85701 for a book signing",
    {
      officers: 1,
      date: "2026-07-25",
      startTime: "17:00",
      endTime: "21:00",
      address: at("201 N Stone Ave", "Tucson", "AZ"),
    },
  ],
  ["How much for 2 officers for 4 hours?", { officers: 2, durationMinutes: 240, startTime: null }],
  [
    "We'd like 1 deputy at the front gate from 6 am until 2 pm on Aug 1st",
    { officers: 1, startTime: "06:00", endTime: "14:00", date: "2026-08-01" },
  ],
  [
    "Our HOA needs an officer to patrol the neighborhood on July 4th 8pm-midnight",
    { officers: 1, date: "2026-07-04", startTime: "20:00", endTime: "00:00" },
  ],
  ["the address is 9 W Main St, Rockport TX 78382", { address: at("9 W Main St", "Rockport", "TX") }],
  [
    "2 officers 6/14 5-9 @ 1000 S Freeway",
    { officers: 2, date: "2026-06-14", startTime: "17:00", endTime: "21:00", address: at("1000 S Freeway") },
  ],
  [
    "We have a special event with about 500 attendees on Saturday from 4 to 10 pm, we think we need 3 officers",
    { officers: 3, startTime: "16:00", endTime: "22:00", date: "2026-06-13" },
  ],
  [
    "Somos de Pavimentos del Norte, necesitamos 2 oficiales para cierre de carril el martes de 7 a 3",
    {
      organization: "Pavimentos del Norte",
      officers: 2,
      date: "2026-06-16",
      startTime: "07:00",
      endTime: "15:00",
      category: "major_event",
    },
  ],
  [
    "hola necesito seguridad para una fiesta de cumpleaños el sabado de 8 a 12",
    { date: "2026-06-13", startTime: "20:00", endTime: "00:00", eventType: "birthday party security" },
  ],
  [
    "4 officers, 2 cars, Dec 31 from 9 pm to 2 am, New Year's party at the Hotel Congress",
    { officers: 4, vehicles: 2, date: "2026-12-31", startTime: "21:00", endTime: "02:00" },
  ],
  [
    "I'd like to request an officer for the 23rd from 11 to 3",
    { officers: 1, date: "2026-06-23", startTime: "11:00", endTime: "15:00" },
  ],
  ["we only need him from 6 to 9", { startTime: "18:00", endTime: "21:00", officers: null }],
  [
    "Tomorrow 7:00-15:30, 1 officer, traffic control, construction at 2nd St and Euclid",
    { date: "2026-06-11", startTime: "07:00", endTime: "15:30", officers: 1, category: "major_event" },
  ],
  ["Officer needed for bank at 3 pm tomorrow", { officers: 1, startTime: "15:00", date: "2026-06-11" }],
  [
    "one officer please, from 8 to 4:30, 6/16",
    { officers: 1, startTime: "08:00", endTime: "16:30", date: "2026-06-16" },
  ],
  [
    "Hi, this is Linda with Pima Medical Institute. We'd like an officer for our graduation on June 26th from 5:30 to 9:30 pm",
    {
      customerName: "Linda",
      organization: "Pima Medical Institute",
      officers: 1,
      date: "2026-06-26",
      startTime: "17:30",
      endTime: "21:30",
    },
  ],
  [
    "necesitamos 1 oficial el 30 de junio a partir de las 6 de la tarde por 5 horas",
    { officers: 1, date: "2026-06-30", startTime: "18:00", durationMinutes: 300 },
  ],
];

// Messages written after the parser, to measure it on phrasing it was not built around.
describe("more realistic messages", () => {
  it.each(SECOND_BATCH)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(THIRD_BATCH)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
});
