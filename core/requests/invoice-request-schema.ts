import { z } from "zod";
import { type AgencyConfig, assignPositions, RANKS, type Rank, RankSchema } from "../agencies/index.ts";
import { MINUTES_PER_DAY, parseIsoInstant } from "../time/index.ts";
import { IsoInstantSchema } from "./iso-instant-schema.ts";
import { addQuoteRequestChecks, buildQuoteRequestShape, hasValid } from "./quote-request-schema.ts";
import { measureWorkedInterval } from "./worked-interval.ts";

/**
 * One position as worked. Both times are required (null allowed) rather than defaulted, so a
 * misspelt key is an error instead of a silent no-show.
 */
export const WorkedPositionSchema = z
  .object({
    /** The position's rank, as the quote assigned it. */
    rank: RankSchema,
    /** When the officer arrived; null = not worked (unfilled or no-show), billed nothing. */
    checkIn: IsoInstantSchema.nullable(),
    /** When the officer left; null = at the scheduled end. */
    checkOut: IsoInstantSchema.nullable(),
  })
  .superRefine((position, ctx) => {
    if (position.checkOut === null) return;
    if (position.checkIn === null) {
      ctx.addIssue({
        code: "custom",
        path: ["checkOut"],
        message: "must be null when checkIn is null (a position nobody checked in to was not worked)",
      });
      return;
    }
    const checkInMs = parseIsoInstant(position.checkIn);
    const checkOutMs = parseIsoInstant(position.checkOut);
    if (checkInMs !== null && checkOutMs !== null && checkOutMs < checkInMs) {
      ctx.addIssue({ code: "custom", path: ["checkOut"], message: "must not be before checkIn" });
    }
  });
export type WorkedPosition = z.infer<typeof WorkedPositionSchema>;

/** The ranks of a request's positions in the quote's order: officers, then sergeant, then commander. */
export function listPositionRanks(officers: number, agency: AgencyConfig): Rank[] {
  const positions = assignPositions(officers, agency);
  return RANKS.flatMap((rank) => Array.from({ length: positions[rank] }, () => rank));
}

/** A problem found by checking the worked records against the agency's rules. */
export interface WorkedProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Checks that need the agency: each record's rank is the rank of its position, and no position
 * is billed more than 24 hours (policy.md). Assumes the record count equals `officers`.
 */
export function checkWorkedAgainstAgency(
  request: {
    start: string;
    end: string;
    vehicles: number;
    officers: number;
    worked: readonly WorkedPosition[];
  },
  agency: AgencyConfig,
): WorkedProblem[] {
  const problems: WorkedProblem[] = [];
  const ranks = listPositionRanks(request.officers, agency);
  const startMs = parseIsoInstant(request.start);
  const endMs = parseIsoInstant(request.end);
  request.worked.forEach((record, index) => {
    const rank = ranks[index];
    if (rank !== undefined && record.rank !== rank) {
      problems.push({
        path: ["worked", index, "rank"],
        message: `must be ${rank} (records follow the quote's positions: ${describeRanks(ranks)})`,
      });
    }
    if (startMs === null || endMs === null) return;
    const interval = measureWorkedInterval(agency, {
      startMs,
      endMs,
      vehicles: request.vehicles,
      checkInMs: record.checkIn === null ? null : parseIsoInstant(record.checkIn),
      checkOutMs: record.checkOut === null ? null : parseIsoInstant(record.checkOut),
    });
    if (interval !== null && interval.minutes > MINUTES_PER_DAY) {
      problems.push({
        path: ["worked", index, "checkOut"],
        message: `must bill at most 24 hours for the position (${interval.minutes} minutes billed)`,
      });
    }
  });
  return problems;
}

/** "4 officers, then 1 sergeant". */
function describeRanks(ranks: readonly Rank[]): string {
  return RANKS.map((rank) => [rank, ranks.filter((r) => r === rank).length] as const)
    .filter(([, count]) => count > 0)
    .map(([rank, count]) => `${count} ${rank}${count === 1 ? "" : "s"}`)
    .join(", then ");
}

/**
 * An invoice request schema (policy.md "Invoice contract (worked hours)"): a quote request plus
 * `worked`, one record per position. With `agencies`, the agency id must be one of them and
 * the records are checked against that agency (ranks, 24-hour bound); without, any agency id
 * passes and those checks are left to the caller.
 */
export function createInvoiceRequestSchema(agencies?: ReadonlyMap<string, AgencyConfig>) {
  return addQuoteRequestChecks(
    z.object({
      ...buildQuoteRequestShape((id) => agencies === undefined || agencies.has(id)),
      /** One record per position, in the quote's position order; length = officers. */
      worked: z.array(WorkedPositionSchema),
    }),
  )
    .superRefine(
      (request, ctx) => {
        if (request.worked.length === request.officers) return;
        ctx.addIssue({
          code: "custom",
          path: ["worked"],
          message: `must have one record per position: ${request.officers}, not ${request.worked.length}`,
        });
      },
      { when: hasValid("officers", "worked") },
    )
    .superRefine(
      (request, ctx) => {
        const agency = agencies?.get(request.agency);
        if (agency === undefined) return;
        for (const problem of checkWorkedAgainstAgency(request, agency)) {
          ctx.addIssue({ code: "custom", ...problem });
        }
      },
      { when: hasValid("agency", "start", "end", "officers", "vehicles", "worked") },
    );
}

/** Invoice request without agency checks; see createInvoiceRequestSchema. */
export const InvoiceRequestSchema = createInvoiceRequestSchema();
/** A validated invoice request (defaults applied). */
export type InvoiceRequest = z.output<typeof InvoiceRequestSchema>;
export type InvoiceRequestInput = z.input<typeof InvoiceRequestSchema>;
