import { parseValidatedIsoInstant } from "../time/index.ts";

/**
 * Lead time in milliseconds (start − requestedAt), or null when requestedAt is absent, in which
 * case no lead-time rule applies. Zero or negative means the start is not in the future.
 */
export function measureLeadTimeMs(
  request: { requestedAt?: string | undefined },
  startMs: number,
): number | null {
  if (request.requestedAt === undefined) return null;
  return startMs - parseValidatedIsoInstant(request.requestedAt);
}
