import { loadEnv } from "../../config/env.ts";
import { createLogger } from "../../config/logger.ts";
import { type MessageExtractor, parserExtractor } from "../../core/understanding/index.ts";
import { createOpenAiExtractor } from "./openai-extractor.ts";

/** The LLM extractor (logging to stderr, so stdout stays machine-readable) when OPENAI_API_KEY is set, else the deterministic parser. */
export function createExtractorFromEnv(source: Record<string, string | undefined> = process.env): MessageExtractor {
  const env = loadEnv(source);
  if (!env.OPENAI_API_KEY) return parserExtractor;
  return createOpenAiExtractor({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    logger: createLogger({ level: env.LOG_LEVEL, destination: "stderr" }),
  });
}
