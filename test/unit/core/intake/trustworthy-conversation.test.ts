import { describe, expect, it } from "vitest";
import { IntakeConversation, playIntake } from "../../../builders/intake-conversation.ts";

// Each case is a failure customers met (issue 14), in English and Spanish. Today: Mon 2026-11-23.
const FIRST_EN = "I need 2 officers Sunday Dec 20 6-11pm at 4500 E Broadway, Tucson for store security";
const FIRST_ES = "Necesito 2 policías el domingo 20 de diciembre de 6 a 11 de la noche en 4500 E Broadway, Tucson";

describe("names are stored without the introduction", () => {
  it("'My name is Bob Smith' is Bob Smith, and the submitted request says so", () => {
    const c = playIntake([FIRST_EN, "no", "none", "My name is Bob Smith", "none", "none", "yes"]);
    expect(c.state.slots.customerName).toBe("Bob Smith");
    expect(c.submissions[0]?.customer.name).toBe("Bob Smith");
  });
  it("'Me llamo José Hernández' is José Hernández", () => {
    const c = playIntake([FIRST_ES, "fiesta de la oficina", "no", "ninguna", "Me llamo José Hernández", "ninguna", "ninguna", "sí"]);
    expect(c.state.slots.customerName).toBe("José Hernández");
    expect(c.submissions[0]?.customer.name).toBe("José Hernández");
  });
});

describe("a free-text answer never moves the booking", () => {
  it("'a Christmas party' answering the job keeps Dec 20 and the regular rate", () => {
    const c = playIntake(["I need 2 officers Sunday Dec 20 6-11pm at 4500 E Broadway, Tucson", "a Christmas party"]);
    expect(c.state.slots.date).toBe("2026-12-20");
    expect(c.state.slots.eventType).toMatch(/christmas party/);
    expect(c.replies.join(" ")).not.toMatch(/Updated: date/);
  });
  it("'una fiesta de Navidad' answering the job keeps the 20th", () => {
    const c = playIntake([FIRST_ES, "una fiesta de Navidad"]);
    expect(c.state.slots.date).toBe("2026-12-20");
    expect(c.state.language).toBe("es");
  });
  it("a date said without a cue asks before changing, and NO keeps it", () => {
    const c = playIntake([FIRST_EN, "no", "Dec 25"]);
    expect(c.lastReply).toBe("Change the date from Sun Dec 20 to Fri Dec 25? (yes/no)");
    c.say("no");
    expect(c.state.slots.date).toBe("2026-12-20");
    expect(c.replies.join(" ")).toContain("OK, I kept it as it was.");
  });
  it("the same question in Spanish, and SÍ changes it", () => {
    const c = playIntake([FIRST_ES, "seguridad de tienda", "no", "el 21 de diciembre"]);
    expect(c.lastReply).toBe("¿Cambio fecha de dom 20 de dic a lun 21 de dic? (sí/no)");
    c.say("sí");
    expect(c.state.slots.date).toBe("2026-12-21");
  });
  it("a correction cue changes at once and is echoed", () => {
    const c = playIntake(["I need 2 officers Saturday at 4500 E Broadway for store security from 6pm", "actually make it 3 officers"]);
    expect(c.state.slots.officers).toBe(3);
    expect(c.turns[1]?.replies[0]).toBe("Updated: officers 3.");
    expect(c.lastReply).toMatch(/end/);
  });
});

describe("SMS shorthand", () => {
  it("xmas eve 8pm til midnite is Dec 24, 8 PM to midnight", () => {
    const c = playIntake(["need 2 cops xmas eve 8pm til midnite at 1 S Church Ave"]);
    expect(c.state.slots).toMatchObject({ date: "2026-12-24", startTime: "20:00", endTime: "00:00", officers: 2 });
  });
  it("tomorow nite 8-12 is tomorrow evening", () => {
    const c = playIntake(["need 2 officers tomorow nite 8-12"]);
    expect(c.state.slots).toMatchObject({ date: "2026-11-24", startTime: "20:00", endTime: "00:00" });
  });
});

