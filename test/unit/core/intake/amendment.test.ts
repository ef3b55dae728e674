import { describe, expect, it } from "vitest";
import type { CustomerRequestView } from "../../../../core/intake/index.ts";
import { IntakeConversation } from "../../../builders/intake-conversation.ts";
import { makeQuoteRequest } from "../../../builders/quote-request.ts";

const QUESTION = "Reply YES to accept the change or NO to keep your booking as it was.";

function makeBooking(status = "staffing"): CustomerRequestView {
  return {
    number: 1042,
    status,
    request: makeQuoteRequest({ start: "2026-11-28T18:00:00-07:00", end: "2026-11-28T22:00:00-07:00" }),
    approvedAt: "2026-11-11T09:00:00-07:00",
    minutesWorked: 0,
  };
}

/** A booked customer's conversation after a supervisor's change was texted to them (as the edge writes it). */
function awaitingAmendment(options: { status?: string; language?: "en" | "es" } = {}): IntakeConversation {
  const c = new IntakeConversation({ requests: [makeBooking(options.status)], forcedLanguage: options.language ?? null });
  Object.assign(c.state, {
    phase: "submitted",
    submittedNumber: 1042,
    greeted: true,
    amendment: { id: "amendment-1", requestNumber: 1042, question: QUESTION, reprompted: false },
  });
  return c;
}

describe("a supervisor's change awaiting the customer's YES or NO", () => {
  it.each(["YES", "yes please", "ok"])("%s accepts it", (text) => {
    const c = awaitingAmendment();
    const turn = c.say(text);
    expect(turn.effects).toEqual([{ kind: "answer_amendment", amendmentId: "amendment-1", requestNumber: 1042, accepted: true }]);
    expect(turn.replies).toEqual(["Done: request #1042 is changed as proposed. Text STATUS any time."]);
    expect(c.state.amendment).toBeNull();
  });

  it("NO keeps the booking", () => {
    const c = awaitingAmendment();
    const turn = c.say("no");
    expect(turn.effects).toEqual([{ kind: "answer_amendment", amendmentId: "amendment-1", requestNumber: 1042, accepted: false }]);
    expect(turn.replies).toEqual(["OK: request #1042 stays as it was booked."]);
    expect(c.state.amendment).toBeNull();
  });

  it("answers in Spanish in a Spanish conversation", () => {
    const c = awaitingAmendment({ language: "es" });
    expect(c.say("sí").replies).toEqual(["Listo: la solicitud #1042 quedó cambiada como se propuso. Escriba STATUS cuando quiera."]);
  });

  it("asks again once on another message, then lets messages through while the change stays pending", () => {
    const c = awaitingAmendment();
    const first = c.say("what time do the officers arrive?");
    expect(first.replies.at(-1)).toBe(`First, about the change: ${QUESTION}`);
    expect(first.effects).toEqual([]);
    expect(c.state.amendment?.reprompted).toBe(true);
    const second = c.say("thanks");
    expect(second.replies.join(" ")).not.toContain("about the change");
    expect(c.state.amendment).not.toBeNull();
    expect(c.say("yes").effects).toEqual([{ kind: "answer_amendment", amendmentId: "amendment-1", requestNumber: 1042, accepted: true }]);
  });

  it("keeps STATUS and AGENT working while the change is pending", () => {
    const status = awaitingAmendment();
    expect(status.say("STATUS").replies.join(" ")).toContain("#1042");
    expect(status.state.amendment).not.toBeNull();
    const agent = awaitingAmendment();
    expect(agent.say("AGENT").effects).toEqual([{ kind: "escalate", reason: "asked_for_agent" }]);
  });

  it("CANCEL asks its own YES first: that YES cancels, and does not answer the change", () => {
    const c = awaitingAmendment();
    c.say("cancel 1042");
    expect(c.state.question).toBe("cancelConfirmation");
    const yes = c.say("yes");
    expect(yes.effects.map((e) => e.kind)).toEqual(["cancel_request"]);
  });

  it("a YES after the request was cancelled or started applies nothing and says so", () => {
    const c = awaitingAmendment({ status: "cancelled" });
    const turn = c.say("yes");
    expect(turn.effects).toEqual([{ kind: "answer_amendment", amendmentId: "amendment-1", requestNumber: 1042, accepted: false }]);
    expect(turn.replies[0]).toMatch(/can no longer be changed/);
  });

  it("nothing pending: YES after a booking is not an amendment answer", () => {
    const c = new IntakeConversation({ requests: [makeBooking()] });
    Object.assign(c.state, { phase: "submitted", submittedNumber: 1042, greeted: true });
    expect(c.say("yes").effects).toEqual([]);
  });
});
