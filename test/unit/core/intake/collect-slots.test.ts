import { describe, expect, it } from "vitest";
import { IntakeConversation, playIntake } from "../../../builders/intake-conversation.ts";

/** Tucson screens for all four kinds of prohibited work in one question; NONE answers them all. */
const TUCSON_SCREENING = ["none"];

describe("intake: every slot asked and filled", () => {
  it("Tucson asks each slot in order (missing answers that belong together at once, its four screening items in one question), then summarises", () => {
    const c = new IntakeConversation({ agency: "tucson-az-pd" });
    const asked = [
      ["hello", /^What date and times do you need the officers, and at what address\?/],
      ["saturday", /^What time should the shift start and end\?/],
      ["6pm", /end, or how many hours/],
      ["11pm", /address/],
      ["4500 E Broadway Blvd, Tucson, AZ", /^How many officers do you need, and what is the job\?/],
      ["2", /^What is the job\?/],
      ["store security", /police vehicle/],
      [
        "no",
        /^Will any of these apply: 1\) armed private security on site, 2\) alcohol sales as the main business, 3\) bodyguard or bouncer duties, 4\) a civil legal matter .*Reply NONE/,
      ],
      ["none", /^What is your name, and the business or organization/],
      ["Maria Lopez", /^What business or organization is this for\?/],
      ["Desert Grocers", /instructions/],
      ["ask for the manager", /Here is your request/],
    ] as const;
    for (const [line, question] of asked) {
      const turn = c.say(line);
      expect(turn.replies.at(-1), line).toMatch(question);
    }
    expect(c.state.phase).toBe("confirming");
    expect(c.state.slots).toMatchObject({
      date: "2026-11-28",
      startTime: "18:00",
      endTime: "23:00",
      address: { line1: "4500 E Broadway Blvd", city: "Tucson", state: "AZ" },
      officers: 2,
      eventType: "store security",
      vehicles: 0,
      customerName: "Maria Lopez",
      organization: "Desert Grocers",
      postOrders: "ask for the manager",
      flags: { armedPrivateSecurity: false, civilLegalService: false, bodyguardOrBouncer: false, alcoholPrincipalBusiness: false },
    });
    expect(c.lastReply).toContain("Sat Nov 28, 6:00 PM – 11:00 PM");
    expect(c.lastReply).toContain("Quote: $705.10 total");
    expect(c.submissions).toHaveLength(0);
    c.say("yes");
    expect(c.state.phase).toBe("submitted");
    expect(c.submissions).toHaveLength(1);
    const [submission] = c.submissions;
    expect(submission?.request).toMatchObject({
      start: "2026-11-28T18:00:00-07:00",
      end: "2026-11-28T23:00:00-07:00",
      officers: 2,
      vehicles: 0,
    });
    expect(submission?.quote.totalCents).toBe(70510);
    expect(submission?.customer).toEqual({ name: "Maria Lopez", organization: "Desert Grocers", phone: "+15205550142" });
    expect(submission?.postOrders).toBe("ask for the manager");
    expect(c.lastReply).toContain("Request #1001 is submitted");
  });

  it("Rockport asks how many miles when there is a vehicle, because it prices mileage", () => {
    const c = playIntake(
      ["need an officer w/ patrol vehicle for a funeral escort dec 5 10am-1pm", "from 1 Church St, Rockport to the cemetery"],
      { agency: "rockport-tx-pd", now: "2026-11-23T10:00:00-06:00" },
    );
    expect(c.lastReply).toMatch(/how many miles/);
    expect(c.state.question).toBe("vehicleMiles");
    c.play(["about 12 miles", "Ann Lee", "none", "none"]);
    expect(c.state.phase).toBe("confirming");
    expect(c.lastReply).toMatch(/vehicle \$62\.73/);
    c.say("yes");
    expect(c.submissions[0]?.request).toMatchObject({ vehicles: 1, vehicleMiles: 12, officers: 1 });
  });

  it("Rockport does not ask miles without a vehicle; Tucson never asks miles", () => {
    const rockport = playIntake(["2 officers dec 5 10am-1pm at 1 Church St, Rockport for a parade", "no"], {
      agency: "rockport-tx-pd",
      now: "2026-11-23T10:00:00-06:00",
    });
    expect(rockport.state.question).toBe("customerName");
    const tucson = playIntake(["2 officers saturday 6pm-11pm at 4500 E Broadway Blvd for store security", "1"]);
    expect(tucson.state.slots.vehicles).toBe(1);
    expect(tucson.state.question).toBe("screening");
    expect(tucson.lastReply).toMatch(/^Will any of these apply: 1\) armed private security on site/);
  });

  it("Mesquite notes that a vehicle needs supervisor approval in the summary", () => {
    const c = playIntake(
      [
        "We need 1 officer with a squad car for traffic control, 900 N Galloway Ave, Mesquite, next Tuesday from 7am to 3pm",
        "Tom Reed",
        "Reed Paving",
        "park by the trailer",
      ],
      { agency: "mesquite-tx-pd", now: "2026-11-23T10:00:00-06:00" },
    );
    expect(c.state.phase).toBe("confirming");
    expect(c.lastReply).toContain("• Officers: 1 officer (with 1 vehicle)");
    expect(c.lastReply).toMatch(/Note: .*police car.*supervisor/);
    // The organisation's name does not rewrite the job.
    expect(c.state.slots.eventType).toBe("traffic control");
    expect(c.lastReply).toContain("• Instructions: park by the trailer");
  });

  it("takes a multi-slot first message and asks only what is missing", () => {
    const c = playIntake([
      "Hi, this is Maria Lopez from Desert Grocers. We need 2 officers for our store at 4500 E Broadway Blvd, Tucson this Saturday 6pm to 11pm",
    ]);
    expect(c.state.slots).toMatchObject({
      date: "2026-11-28",
      startTime: "18:00",
      endTime: "23:00",
      officers: 2,
      customerName: "Maria Lopez",
      organization: "Desert Grocers",
      address: { line1: "4500 E Broadway Blvd", city: "Tucson" },
    });
    expect(c.replies[0]).toMatch(/^Hi! This is the Tucson Police Department/);
    expect(c.state.question).toBe("vehicles");
    c.play(["no", ...TUCSON_SCREENING, "none"]);
    expect(c.state.phase).toBe("confirming");
  });

  it("reads a duration instead of an end time", () => {
    const c = playIntake(["2 officers saturday at 6pm for 4 hours"]);
    expect(c.state.slots).toMatchObject({ startTime: "18:00", durationMinutes: 240, endTime: null });
    expect(c.state.question).toBe("address");
  });

  it("a start in the past asks for a future date", () => {
    const c = playIntake(["need 2 officers today 6am to 9am"]);
    expect(c.lastReply).toMatch(/What date/);
    expect(c.replies).toContain("That time has already passed. Please give a date and time in the future.");
    expect(c.state.slots.date).toBeNull();
    c.say("tomorrow");
    expect(c.state.slots.date).toBe("2026-11-24");
    expect(c.state.question).toBe("address");
  });

  it("a shift over 24 hours asks for the end again", () => {
    const c = playIntake(["2 officers saturday 6am", "for 30 hours"]);
    expect(c.lastReply).toBe("A single request can cover at most 24 hours. What time should it end?");
    expect(c.state.slots.durationMinutes).toBeNull();
    expect(c.state.slots.address).toBeNull();
    c.say("8 hours");
    expect(c.state.slots.durationMinutes).toBe(480);
    expect(c.state.question).toBe("address");
  });

  it("rejects more vehicles than officers and out-of-range officer counts", () => {
    const c = playIntake(["2 officers saturday 6pm-11pm at 4500 E Broadway Blvd for store security", "3"]);
    expect(c.lastReply).toMatch(/at most one vehicle per officer/);
    expect(c.state.slots.vehicles).toBeNull();
    const many = playIntake(["saturday 6pm-11pm at 4500 E Broadway Blvd", "500"]);
    expect(many.lastReply).toMatch(/1 to 100 officers/);
    expect(many.state.slots.officers).toBeNull();
  });
});

