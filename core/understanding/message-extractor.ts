import type { Extraction } from "./extraction-schema.ts";
import type { ParseContext } from "./parse-context.ts";
import { parseMessage } from "./parse-message.ts";

/** Port: turns one customer message into fields. Implementations only extract; the core decides. */
export interface MessageExtractor {
  readonly name: string;
  extract(text: string, context: ParseContext): Promise<Extraction>;
}

/** The deterministic parser as an extractor; always available, no network. */
export const parserExtractor: MessageExtractor = {
  name: "parser",
  extract: async (text, context) => parseMessage(text, context),
};
