import type { OfferSettings } from "../../core/officers/index.ts";

/** The roster row fields PAUSE and QUIET set. */
export interface OfferSettingsRow {
  offersPausedAt: Date | null;
  offersPausedUntil: Date | null;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
}

/** A roster row's PAUSE / QUIET settings as core/officers reads them (instants in epoch ms). */
export function toOfferSettings(row: OfferSettingsRow): OfferSettings {
  return {
    offersPausedAt: row.offersPausedAt?.getTime() ?? null,
    offersPausedUntil: row.offersPausedUntil?.getTime() ?? null,
    quietHoursStart: row.quietHoursStart,
    quietHoursEnd: row.quietHoursEnd,
  };
}