describe("intake: corrections", () => {
  const toSummary = (now?: string) =>
    playIntake(
      ["Need 2 officers Saturday 6pm-11pm at 4500 E Broadway Blvd Tucson for store security, no vehicle", ...TUCSON_SCREENING, "Maria Lopez", "none", "none"],
      { now },
    );

  it("before the summary: a correction while asked for the name changes the count, not the name", () => {
    const c = playIntake(["Need 2 officers Saturday 6pm-11pm at 4500 E Broadway Blvd for store security, no vehicle", ...TUCSON_SCREENING]);
    expect(c.state.question).toBe("customerName");
    const turn = c.say("actually make it 3");
    expect(c.state.slots.officers).toBe(3);
    expect(c.state.slots.customerName).toBeNull();
    const askName =
      "What is your name, and the business or organization it's for? (e.g. Maria Lopez, Desert Bloom Events; or just your name if it's for you)";
    expect(turn.replies).toEqual(["Updated: officers 3.", askName]);
    c.say("change the date to Friday");
    expect(c.state.slots.date).toBe("2026-11-27");
    expect(c.state.slots.customerName).toBeNull();
    expect(c.lastReply).toBe(askName);
  });

  it("after the summary: shows what changed, re-quotes, and YES submits only the new summary", () => {
    const c = toSummary();
    expect(c.lastReply).toContain("Quote: $705.10 total");
    const first = c.say("actually make it 3");
    expect(first.replies[0]).toBe("Updated: officers 3.");
    expect(first.replies[1]).toContain("• Officers: 3 officers\n");
    expect(first.replies[1]).toContain("Quote: $1,057.65 total");
    expect(c.state.phase).toBe("confirming");
    const second = c.say("change the date to Friday");
    expect(second.replies[0]).toBe("Updated: date Fri Nov 27.");
    expect(second.replies[1]).toContain("Fri Nov 27, 6:00 PM – 11:00 PM");
    expect(c.submissions).toHaveLength(0);
    c.say("YES");
    expect(c.submissions).toHaveLength(1);
    expect(c.submissions[0]?.request).toMatchObject({ officers: 3, start: "2026-11-27T18:00:00-07:00" });
    expect(c.submissions[0]?.quote.totalCents).toBe(105765);
  });

  it("a change after the summary re-screens: armed security turns the quote into a refusal", () => {
    const c = toSummary();
    const turn = c.say("actually there will be armed security guards there");
    expect(c.state.phase).toBe("refused");
    expect(turn.replies.join(" ")).toMatch(/can't take this request.*Armed private security/);
    c.say("yes");
    expect(c.submissions).toHaveLength(0);
  });

  it("NO at the summary asks what to change; the answer re-summarises", () => {
    const c = toSummary();
    c.say("no");
    expect(c.lastReply).toBe("No problem. What would you like to change?");
    expect(c.state.phase).toBe("collecting");
    const turn = c.say("4 officers");
    expect(turn.replies[0]).toBe("Updated: officers 4.");
    expect(c.state.phase).toBe("confirming");
    expect(c.submissions).toHaveLength(0);
  });

  it("YES before the summary never submits", () => {
    const c = playIntake(["Need 2 officers Saturday", "yes"]);
    expect(c.lastReply).toMatch(/didn't catch that. What time should the shift start/);
    const almost = playIntake([
      "Need 2 officers Saturday 6pm-11pm at 4500 E Broadway Blvd for store security, no vehicle",
      ...TUCSON_SCREENING,
      "Maria Lopez",
      "none",
    ]);
    expect(almost.state.question).toBe("postOrders");
    almost.say("yes");
    expect(almost.state.slots.postOrders).toBeNull();
    expect(almost.state.phase).toBe("collecting");
    expect(c.submissions).toHaveLength(0);
    expect(almost.submissions).toHaveLength(0);
  });

  it("a YES after the quote changed (now an emergency lead time) re-shows the summary instead of submitting", () => {
    // Summarised 56 h before the shift; the YES comes 46 h before it, inside the 48 h emergency rate.
    const c = toSummary("2026-11-26T10:00:00-07:00");
    const shown = /Quote: (\$[\d,.]+) total/.exec(c.lastReply)?.[1];
    expect(shown).toBeDefined();
    const turn = c.say("yes", { at: "2026-11-26T20:00:00-07:00" });
    expect(c.submissions).toHaveLength(0);
    expect(c.state.phase).toBe("confirming");
    expect(turn.replies[0]).toMatch(/^Welcome back/);
    expect(turn.replies.at(-1)).toContain("Here is your request:");
    expect(turn.replies.at(-1)).not.toContain(`Quote: ${shown} total`);
    c.say("yes");
    expect(c.submissions).toHaveLength(1);
    expect(c.submissions[0]?.quote.lines.some((line) => "rateKind" in line && line.rateKind === "emergency")).toBe(true);
  });
});

describe("intake: phrasings found weak on unseen conversations", () => {
  it("reads an HOA president's organisation, a street named with a street type, and a patrol job", () => {
    const c = playIntake(
      [
        "Hi, I'm Greg Hall, president of the Creek Crossing HOA. We'd like one officer with a patrol car for neighborhood patrol Friday Dec 4, 6pm-midnight, at 3200 Creek Crossing Dr, Mesquite TX",
      ],
      { agency: "mesquite-tx-pd", now: "2026-11-23T10:00:00-06:00" },
    );
    expect(c.state.slots).toMatchObject({
      customerName: "Greg Hall",
      organization: "Creek Crossing HOA",
      address: { line1: "3200 Creek Crossing Dr", city: "Mesquite", state: "TX" },
      eventType: "neighborhood patrol",
      officers: 1,
      vehicles: 1,
      endTime: "00:00",
    });
    expect(c.state.question).toBe("postOrders");
  });

  it("'each car will drive about 6 miles' keeps the car count; 'the Rotary Club' drops the article", () => {
    const c = playIntake(
      [
        "Hello, this is Dana Whitfield with the Rockport Rotary Club. We're hosting a 5K run on Saturday December 5th, 7am-11am, starting at 100 N Austin St, Rockport, TX. We'd like 4 officers and 2 patrol cars.",
        "each car will drive about 6 miles",
      ],
      { agency: "rockport-tx-pd", now: "2026-11-23T10:00:00-06:00" },
    );
    expect(c.state.slots).toMatchObject({ vehicles: 2, vehicleMiles: 6, organization: "Rockport Rotary Club" });
  });

  it("a brewery is a job, and 'yes, we're a bar' is not a name", () => {
    const c = playIntake(["Need 2 off duty officers at our brewery, 500 N 4th Ave, Tucson, on December 31 from 9pm to 2am"]);
    expect(c.state.slots.eventType).toBe("brewery security");
    expect(c.state.slots.flags.alcoholPrincipalBusiness).toBe(true);
    // No vehicle; the screening question no longer lists alcohol, which the job answered.
    c.play(["no", "none"]);
    expect(c.state.question).toBe("customerName");
    c.say("yes, we're a bar");
    expect(c.state.slots.customerName).toBeNull();
    c.say("actually it's Jenna Park");
    expect(c.state.slots.customerName).toBe("Jenna Park");
  });
});
