export { type YesNo, classifyYesNo } from "./classify-yes-no.ts";
export {
  type ExtractedAddress,
  ExtractedAddressSchema,
  type Extraction,
  ExtractionSchema,
  INTENTS,
  type Intent,
  IntentSchema,
  makeEmptyExtraction,
} from "./extraction-schema.ts";
export {
  BOT_COMMAND_KEYWORDS,
  detectCommandIntent,
  normalizeKeyword,
  OPT_IN_KEYWORDS,
  OPT_OUT_KEYWORDS,
} from "./keywords.ts";
export { parseMessage, STRUCTURED_FIELDS } from "./parse-message.ts";
export {
  EXPECTED_SLOTS,
  type ExpectedSlot,
  isScreeningSlot,
  type ConversationContext,
  type ConversationTurn,
  type ParseContext,
  SCREENING_SLOTS,
  type ScreeningSlot,
} from "./parse-context.ts";
export { type MessageExtractor, parserExtractor } from "./message-extractor.ts";
export { detectPolicyQuestion, isSmallTalk, type PolicyQuestion } from "./detect-policy-question.ts";
export { prepareMessageText } from "./message-text.ts";
export { findJobWords } from "./classify-job.ts";
