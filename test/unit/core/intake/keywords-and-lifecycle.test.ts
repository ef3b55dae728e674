import { describe, expect, it } from "vitest";
import { formatCents, type CustomerRequestView } from "../../../../core/intake/index.ts";
import { computeCancellationFee } from "../../../../core/pricing/index.ts";
import { IntakeConversation, playIntake } from "../../../builders/intake-conversation.ts";
import { getTestAgency, makeQuoteRequest } from "../../../builders/quote-request.ts";

/** Booking #1042: approved, 2 officers Tuesday 2026-11-24 18:00–22:00, so cancelling on Monday is inside the 24 h window. */
function makeBooking(overrides: Partial<CustomerRequestView> = {}): CustomerRequestView {
  return {
    number: 1042,
    status: "approved",
    request: makeQuoteRequest({
      requestedAt: "2026-11-10T09:00:00-07:00",
      start: "2026-11-24T18:00:00-07:00",
      end: "2026-11-24T22:00:00-07:00",
    }),
    approvedAt: "2026-11-11T09:00:00-07:00",
    minutesWorked: 0,
    ...overrides,
  };
}

const FEE_CENTS = computeCancellationFee(
  { ...makeBooking().request, approvedAt: "2026-11-11T09:00:00-07:00", cancelledAt: "2026-11-24T01:00:00Z", minutesWorked: 0 },
  getTestAgency("tucson-az-pd"),
).feeCents;

describe("intake keywords", () => {
  it("HELP explains and repeats the current question", () => {
    const c = playIntake(["need 2 officers saturday", "HELP"]);
    expect(c.turns[1]?.replies[0]).toMatch(/^I take requests for off-duty officers/);
    expect(c.lastReply).toBe("What time should the shift start and end? (e.g. 6 PM to 11 PM)");
    expect(c.state.slots.officers).toBe(2);
  });

  it.each(["AGENT", "talk to a person", "can I speak to a real person?"])("%s escalates, then the bot stays silent", (text) => {
    const c = playIntake(["need 2 officers saturday", text]);
    expect(c.state.phase).toBe("escalated");
    expect(c.turns[1]?.effects).toEqual([{ kind: "escalate", reason: "asked_for_agent" }]);
    expect(c.lastReply).toMatch(/connecting you with a dispatcher/);
    const after = c.say("hello? 3 officers please");
    expect(after.replies).toEqual([]);
    expect(after.effects).toEqual([]);
    expect(c.state.slots.officers).toBe(2);
  });

  it("three misunderstood answers in a row escalate; an understood one resets the count", () => {
    const c = playIntake(["need 2 officers saturday", "purple", "???"]);
    expect(c.state.misunderstood).toBe(2);
    c.say("6pm");
    expect(c.state.misunderstood).toBe(0);
    c.play(["hmm", "blah"]);
    expect(c.state.phase).toBe("collecting");
    const third = c.say("zzz");
    expect(c.state.phase).toBe("escalated");
    expect(third.effects).toEqual([{ kind: "escalate", reason: "misunderstood" }]);
    expect(third.replies).toEqual(["I'm having trouble understanding, so I'm bringing in a dispatcher who will reply here shortly."]);
    expect(c.say("hello").replies).toEqual([]);
  });

  it("STATUS with no requests, then with one", () => {
    expect(playIntake(["STATUS"]).lastReply).toBe("You have no bookings with us yet.");
    const c = playIntake(["status"], { requests: [makeBooking()] });
    expect(c.lastReply).toBe("#1042: approved, Tue Nov 24, 6:00 PM – 10:00 PM");
  });

  it.each(["cancel my booking", "CANCEL 1042"])("%s shows the fee and needs a second YES", (text) => {
    const c = new IntakeConversation({ requests: [makeBooking()], now: "2026-11-23T18:00:00-07:00" });
    const turn = c.say(text);
    expect(FEE_CENTS).toBeGreaterThan(0);
    expect(turn.replies).toEqual([
      `Cancelling booking #1042 will cost a cancellation fee of ${formatCents(FEE_CENTS)}. Reply YES to cancel it, or NO to keep it.`,
    ]);
    expect(turn.effects).toEqual([]);
    const yes = c.say("YES");
    expect(yes.effects).toEqual([
      { kind: "cancel_request", requestNumber: 1042, feeCents: FEE_CENTS, cancelledAt: "2026-11-24T01:00:00.000Z" },
    ]);
    expect(yes.replies[0]).toBe(`Booking #1042 is cancelled. Cancellation fee: ${formatCents(FEE_CENTS)}.`);
  });

  it("NO keeps the booking; an unknown number is reported", () => {
    const c = playIntake(["cancel my booking", "no"], { requests: [makeBooking()] });
    expect(c.effects).toEqual([]);
    expect(c.lastReply).toBe("OK, booking #1042 stays as it is.");
    expect(playIntake(["CANCEL 77"], { requests: [makeBooking()] }).lastReply).toBe("I couldn't find booking #77 for this number.");
  });

  it.each(["STOP", "CANCEL", "UNSUBSCRIBE", "stop."])("%s opts out; afterwards nothing is sent until START", (text) => {
    const c = playIntake(["need 2 officers saturday", text]);
    expect(c.turns[1]?.effects).toEqual([{ kind: "opt_out" }]);
    // On SMS the carrier confirms STOP itself.
    expect(c.turns[1]?.replies).toEqual([]);
    expect(c.state.optedOut).toBe(true);
    for (const line of ["hello", "HELP", "AGENT", "STATUS", "6pm to 11pm"]) {
      const turn = c.say(line);
      expect(turn.replies, line).toEqual([]);
      expect(turn.effects, line).toEqual([]);
    }
    const start = c.say("START");
    expect(start.effects).toEqual([{ kind: "opt_in" }]);
    expect(start.replies).toEqual(["You're subscribed again and can receive messages from us."]);
    expect(c.say("HELP").replies.length).toBeGreaterThan(0);
  });

  it("web chat confirms an opt-out in words", () => {
    const c = playIntake(["STOP"], { channel: "web", phone: null });
    expect(c.lastReply).toBe("You won't receive any more messages from us. Reply START to undo.");
  });
});

