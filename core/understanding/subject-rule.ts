import type { Category } from "../agencies/index.ts";

/** One kind of job: how to spot it, its rate category and how to describe it. */
export interface SubjectRule {
  pattern: RegExp;
  category: Category;
  /** What the job is about, in English whatever the message's language. */
  subject: (match: RegExpExecArray) => string;
  /** The service when the message names none ("funeral" → "escort"). */
  service: string | null;
  /** "event", "critical need": set the category but describe the job only if nothing else does. */
  generic?: boolean;
}

/** Describes the job with the words matched. */
export const same = (match: RegExpExecArray): string => match[0].replace(/\s+/g, " ");
/** Describes the job with a fixed English phrase. */
export const fixed = (text: string) => (): string => text;
