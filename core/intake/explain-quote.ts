import { DateTime } from "luxon";
import { resolveTimeZone } from "../time/index.ts";
import type { AgencyConfig, Language } from "../agencies/index.ts";
import { computeCancellationFee, listHolidays, type Quote } from "../pricing/index.ts";
import type { QuoteRequest } from "../requests/index.ts";
import { formatCents } from "./format.ts";
import { countNoun } from "./plural.ts";

/**
 * Why a quote costs what it costs, in sentences: rank positions, the rate column, emergency and
 * holiday rates, the minimum and vehicle time, the admin fee. Only what applies is said.
 */
export function explainQuote(request: QuoteRequest, quote: Quote, agency: AgencyConfig, language: Language): string[] {
  const es = language === "es";
  const lines: string[] = [];
  const { officer, sergeant, commander } = quote.positions;
  if (sergeant > 0 || commander > 0) {
    const parts = [countNoun(officer, "officer", language)];
    if (sergeant > 0) parts.push(countNoun(sergeant, "sergeant", language));
    if (commander > 0) parts.push(countNoun(commander, "commander", language));
    const rules = agency.rankRules
      .filter((rule) => quote.positions[rule.rank] > 0)
      .map((rule) =>
        es
          ? `se requiere un ${rule.rank === "sergeant" ? "sargento" : "comandante"} desde ${rule.minPositions} oficiales`
          : `a ${rule.rank} is required from ${rule.minPositions} officers`,
      );
    lines.push(`${parts.join(" + ")}: ${rules.join(es ? " y " : " and ")}.`);
  }
  if (request.category === "major_event") {
    lines.push(es ? "Tarifa de evento mayor (eventos grandes y obras viales)." : "Major event rate (major events and road work).");
  } else if (request.category === "critical_need") {
    lines.push(es ? "Tarifa de necesidad crítica." : "Critical need rate.");
  }
  const kinds = new Set(quote.lines.flatMap((line) => (line.kind === "labor" ? [line.rateKind] : [])));
  if (kinds.has("emergency")) {
    const hours = (agency.leadTime.emergencyBelowMinutes ?? 0) / 60;
    lines.push(
      es
        ? `Tarifa de emergencia: se reservó con menos de ${hours} horas de anticipación.`
        : `Emergency rate: booked less than ${hours} hours ahead.`,
    );
  }
  if (kinds.has("holiday")) {
    const names = findHolidayNames(request, agency);
    lines.push(
      es
        ? `Tarifa de día festivo para las horas de ${names.join(" y ")}.`
        : `Holiday rate for the hours on ${names.join(" and ")}.`,
    );
  }
  const shiftMinutes = (Date.parse(request.end) - Date.parse(request.start)) / 60_000;
  const extension = request.vehicles > 0 ? agency.vehicle.extensionMinutes : 0;
  if (quote.billableMinutesPerPosition > shiftMinutes) {
    const billed = formatHours(quote.billableMinutesPerPosition, language);
    if (shiftMinutes + extension < agency.minimumMinutes) {
      const minimum = formatHours(agency.minimumMinutes, language);
      lines.push(es ? `Se cobra el mínimo de ${minimum} por oficial.` : `Billed at the ${minimum} minimum per officer.`);
    } else {
      lines.push(
        es
          ? `Se cobran ${billed} por oficial: ${extension} minutos más por el vehículo.`
          : `Billed ${billed} per officer: ${extension} extra minutes for the vehicle.`,
      );
    }
  }
  if (quote.adminFeeCents > 0) {
    const fee = formatCents(agency.adminFeeCentsPerOfficerHour);
    lines.push(es ? `Cargo administrativo de ${fee} por hora de oficial.` : `Admin fee of ${fee} per officer-hour.`);
  }
  return lines;
}

/** The cancellation policy for this request, in one line, with what each case would cost. */
export function describeCancellationPolicy(request: QuoteRequest, agency: AgencyConfig, language: Language): string {
  const es = language === "es";
  const windowHours = agency.cancellationWindowMinutes / 60;
  const feeAt = (minutesBefore: number) =>
    computeCancellationFee(
      {
        ...request,
        approvedAt: request.requestedAt ?? request.start,
        cancelledAt: new Date(Date.parse(request.start) - minutesBefore * 60_000).toISOString(),
        minutesWorked: 0,
      },
      agency,
    ).feeCents;
  const early = feeAt(agency.cancellationWindowMinutes + 60);
  const late = feeAt(0);
  const earlyText = early > 0 ? formatCents(early) : es ? "sin cargo" : "free";
  return es
    ? `Cancelación: sin cargo antes de la aprobación; después, ${earlyText} hasta ${windowHours} horas antes del inicio y ${formatCents(late)} más tarde.`
    : `Cancellation: free before approval; after it, ${earlyText} until ${windowHours} hours before the start, ${formatCents(late)} after that.`;
}

function findHolidayNames(request: QuoteRequest, agency: AgencyConfig): string[] {
  const zone = resolveTimeZone(agency.timeZone);
  const start = DateTime.fromISO(request.start, { zone });
  const end = DateTime.fromISO(request.end, { zone });
  const names: string[] = [];
  for (let day = start.startOf("day"); day < end; day = day.plus({ days: 1 })) {
    const holiday = listHolidays(agency.holidays, day.year).find(
      (h) => h.date.month === day.month && h.date.day === day.day,
    );
    if (holiday && !names.includes(holiday.name)) names.push(holiday.name);
  }
  return names;
}

/** 330 → "5.5 hours", 180 → "3 hours". */
export function formatHours(minutes: number, language: Language): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  if (language === "es") return `${hours} ${hours === 1 ? "hora" : "horas"}`;
  return `${hours} ${hours === 1 ? "hour" : "hours"}`;
}
