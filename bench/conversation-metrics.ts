import { pathToFileURL } from "node:url";
import { stepIntake, toExpectedSlot } from "../core/intake/index.ts";
import { parseMessage } from "../core/understanding/index.ts";
import {
  measureSimulatedCustomers,
  percentile,
  SLOT_ACCURACY_TARGET,
  summarizeMetrics,
  type TurnSample,
} from "../test/support/simulated-customer/index.ts";

/** The target: parse + step of one customer message under 1 ms of CPU at p99. */
const PARSE_STEP_P99_TARGET_MS = 1;

export interface ConversationBenchResult extends ReturnType<typeof summarizeMetrics> {
  /**
   * CPU of parseMessage + stepIntake for one customer message (nothing else of a turn: no store,
   * no extractor port, no adapter). Every message of the persona script is replayed from the state
   * it met, `rounds` times interleaved after a warm-up; a message's cost is its mean CPU over the
   * rounds (process.cpuUsage, user + system), and p50/p99 are over the script's messages.
   * `singleShot` is the distribution of the individual runs instead: it also catches GC pauses
   * and V8's background threads (process.cpuUsage counts every thread), and noise on a shared host.
   */
  parseStepPerMessage: {
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    messages: number;
    rounds: number;
    singleShot: { p50Ms: number; p99Ms: number; maxMs: number; wallP50Ms: number; wallP99Ms: number };
    /** The costliest messages of the script (mean CPU), with the question they answered. */
    slowestMessages: { meanMs: number; text: string; expecting: string | null }[];
  };
  targets: {
    parseStepP99Under1ms: boolean;
    simulatedSlotAccuracyAtLeast99pc: boolean;
    simulatedFinalStatesAllRight: boolean;
  };
}

/**
 * Plays the fixed persona script against the intake bot (no LLM), then replays each customer
 * message through parseMessage + stepIntake from the state it met, timing each run.
 */
export async function benchConversations(
  options: { rounds?: number; warmUpRounds?: number } = {},
): Promise<ConversationBenchResult> {
  const rounds = options.rounds ?? 30;
  const warmUpRounds = options.warmUpRounds ?? 5;
  const samples: TurnSample[] = [];
  const metrics = await measureSimulatedCustomers({ onTurn: (sample) => samples.push(sample) });

  let checksum = 0;
  const shotsCpu: number[] = [];
  const shotsWall: number[] = [];
  const totalCpu = samples.map(() => 0);
  const replay = (record: boolean) => {
    for (const [index, sample] of samples.entries()) {
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      const extraction = parseMessage(sample.text, {
        now: sample.now,
        timeZone: sample.agency.timeZone,
        expecting: toExpectedSlot(sample.state.question),
        language: sample.state.language ?? undefined,
      });
      const result = stepIntake(
        sample.state,
        { text: sample.text, extraction },
        {
          agency: sample.agency,
          now: sample.now,
          channel: "sms",
          customerPhone: sample.phone,
          requests: [],
          forcedLanguage: null,
        },
      );
      const wall = performance.now() - wallBefore;
      const cpu = process.cpuUsage(cpuBefore);
      checksum += result.replies.length;
      if (!record) continue;
      const cpuMs = (cpu.user + cpu.system) / 1000;
      shotsCpu.push(cpuMs);
      shotsWall.push(wall);
      totalCpu[index] = (totalCpu[index] ?? 0) + cpuMs;
    }
  };
  for (let i = 0; i < warmUpRounds; i++) replay(false);
  for (let i = 0; i < rounds; i++) replay(true);
  if (checksum === 0) throw new Error("bench: the replay produced no replies");

  const ms = (value: number | null | undefined) => Math.round((value ?? 0) * 1000) / 1000;
  const byNumber = (a: number, b: number) => a - b;
  const means = totalCpu.map((total) => total / rounds);
  const sortedMeans = [...means].sort(byNumber);
  shotsCpu.sort(byNumber);
  shotsWall.sort(byNumber);
  const parseStepPerMessage = {
    p50Ms: ms(percentile(sortedMeans, 0.5)),
    p99Ms: ms(percentile(sortedMeans, 0.99)),
    maxMs: ms(sortedMeans.at(-1)),
    messages: samples.length,
    rounds,
    singleShot: {
      p50Ms: ms(percentile(shotsCpu, 0.5)),
      p99Ms: ms(percentile(shotsCpu, 0.99)),
      maxMs: ms(shotsCpu.at(-1)),
      wallP50Ms: ms(percentile(shotsWall, 0.5)),
      wallP99Ms: ms(percentile(shotsWall, 0.99)),
    },
    slowestMessages: means
      .map((meanMs, index) => ({
        meanMs: ms(meanMs),
        text: samples[index]?.text.slice(0, 80) ?? "",
        expecting: toExpectedSlot(samples[index]?.state.question ?? null),
      }))
      .sort((a, b) => b.meanMs - a.meanMs)
      .slice(0, 5),
  };
  return {
    ...summarizeMetrics(metrics),
    parseStepPerMessage,
    targets: {
      parseStepP99Under1ms: parseStepPerMessage.p99Ms < PARSE_STEP_P99_TARGET_MS,
      simulatedSlotAccuracyAtLeast99pc: metrics.slotAccuracy >= SLOT_ACCURACY_TARGET,
      simulatedFinalStatesAllRight: metrics.stateFailures.length === 0,
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchConversations().then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
