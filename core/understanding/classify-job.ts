import type { Category } from "../agencies/index.ts";
import { JOB_SERVICES, JOB_SUBJECTS } from "./job-vocabulary.ts";
import { prepareMessageText } from "./message-text.ts";
import type { SubjectRule } from "./subject-rule.ts";

export interface JobFinding {
  /** Short lowercase English description, e.g. "road construction traffic control"; null when none. */
  eventType: string | null;
  category: Category | null;
  /** Where the message names the job (folded indices), to show it in the customer's own words. */
  span: { start: number; end: number } | null;
}

const CATEGORY_RANK: Record<Category, number> = { regular: 0, major_event: 1, critical_need: 2 };

/**
 * Describes the job and picks its rate category. Road construction, lane closures and other road
 * work, festivals, parades, concerts, stadiums, marathons and named major events are `major_event`
 * (Tucson's "major events and road construction point control"); a stated critical need is
 * `critical_need`; every other described job is `regular`. Nothing recognisable gives nulls.
 */
export function classifyJob(folded: string): JobFinding {
  const matches: { rule: SubjectRule; index: number; length: number; subject: string }[] = [];
  for (const rule of JOB_SUBJECTS) {
    const match = rule.pattern.exec(folded);
    if (match) matches.push({ rule, index: match.index, length: match[0].length, subject: rule.subject(match) });
  }
  const service = JOB_SERVICES.find(([pattern]) => pattern.test(folded))?.[1] ?? null;
  if (matches.length === 0)
    return service
      ? { eventType: service, category: "regular", span: null }
      : { eventType: null, category: null, span: null };
  const category = matches.reduce<Category>(
    (best, { rule }) => (CATEGORY_RANK[rule.category] > CATEGORY_RANK[best] ? rule.category : best),
    "regular",
  );
  const specific = matches.filter(({ rule }) => !rule.generic);
  const pool = specific.length > 0 ? specific : matches;
  const ranked = [...pool].sort(
    (a, b) => CATEGORY_RANK[b.rule.category] - CATEGORY_RANK[a.rule.category] || a.index - b.index,
  );
  const chosen = ranked[0]!;
  const chosenService = service ?? chosen.rule.service;
  const eventType =
    chosenService && !chosen.subject.includes(chosenService)
      ? `${chosen.subject} ${chosenService}`
      : chosen.subject;
  return { eventType, category, span: { start: chosen.index, end: chosen.index + chosen.length } };
}

/** A Spanish service named just before the job's subject: "seguridad de (una) tienda". */
const SERVICE_BEFORE_SUBJECT =
  /\b(?:seguridad|vigilancia|control de (?:trafico|transito|multitudes))\s+(?:de|para|en)\s+(?:(?:la|el|los|las|una|un|mi|su|nuestra|nuestro)\s+)?$/;

/**
 * The job as the customer named it ("una boda", "quinceañera", "seguridad de tienda"), from the
 * original message; null when unnamed.
 */
export function findJobWords(text: string): string | null {
  const prepared = prepareMessageText(text);
  const span = classifyJob(prepared.folded).span;
  if (!span) return null;
  const service = SERVICE_BEFORE_SUBJECT.exec(prepared.folded.slice(0, span.start));
  const start = service ? service.index : span.start;
  return prepared.original.slice(start, span.end).replace(/\s+/g, " ").trim();
}
