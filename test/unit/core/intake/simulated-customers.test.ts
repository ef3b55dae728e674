/**
 * Acceptance measure of the intake bot with no LLM configured: hidden simulated customers
 * (English and Spanish, ordinary messy phrasing) talk to it through handleCustomerTurn, the
 * `converse` CLI's path, reading only its replies. Target: ≥ 99% of slots right and every
 * conversation in the right final state.
 *
 * Run it alone (it prints the report: figures, each failure, the failing transcripts):
 *
 *   npx vitest run test/unit/core/intake/simulated-customers.test.ts
 *
 * The metrics come from measureSimulatedCustomers() in test/support/simulated-customer, which
 * `npm run bench` (bench/conversation-metrics.ts) uses too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  COMPLETE_FIRST_MESSAGE_TARGET,
  formatSimulationReport,
  measureSimulatedCustomers,
  PERSONAS,
  readBotReply,
  SLOT_ACCURACY_TARGET,
  type SimulationMetrics,
} from "../../../support/simulated-customer/index.ts";

describe("simulated customers (acceptance, no LLM)", () => {
  let metrics: SimulationMetrics;
  /** Figures and failures without transcripts, for the assertion messages (the log has everything). */
  let report: string;

  beforeAll(async () => {
    metrics = await measureSimulatedCustomers();
    report = formatSimulationReport(metrics, { transcripts: false });
    console.log(formatSimulationReport(metrics));
  });

  it("plays a realistic script: ≥ 40 personas, three agencies, ~1/3 Spanish, refusals, corrections, complete first messages", () => {
    const agencies = new Set(PERSONAS.map((p) => p.truth.agencyId));
    const spanish = PERSONAS.filter((p) => p.truth.language === "es").length;
    expect(PERSONAS.length).toBeGreaterThanOrEqual(40);
    expect([...agencies].sort()).toEqual(["mesquite-tx-pd", "rockport-tx-pd", "tucson-az-pd"]);
    expect(spanish / PERSONAS.length).toBeGreaterThanOrEqual(0.3);
    expect(PERSONAS.filter((p) => p.truth.finalState === "refused").length).toBeGreaterThanOrEqual(3);
    expect(PERSONAS.filter((p) => p.correction).length).toBeGreaterThanOrEqual(3);
    expect(PERSONAS.filter((p) => p.completeFirstMessage).length).toBeGreaterThanOrEqual(3);
    expect(new Set(PERSONAS.map((p) => p.id)).size).toBe(PERSONAS.length);
  });

  it(`gets at least ${SLOT_ACCURACY_TARGET * 100}% of the slots right`, () => {
    expect(metrics.slotAccuracy, report).toBeGreaterThanOrEqual(SLOT_ACCURACY_TARGET);
  });

  it("ends every conversation in the right state", () => {
    expect(metrics.stateFailures, report).toEqual([]);
  });

  it(`reaches the summary within ${COMPLETE_FIRST_MESSAGE_TARGET} customer messages when the first message holds everything`, () => {
    expect(metrics.completeFirstMessage.messagesToSummary, report).toSatisfy((counts: Record<string, number | null>) =>
      Object.values(counts).every((n) => n !== null && n <= COMPLETE_FIRST_MESSAGE_TARGET),
    );
  });
});

// The measure is only as good as the simulator's reading of the bot: these pin it down for
// wordings the intake may use (separate, combined, numbered, Spanish), so a rewrite of the bot's
// texts does not silently turn into "misunderstood" answers.
describe("the simulated customer reads the bot's questions", () => {
  it.each([
    ["What date do you need the officers? (e.g. Saturday, 12/24)", ["date"]],
    ["What time should it end, or how many hours? (e.g. 11pm, or 4 hours)", ["end"]],
    ["What date and times, and at what address?", ["date", "start", "end", "address"]],
    ["When is it, and where?", ["date", "address"]],
    ["How many officers, and what is the job?", ["officers", "job"]],
    ["Thanks! How many officers do you need, and do you need a police car?", ["officers", "vehicles"]],
    ["What is your name, and the business or organization it's for?", ["name", "organization"]],
    ["Any instructions for the officers (whom to report to, where to park, dress)? Reply NONE if not.", ["postOrders"]],
    ["Is the sale of alcohol the main business at the location? (yes/no)", ["alcoholPrincipalBusiness"]],
    ["¿Qué fecha y horario, y en qué dirección?", ["date", "start", "end", "address"]],
    ["¿Cuántas millas recorrerá cada vehículo, aproximadamente?", ["vehicleMiles"]],
    ["Updated: date Sat Dec 19. Do you need a police vehicle? Reply NO, or how many vehicles.", ["vehicles"]],
  ])("%s", (text, asks) => {
    const reading = readBotReply([text]);
    expect(reading.kind).toBe("questions");
    if (reading.kind === "questions") expect([...reading.asks].sort()).toEqual([...asks].sort());
  });

  it.each([
    ["Here is your request:\n• When: Sat Dec 5\nReply YES to submit this request, or tell me what to change.", "summary"],
    ["Change the date from Sat Dec 20 to Fri Dec 25?", "change"],
    ["¿Cambio la fecha del sáb 20 de dic al vie 25 de dic?", "change"],
    ["Will any of these apply: 1) armed private security, 2) alcohol sales as the main business, 3) bouncer duties, 4) a civil legal matter? Reply NONE or the ones that apply", "screening_list"],
    ["Would you like to continue without a police vehicle? (yes/no)", "drop_vehicle"],
    ["Thank you! Request #1001 is submitted.", "submitted"],
    ["Lo sentimos, no podemos aceptar esta solicitud.", "refused"],
    ["I'm having trouble understanding, so I'm bringing in a dispatcher who will reply here shortly.", "escalated"],
  ])("%s", (text, kind) => {
    expect(readBotReply([text]).kind).toBe(kind);
  });
});