describe("intake lifecycle", () => {
  it("a draft idle over an hour resumes with a welcome back", () => {
    const c = playIntake(["need 2 officers saturday"]);
    const turn = c.say("6pm", { afterMs: 2 * 3600_000 });
    expect(turn.replies[0]).toBe("Welcome back — still want 2 officers Sat Nov 28?");
    expect(c.state.slots).toMatchObject({ officers: 2, startTime: "18:00" });
    expect(turn.replies.at(-1)).toMatch(/end, or how many hours/);
  });

  it("a draft idle over 24 hours expires and starts fresh", () => {
    const c = playIntake(["need 2 officers saturday 6pm to 11pm"]);
    const turn = c.say("hi", { afterMs: 25 * 3600_000 });
    expect(turn.replies[0]).toBe("Your earlier unfinished request expired after 24 hours, so let's start again.");
    expect(c.state.slots.officers).toBeNull();
    expect(c.state.slots.date).toBeNull();
    expect(c.lastReply).toMatch(/What date/);
  });

  it("prohibited work is refused with the reason as soon as it shows, and stays refused", () => {
    const c = playIntake([
      "Need 2 officers Saturday 6pm-11pm at 4500 E Broadway Blvd for store security, no vehicle",
      "yes",
    ]);
    // A bare YES to the combined screening question asks which items apply.
    expect(c.state.phase).toBe("collecting");
    expect(c.lastReply).toBe("Which ones apply? Reply with their numbers (e.g. 1, 3), or NONE.");
    const refusal = c.say("1");
    expect(c.state.phase).toBe("refused");
    expect(refusal.replies[0]).toMatch(/^Sorry, we can't take this request\. Armed private security/);
    expect(refusal.replies.at(-1)).toMatch(/^Officers can still be booked for .*Text START OVER/);
    const after = c.say("ok thanks");
    expect(c.state.phase).toBe("refused");
    expect(c.state.misunderstood).toBe(0);
    expect(after.replies).toEqual([
      "We can't take that request. Text START OVER to book officers for something else, or AGENT to talk to a dispatcher.",
    ]);
    c.say("yes");
    expect(c.submissions).toHaveLength(0);
  });

  it("Mesquite: a vehicle outside the city offers to continue without one", () => {
    const lines = [
      "Hi this is Tom Reed with Reed Paving. Need 2 officers and 1 patrol car for traffic control on road work at 1200 Main St, Dallas, TX next Tuesday 7am to 3pm",
      "none",
    ];
    const c = playIntake(lines, { agency: "mesquite-tx-pd", now: "2026-11-23T10:00:00-06:00" });
    expect(c.lastReply).toMatch(/only be used for jobs inside the city of Mesquite.*continue without a police vehicle\? \(yes\/no\)/);
    c.say("yes");
    expect(c.state.phase).toBe("confirming");
    expect(c.state.slots.vehicles).toBe(0);
    expect(c.lastReply).toContain("• Officers: 2");
    expect(c.lastReply).not.toMatch(/with \d+ vehicle/);
    c.say("yes");
    expect(c.submissions[0]?.request.vehicles).toBe(0);

    const declined = playIntake([...lines, "no"], { agency: "mesquite-tx-pd", now: "2026-11-23T10:00:00-06:00" });
    expect(declined.state.phase).toBe("refused");
    expect(declined.lastReply).toBe("Understood. We can't take the request with a vehicle at that address.");
    expect(declined.submissions).toHaveLength(0);
  });

  it("after submitting, a new request starts fresh and STATUS lists the first", () => {
    const c = playIntake([
      "Need 2 officers Saturday 6pm-11pm at 4500 E Broadway Blvd for store security, no vehicle",
      "no",
      "Maria Lopez",
      "none",
      "none",
      "yes",
      "thanks!",
    ]);
    expect(c.state.phase).toBe("submitted");
    expect(c.lastReply).toBe("You're welcome! Text us any time you need officers.");
    c.say("what about it?");
    expect(c.lastReply).toMatch(/#1001 is already submitted/);
    c.say("STATUS");
    expect(c.lastReply).toBe("#1001: submitted, Sat Nov 28, 6:00 PM – 11:00 PM");
    c.say("I also need 1 officer next Friday 8am to noon");
    expect(c.state.phase).toBe("collecting");
    expect(c.state.slots).toMatchObject({ officers: 1, startTime: "08:00", endTime: "12:00", address: null });
  });
});

describe("intake in Spanish", () => {
  it("takes a whole request in Spanish and answers in Spanish", () => {
    const c = playIntake([
      "Hola, necesito 2 oficiales para una fiesta el sábado de 7pm a 11pm en 123 S 6th Ave, Tucson",
      "no",
      "no",
      "Ana Ruiz",
      "ninguna",
      "ninguna",
    ]);
    expect(c.replies[0]).toMatch(/^¡Hola! Esta es la línea/);
    expect(c.state.language).toBe("es");
    expect(c.lastReply).toContain("Esta es su solicitud:");
    expect(c.lastReply).toContain("sáb 28 de nov");
    expect(c.lastReply).toContain("Responda SÍ para enviar");
    c.say("sí");
    expect(c.lastReply).toMatch(/^¡Gracias! La solicitud #1001 fue enviada/);
    expect(c.submissions[0]?.request).toMatchObject({ language: "es", officers: 2, start: "2026-11-28T19:00:00-07:00" });
  });

  it("AYUDA, AGENTE and ESTADO work in Spanish", () => {
    expect(playIntake(["hola", "AYUDA"]).lastReply).toMatch(/Tomo solicitudes|Para qué fecha/);
    expect(playIntake(["hola", "ESTADO"]).lastReply).toBe("Todavía no tiene reservas con nosotros.");
    const agent = playIntake(["hola", "quiero hablar con una persona"]);
    expect(agent.state.phase).toBe("escalated");
    expect(agent.lastReply).toMatch(/despachador/);
  });
});