describe("prohibited work is refused at once, kindly, and not forever", () => {
  it("a bouncer at a bar is refused on the first message, with what can be booked instead", () => {
    const c = playIntake(["need a bouncer for my bar friday night 9pm-2am"]);
    expect(c.state.phase).toBe("refused");
    expect(c.replies.join(" ")).toMatch(/can't take this request.*bouncer/);
    expect(c.lastReply).toMatch(/traffic control.*START OVER/);
    c.say("why not?");
    expect(c.lastReply).toMatch(/START OVER/);
    c.say("start over");
    expect(c.state.phase).toBe("collecting");
    expect(c.state.slots.flags.bodyguardOrBouncer).toBeNull();
    expect(c.lastReply).toMatch(/What date and times/);
  });
  it("in Spanish: refused at once, and NUEVA SOLICITUD resets", () => {
    const c = playIntake(["necesito un portero para mi cantina el viernes de 9 a 2"]);
    expect(c.state.phase).toBe("refused");
    expect(c.lastReply).toMatch(/NUEVA SOLICITUD/);
    c.say("nueva solicitud");
    expect(c.state.phase).toBe("collecting");
    expect(c.lastReply).toMatch(/fecha/);
  });
});

describe("the summary says why it costs what it costs", () => {
  it("names the emergency rate, the sergeant, the major-event column and the cancellation policy", () => {
    const c = new IntakeConversation({ now: "2026-11-23T10:00:00-07:00" });
    c.play([
      "need 5 officers tomorrow 7am-3pm for road construction traffic control at 2450 N Stone Ave, Tucson",
      "no",
      "no",
      "Maria Lopez, Reed Paving",
      "none",
    ]);
    const summary = c.lastReply;
    expect(c.state.phase).toBe("confirming");
    expect(summary).toContain("Officers: 4 officers + 1 sergeant");
    expect(summary).toContain("a sergeant is required from 5 officers");
    expect(summary).toContain("Major event rate");
    expect(summary).toContain("Emergency rate: booked less than 48 hours ahead.");
    expect(summary).toMatch(/Cancellation: free before approval/);
    expect(summary).toMatch(/needs approval from a police supervisor/);
  });
  it("names holiday hours and 'con 1 vehículo' in Spanish, with the job in the customer's words", () => {
    const c = playIntake([
      "Necesito 1 policía con patrulla para una boda el 24 de diciembre de 7 a 11 de la noche en 1500 N Stone Ave",
      "ninguna",
      "Ana Ruiz, Eventos Sol",
      "ninguna",
    ]);
    expect(c.state.phase).toBe("confirming");
    expect(c.lastReply).toContain("(con 1 vehículo)");
    expect(c.lastReply).not.toContain("(s)");
    expect(c.lastReply).toContain("Trabajo: boda");
    expect(c.lastReply).toContain("Tarifa de día festivo para las horas de Christmas Eve");
    expect(c.lastReply).toMatch(/Cancelación:/);
  });
  it("answers 'how much do you charge per hour?' and asks the pending question again", () => {
    const c = playIntake(["I need 2 officers", "how much do you charge per hour?"]);
    expect(c.turns[1]?.replies[0]).toMatch(/Officer: \$64\.11\/h/);
    expect(c.turns[1]?.replies[0]).toMatch(/Minimum 3 hours per officer/);
    expect(c.lastReply).toMatch(/What date and times/);
    expect(c.state.misunderstood).toBe(0);
  });
  it("answers '¿cuánto cobran por hora?' in Spanish, and the rules and cancellation questions", () => {
    const es = playIntake(["necesito 2 policías", "¿cuánto cobran por hora?"]);
    expect(es.turns[1]?.replies[0]).toMatch(/Oficial: \$64\.11\/h/);
    const rules = playIntake(["I need 2 officers", "what can't officers do?"]);
    expect(rules.turns[1]?.replies[0]).toMatch(/bodyguard or bouncer/);
    const cancel = playIntake(["I need 2 officers", "what's your cancellation policy?"]);
    expect(cancel.turns[1]?.replies[0]).toMatch(/free until the request is approved.*24 hours/);
  });
});

describe("dates, times and words as customers read them", () => {
  it("'next Saturday' on a Thursday evening is echoed with its full date", () => {
    const c = new IntakeConversation({ now: "2026-11-26T19:00:00-07:00" });
    c.say("need 2 officers next Saturday 6-11pm at 4500 E Broadway");
    expect(c.state.slots.date).toBe("2026-11-28");
    expect(c.replies.join(" ")).toContain('I read "next Saturday" as Sat Nov 28');
  });
  it("an end time change is echoed in 12-hour time", () => {
    const c = playIntake([FIRST_EN, "no", "actually make it end at 5pm"]);
    expect(c.replies.join(" ")).toContain("Updated: end time 5:00 PM.");
  });
  it("after cancelling, 'thanks, sorry about cancelling' gets a closing line", () => {
    const c = playIntake([FIRST_EN, "no", "none", "Bob Smith", "none", "none", "yes"]);
    expect(c.state.phase).toBe("submitted");
    c.say("cancel my booking");
    c.say("yes");
    c.say("thanks, sorry about cancelling");
    expect(c.lastReply).toBe("No problem at all. Booking #1001 stays cancelled. Text us any time you need officers again.");
  });
  it("después de cancelar, 'gracias' recibe una despedida", () => {
    const c = playIntake([FIRST_ES, "seguridad de tienda", "no", "ninguna", "José Hernández", "ninguna", "ninguna", "sí"]);
    expect(c.state.phase).toBe("submitted");
    c.play(["cancelar mi reserva", "sí", "gracias"]);
    expect(c.lastReply).toMatch(/La reserva #1001 queda cancelada/);
  });
});

describe("fewer round trips", () => {
  it("a complete first message for road work reaches the summary in at most 4 messages", () => {
    const c = new IntakeConversation();
    c.say(
      "Hi, I'm Maria Lopez with Reed Paving. Need 2 officers for road work traffic control Dec 9 7am-3pm at 2450 N Stone Ave, Tucson, no vehicles",
    );
    let messages = 1;
    while (c.state.phase !== "confirming" && messages < 6) {
      const asked = c.lastReply;
      c.say(/instructions/.test(asked) ? "none" : "no");
      messages++;
    }
    expect(c.state.phase).toBe("confirming");
    expect(messages).toBeLessThanOrEqual(4);
  });
  it("the screening questions are one question, answered by number", () => {
    const c = playIntake([FIRST_EN, "no"]);
    expect(c.lastReply).toMatch(/^Will any of these apply: 1\) armed private security/);
    c.say("2");
    expect(c.state.slots.flags).toMatchObject({ armedPrivateSecurity: false, alcoholPrincipalBusiness: true });
    expect(c.state.phase).toBe("collecting");
  });
  it("'no' to the combined screening question answers all of it; a bare 'yes' asks which", () => {
    const yes = playIntake([FIRST_EN, "no", "yes"]);
    expect(yes.lastReply).toMatch(/Which ones apply/);
    const no = playIntake([FIRST_EN, "no", "no"]);
    expect(Object.values(no.state.slots.flags)).toEqual([false, false, false, false]);
    expect(no.state.misunderstood).toBe(0);
  });
});
