import type { AgencyConfig, Language } from "../agencies/index.ts";
import type { QuoteRequest } from "../requests/index.ts";
import { resolveShift, type ShiftResolution } from "./resolve-shift.ts";
import type { Slots } from "./slots.ts";

/** The customer part of a request, as the converse CLI and the stored request show it. */
export interface CustomerDetails {
  name: string | null;
  organization: string | null;
  phone: string | null;
}

/**
 * The policy core's request from the slots, or null while the date or times are missing.
 * A job address without a city is taken to be in the agency's own city. `shift`: the slots'
 * resolveShift when the caller has it already (luxon's zone arithmetic is most of this).
 */
export function buildQuoteRequest(
  slots: Slots,
  agency: AgencyConfig,
  requestedAt: Date,
  language: Language,
  shift: ShiftResolution = resolveShift(slots, agency.timeZone),
): QuoteRequest | null {
  if (shift.kind !== "ok" || slots.officers === null) return null;
  const vehicles = Math.min(slots.vehicles ?? 0, slots.officers);
  return {
    agency: agency.id,
    requestedAt: requestedAt.toISOString(),
    start: shift.start,
    end: shift.end,
    officers: slots.officers,
    category: slots.category ?? "regular",
    vehicles,
    vehicleMiles: vehicles > 0 && agency.vehicle.mileageCentsPerMile !== null ? (slots.vehicleMiles ?? 0) : 0,
    eventType: slots.eventType ?? undefined,
    address: slots.address
      ? {
          line1: slots.address.line1,
          city: slots.address.city ?? agency.city,
          state: slots.address.state ?? agency.state,
        }
      : undefined,
    flags: {
      armedPrivateSecurity: slots.flags.armedPrivateSecurity ?? false,
      civilLegalService: slots.flags.civilLegalService ?? false,
      bodyguardOrBouncer: slots.flags.bodyguardOrBouncer ?? false,
      alcoholPrincipalBusiness: slots.flags.alcoholPrincipalBusiness ?? false,
    },
    language,
  };
}

/** The request as far as it is known, for the converse CLI's final line and drafts. */
export function describeDraft(slots: Slots, agency: AgencyConfig, requestedAt: Date, language: Language) {
  const full = buildQuoteRequest(slots, agency, requestedAt, language);
  if (full) return full;
  const shift = resolveShift(slots, agency.timeZone);
  return {
    agency: agency.id,
    requestedAt: requestedAt.toISOString(),
    start: shift.kind === "ok" ? shift.start : null,
    end: shift.kind === "ok" ? shift.end : null,
    date: slots.date,
    startTime: slots.startTime,
    endTime: slots.endTime,
    durationMinutes: slots.durationMinutes,
    officers: slots.officers,
    category: slots.category ?? "regular",
    vehicles: slots.vehicles ?? 0,
    vehicleMiles: slots.vehicleMiles ?? 0,
    eventType: slots.eventType ?? undefined,
    address: slots.address ?? undefined,
    flags: {
      armedPrivateSecurity: slots.flags.armedPrivateSecurity ?? false,
      civilLegalService: slots.flags.civilLegalService ?? false,
      bodyguardOrBouncer: slots.flags.bodyguardOrBouncer ?? false,
      alcoholPrincipalBusiness: slots.flags.alcoholPrincipalBusiness ?? false,
    },
    language,
  };
}
