import { z } from "zod";
import { parseIsoInstant } from "../time/index.ts";

/** An ISO 8601 instant with `Z` or a `±HH:mm` offset, e.g. 2026-12-24T20:00:00-07:00; seconds optional. */
export const IsoInstantSchema = z
  .string()
  .refine(
    (text) => parseIsoInstant(text) !== null,
    "must be an ISO 8601 date and time with a UTC offset, e.g. 2026-12-24T20:00:00-07:00",
  );
