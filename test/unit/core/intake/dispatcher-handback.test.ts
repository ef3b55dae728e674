import { describe, expect, it } from "vitest";
import {
  absorbWhileHeld,
  type IntakeContext,
  type IntakeState,
  readDispatcherEdits,
  resumeAfterDispatcher,
} from "../../../../core/intake/index.ts";
import { parseMessage } from "../../../../core/understanding/index.ts";
import { playIntake } from "../../../builders/intake-conversation.ts";

/** A customer who asked for a dispatcher before giving the date, the times or the address. */
function escalated(lines = ["I need 2 officers for a store opening", "agent please"], language?: "es") {
  const c = playIntake(lines, language ? { forcedLanguage: language } : {});
  expect(c.state.phase).toBe("escalated");
  const context: IntakeContext = {
    agency: c.agency,
    now: c.turns.at(-1)?.at ?? new Date(),
    channel: "sms",
    customerPhone: "+15205550142",
    requests: [],
    forcedLanguage: null,
  };
  return { c, context };
}

/** What the customer texts while the dispatcher holds the conversation, read as handle-turn reads it. */
function absorb(state: IntakeState, text: string, context: IntakeContext): IntakeState {
  const extraction = parseMessage(text, { now: context.now, timeZone: context.agency.timeZone, expecting: null });
  return absorbWhileHeld(state, { text, extraction }, context);
}

describe("a held conversation's draft", () => {
  it("takes what the customer tells the dispatcher, silently, and the bot goes on from it after hand back", () => {
    const { c, context } = escalated();
    const held = absorb(c.state, "Dec 19, 7pm to midnight at 1500 N Stone Ave", context);
    expect(held.slots).toMatchObject({ date: "2026-12-19", startTime: "19:00", endTime: "00:00", officers: 2 });
    expect(held.slots.address?.line1).toBe("1500 N Stone Ave");
    expect(held.phase).toBe("escalated");

    const resumed = resumeAfterDispatcher(held, context);
    const replies = resumed.replies.map((r) => r.text);
    expect(replies).toEqual([
      "You're back with the DetailDesk assistant. Text AGENT any time to reach a dispatcher again.",
      "I have Sat Dec 19, 7:00 PM to 12:00 AM at 1500 N Stone Ave, 2 officers, store security.",
      expect.stringMatching(/police vehicle/),
    ]);
    expect(replies.join(" ")).not.toMatch(/What date/);
    expect(resumed.state.phase).toBe("collecting");
    expect(resumed.state.question).toBe("vehicles");
  });

  it("asks for what is still missing when only part was told", () => {
    const { c, context } = escalated();
    const held = absorb(c.state, "It starts at 9am on Saturday", context);
    const replies = resumeAfterDispatcher(held, context).replies.map((r) => r.text);
    expect(replies[1]).toBe("I have Sat Nov 28, from 9:00 AM, 2 officers, store security.");
    expect(replies[2]).toMatch(/What time should it end/);
  });

  it("never submits, cancels, restarts or answers while held", () => {
    const { c, context } = escalated();
    for (const text of ["STATUS", "cancel my booking", "start over", "yes", "HELP"]) {
      const after = absorb(c.state, text, context);
      expect(after.slots).toEqual(c.state.slots);
      expect(after.phase).toBe("escalated");
      expect(after.cancel).toBeNull();
    }
  });

  it("drops a summary awaiting YES when the customer changes the draft with the dispatcher", () => {
    const { c, context } = escalated();
    const confirming: IntakeState = { ...c.state, phase: "confirming", pending: { fingerprint: "shown", totalCents: 100 } };
    const held = absorb(confirming, "make it 3 officers", context);
    expect(held.pending).toBeNull();
    expect(held.phase).toBe("collecting");
    expect(held.slots.officers).toBe(3);
  });

  it("hands back with the dispatcher's note first and their corrections applied", () => {
    const { c, context } = escalated();
    const edits = readDispatcherEdits(
      { date: "Dec 19", times: "7pm to midnight", address: "1500 N Stone Ave", officers: "3" },
      { now: context.now, timeZone: context.agency.timeZone, language: null },
    );
    expect(edits.kind).toBe("read");
    const resumed = resumeAfterDispatcher(c.state, context, {
      note: "Thanks, Sam here: I've noted the side entrance.",
      edits: edits.kind === "read" ? edits.extraction : null,
    });
    const replies = resumed.replies.map((r) => r.text);
    expect(replies[0]).toBe("Thanks, Sam here: I've noted the side entrance.");
    expect(replies[2]).toBe("I have Sat Dec 19, 7:00 PM to 12:00 AM at 1500 N Stone Ave, 3 officers, store security.");
  });

  it("refuses a correction it cannot read rather than drop it", () => {
    const edits = readDispatcherEdits(
      { date: "whenever", times: "", address: "", officers: "" },
      { now: new Date("2026-11-23T17:00:00Z"), timeZone: "America/Phoenix", language: null },
    );
    expect(edits).toEqual({ kind: "unread", fields: ["date"] });
  });

  it("speaks Spanish to a Spanish conversation", () => {
    const { c, context } = escalated(["Necesito 2 oficiales para la apertura de una tienda", "AGENTE"], "es");
    const held = absorb(c.state, "el 19 de diciembre de 7pm a medianoche en 1500 N Stone Ave", context);
    const replies = resumeAfterDispatcher(held, context).replies.map((r) => r.text);
    expect(replies[0]).toMatch(/^Está de nuevo con el asistente/);
    expect(replies[1]).toMatch(/^Tengo sáb 19 de dic, 7:00 p\.m\. a 12:00 a\.m\. en 1500 N Stone Ave, 2 oficiales/);
  });

  it("with no draft only says the bot is back (as before)", () => {
    const { c, context } = escalated(["agent"]);
    const resumed = resumeAfterDispatcher(c.state, context);
    expect(resumed.replies.map((r) => r.text)).toEqual([
      "You're back with the DetailDesk assistant. Text AGENT any time to reach a dispatcher again.",
    ]);
    expect(resumed.state.phase).toBe("collecting");
  });
});
