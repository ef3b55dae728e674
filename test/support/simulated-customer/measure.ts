import type { Persona } from "./persona.ts";
import { PERSONAS } from "./personas.ts";
import { type ConversationRun, runConversation, type TurnSample } from "./run-conversation.ts";
import { type ConversationScore, scoreConversation } from "./score-conversation.ts";

/** Acceptance: at least this share of slots right, and every final state right. */
export const SLOT_ACCURACY_TARGET = 0.99;
/** A first message holding everything should reach the summary within this many customer messages. */
export const COMPLETE_FIRST_MESSAGE_TARGET = 4;

export interface SlotFailure {
  persona: string;
  slot: string;
  expected: string;
  got: string;
}

export interface StateFailure {
  persona: string;
  expected: string;
  got: string;
  /** How the conversation ended for the customer ("cap" = 25 messages without an end). */
  ending: string;
}

export interface PersonaResult {
  run: ConversationRun;
  score: ConversationScore;
}

export interface SimulationMetrics {
  personas: number;
  languages: { en: number; es: number };
  slots: { right: number; total: number };
  slotAccuracy: number;
  states: { right: number; total: number };
  stateAccuracy: number;
  /** Customer messages (the YES included) of the conversations that reached `submitted`. */
  customerMessagesPerBooking: { median: number | null; p90: number | null; bookings: number };
  /** Personas whose first message holds everything: customer messages until the summary. */
  completeFirstMessage: {
    target: number;
    messagesToSummary: Record<string, number | null>;
    worst: number | null;
    met: boolean;
  };
  slotFailures: SlotFailure[];
  stateFailures: StateFailure[];
  results: PersonaResult[];
}

/**
 * Plays every persona (or the given ones) and scores them. `onTurn` sees each customer message
 * with the state the core stepped from (the bench replays them through parse + step).
 */
export async function measureSimulatedCustomers(
  options: { personas?: readonly Persona[]; onTurn?: (sample: TurnSample) => void } = {},
): Promise<SimulationMetrics> {
  const personas = options.personas ?? PERSONAS;
  const results: PersonaResult[] = [];
  for (const [index, persona] of personas.entries()) {
    const phone = `+1555555${String(1000 + index).padStart(4, "0")}`;
    const run = await runConversation(persona, { phone, onTurn: options.onTurn });
    results.push({ run, score: scoreConversation(run) });
  }

  const checks = results.flatMap(({ run, score }) => score.checks.map((check) => ({ persona: run.persona.id, ...check })));
  const right = checks.filter((check) => check.right).length;
  const statesRight = results.filter(({ score }) => score.stateRight).length;
  const bookings = results
    .filter(({ run }) => run.final.state === "submitted")
    .map(({ run }) => run.customerMessages)
    .sort((a, b) => a - b);
  const complete = results.filter(({ run }) => run.persona.completeFirstMessage);
  const toSummary = Object.fromEntries(complete.map(({ run }) => [run.persona.id, run.messagesToSummary]));
  const counts = complete.map(({ run }) => run.messagesToSummary);
  const worst = counts.some((n) => n === null) ? null : Math.max(0, ...(counts as number[]));

  return {
    personas: results.length,
    languages: {
      en: personas.filter((p) => p.truth.language === "en").length,
      es: personas.filter((p) => p.truth.language === "es").length,
    },
    slots: { right, total: checks.length },
    slotAccuracy: checks.length === 0 ? 1 : right / checks.length,
    states: { right: statesRight, total: results.length },
    stateAccuracy: results.length === 0 ? 1 : statesRight / results.length,
    customerMessagesPerBooking: {
      median: percentile(bookings, 0.5),
      p90: percentile(bookings, 0.9),
      bookings: bookings.length,
    },
    completeFirstMessage: {
      target: COMPLETE_FIRST_MESSAGE_TARGET,
      messagesToSummary: toSummary,
      worst,
      met: worst !== null && worst <= COMPLETE_FIRST_MESSAGE_TARGET,
    },
    slotFailures: checks
      .filter((check) => !check.right)
      .map(({ persona, slot, expected, got }) => ({ persona, slot, expected, got })),
    stateFailures: results
      .filter(({ score }) => !score.stateRight)
      .map(({ run }) => ({
        persona: run.persona.id,
        expected: run.persona.truth.finalState,
        got: run.final.state,
        ending: run.ending,
      })),
    results,
  };
}

/** Nearest-rank percentile of sorted values; null when there are none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/** The figures without the per-conversation detail (what the bench prints). */
export function summarizeMetrics(metrics: SimulationMetrics) {
  return {
    personas: metrics.personas,
    languages: metrics.languages,
    slotAccuracy: round(metrics.slotAccuracy),
    slots: metrics.slots,
    stateAccuracy: round(metrics.stateAccuracy),
    states: metrics.states,
    customerMessagesPerBooking: metrics.customerMessagesPerBooking,
    completeFirstMessage: metrics.completeFirstMessage,
  };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** A readable report: figures, each failure, and (unless turned off) the transcript of every conversation that failed. */
export function formatSimulationReport(metrics: SimulationMetrics, options: { transcripts?: boolean } = {}): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `simulated customers: ${metrics.personas} (${metrics.languages.en} en, ${metrics.languages.es} es)`,
    `slots right: ${metrics.slots.right}/${metrics.slots.total} = ${pct(metrics.slotAccuracy)} (target ${pct(SLOT_ACCURACY_TARGET)})`,
    `final states right: ${metrics.states.right}/${metrics.states.total} = ${pct(metrics.stateAccuracy)} (target 100%)`,
    `customer messages per booking: median ${metrics.customerMessagesPerBooking.median}, p90 ${metrics.customerMessagesPerBooking.p90} over ${metrics.customerMessagesPerBooking.bookings} bookings`,
    `complete first message → summary: ${Object.entries(metrics.completeFirstMessage.messagesToSummary)
      .map(([id, n]) => `${id} ${n ?? "never"}`)
      .join(", ")} (target ≤ ${metrics.completeFirstMessage.target})`,
  ];
  if (metrics.stateFailures.length > 0) {
    lines.push("", "final state failures (persona: expected → got, ending):");
    for (const f of metrics.stateFailures) lines.push(`  ${f.persona}: ${f.expected} → ${f.got} (${f.ending})`);
  }
  if (metrics.slotFailures.length > 0) {
    lines.push("", "slot failures (persona | slot | expected | got):");
    for (const f of metrics.slotFailures) lines.push(`  ${f.persona} | ${f.slot} | ${f.expected} | ${f.got}`);
  }
  const notes = metrics.results.flatMap(({ run }) => run.notes.map((note) => `${run.persona.id}: ${note}`));
  if (notes.length > 0) {
    lines.push("", "simulator notes (bot messages it could not read; check the simulator before blaming the bot):");
    for (const note of notes) lines.push(`  ${note}`);
  }
  if (options.transcripts === false) return lines.join("\n");
  const failed = metrics.results.filter(({ score }) => !score.stateRight || score.checks.some((c) => !c.right));
  for (const { run } of failed) {
    lines.push("", `--- ${run.persona.id} (${run.persona.about}); now ${run.persona.now}; ended: ${run.ending}`);
    for (const note of run.notes) lines.push(`  [simulator] ${note}`);
    for (const line of run.transcript) {
      const text = line.text.replace(/\n/g, "\n        ");
      lines.push(`  ${line.role === "customer" ? "CUST" : "BOT "}  ${text}`);
    }
  }
  return lines.join("\n");
}
