import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { getAgency, loadAgencies } from "../../../agencies/load-agencies.ts";
import { buildQuoteRequest, describeDraft, type IntakePhase } from "../../../core/intake/index.ts";
import type { InboundMessage } from "../../../core/messages/index.ts";
import { quoteRequest } from "../../../core/pricing/index.ts";
import { handleCustomerTurn } from "../../handle-turn.ts";
import { MemoryIntakeStore } from "../../intake/memory-intake-store.ts";
import type { CliCommand, CliIo } from "../command.ts";
import { createExtractorFromEnv } from "../../understanding/create-extractor.ts";

const ArgsSchema = z.object({
  agency: z.string().min(1, "is required"),
  channel: z.enum(["sms", "voice", "web"]).default("sms"),
  from: z.string().min(1).default("+15555550123"),
  now: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 instant")
    .optional(),
  lang: z.enum(["en", "es"]).optional(),
});

/**
 * `converse`: a conversation with the intake bot over stdin/stdout, one customer message per
 * line in, JSON lines out (each reply flushed before the next line is read), then a final line.
 */
export const converseCommand: CliCommand = {
  name: "converse",
  summary: "Talk to the intake bot: one customer message per stdin line, JSON lines out",
  usage: "converse --agency ID [--channel sms|voice|web] [--from PHONE] [--now ISO] [--lang en|es]",
  run: runConverse,
};

async function runConverse(argv: string[], io: CliIo): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        agency: { type: "string" },
        channel: { type: "string" },
        from: { type: "string" },
        now: { type: "string" },
        lang: { type: "string" },
      },
      strict: true,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const parsed = ArgsSchema.safeParse({ ...values, agency: values.agency ?? "" });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) io.stderr.write(`--${issue.path.join(".")}: ${issue.message}\n`);
    return 2;
  }
  const args = parsed.data;
  const agency = getAgency(args.agency);
  if (!agency) {
    io.stderr.write(`--agency: unknown agency ${args.agency} (known: ${[...loadAgencies().keys()].join(", ")})\n`);
    return 2;
  }

  const store = new MemoryIntakeStore();
  const extractor = createExtractorFromEnv();
  const fixedNow = args.now ? new Date(args.now) : null;
  const write = (value: unknown) =>
    new Promise<void>((resolve) => {
      if (io.stdout.write(`${JSON.stringify(value)}\n`)) resolve();
      else io.stdout.once("drain", () => resolve());
    });

  let turn = 0;
  let lastState = (await store.openConversation({ agencyId: agency.id, channel: args.channel, participant: args.from })).state;
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const text = line.trim();
    if (text.length === 0) continue;
    turn += 1;
    const message: InboundMessage = {
      channel: args.channel,
      agencyId: agency.id,
      from: args.from,
      to: agency.phoneNumbers[0] ?? "",
      text,
      providerId: `CLI${turn}`,
      media: [],
      receivedAt: fixedNow ?? new Date(),
    };
    const result = await handleCustomerTurn(message, { store, extractor, getAgency }, { forcedLanguage: args.lang ?? null });
    if (result.kind === "replied") {
      lastState = result.state;
      for (const reply of result.replies) await write({ role: "bot", text: reply.text });
    }
  }

  const at = fixedNow ?? new Date();
  const language = args.lang ?? lastState.language ?? "en";
  const full = buildQuoteRequest(lastState.slots, agency, at, language);
  const showQuote: IntakePhase[] = ["confirming", "submitted", "refused"];
  const customer = {
    name: lastState.slots.customerName,
    organization: lastState.slots.organization || null,
    phone: args.channel === "web" ? null : args.from,
  };
  await write({
    final: {
      state: lastState.phase,
      request: { ...describeDraft(lastState.slots, agency, at, language), customer },
      quote: full && showQuote.includes(lastState.phase) ? quoteRequest(full, agency) : null,
    },
  });
  return 0;
}
