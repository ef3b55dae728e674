/**
 * Simulated customers: personas (the truth plus a phrasing style) that talk to the intake bot the
 * way a person on SMS would, reading only its replies, then a slot-by-slot score of the result.
 * Used by test/unit/core/intake/simulated-customers.test.ts and bench/conversation-metrics.ts.
 */
export {
  COMPLETE_FIRST_MESSAGE_TARGET,
  formatSimulationReport,
  measureSimulatedCustomers,
  percentile,
  type PersonaResult,
  SLOT_ACCURACY_TARGET,
  type SimulationMetrics,
  type SlotFailure,
  type StateFailure,
  summarizeMetrics,
} from "./measure.ts";
export type { Ask, Belief, Persona, PersonaTruth } from "./persona.ts";
export { PERSONAS } from "./personas.ts";
export { readBotReply, type BotReading } from "./read-bot-reply.ts";
export { type ConversationRun, MESSAGE_CAP, runConversation, type TranscriptLine, type TurnSample } from "./run-conversation.ts";
export { scoreConversation, type SlotCheck } from "./score-conversation.ts";
export { SimulatedCustomer } from "./simulated-customer.ts";
