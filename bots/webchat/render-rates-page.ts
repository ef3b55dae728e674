import type { AgencyConfig, Approver, Language, Rank } from "../../core/agencies/index.ts";
import { formatCents } from "../../core/intake/index.ts";
import { describeProhibitedWork } from "../../core/screening/index.ts";

/**
 * The agency's whole published policy as one page, in English or Spanish: rates by rank and
 * column, minimums, holidays, vehicles, admin fee, cancellation and prohibited work. Everything
 * comes from the agency file, so the page never says more or less than the quote charges.
 */

const COLUMNS = ["regular", "major_event", "critical_need"] as const;
const KINDS = ["regular", "holiday", "emergency"] as const;

const WORDS = {
  en: {
    title: (name: string) => `${name}: rates and rules`,
    other: "Español",
    ratesHeading: "Hourly rates per officer",
    rank: "Rank",
    kind: "Rate",
    columns: { regular: "Regular", major_event: "Major event / road construction", critical_need: "Critical need" },
    kinds: { regular: "regular", holiday: "holiday", emergency: "emergency (short notice)" },
    ranks: { officer: "Officer", sergeant: "Sergeant", commander: "Commander" } as Record<Rank, string>,
    rankRule: (rank: string, n: number) => `A request with ${n} or more officers includes one ${rank.toLowerCase()}.`,
    minimumHeading: "Minimum",
    minimum: (hours: string) => `${hours} hours per officer, even for a shorter job.`,
    leadHeading: "Notice",
    late: (hours: string, who: string) => `Requests made less than ${hours} hours ahead need approval from ${who}.`,
    emergency: (hours: string) => `Requests made less than ${hours} hours ahead are billed at the emergency rate.`,
    noLead: "No minimum notice is published.",
    holidaysHeading: "Holidays (whole day, holiday rate)",
    noHolidays: "No holiday rate.",
    vehicleHeading: "Police vehicles",
    vehicleHour: (rate: string) => `${rate} per vehicle-hour while parked at the job.`,
    vehicleMile: (rate: string) => `${rate} per mile driven.`,
    vehicleExtension: (minutes: number) => `Jobs with a vehicle add ${minutes} minutes per officer for pick-up and return.`,
    vehicleApproval: (who: string) => `Any police vehicle needs approval from ${who}.`,
    vehicleCity: (city: string) => `Police vehicles only inside ${city}.`,
    adminHeading: "Administrative fee",
    admin: (rate: string) => `${rate} per billable officer-hour.`,
    noAdmin: "None: the rates above are the total.",
    cancelHeading: "Cancellation",
    cancel: (hours: string, withFee: boolean) =>
      `Free before approval. After approval, cancelling more than ${hours} hours before the start costs ${withFee ? "the administrative fee for the first 24 hours" : "nothing"}; later than that, the minimum hours for every officer${withFee ? " plus that fee" : ""}.`,
    prohibitedHeading: "Work officers can't be hired for, or that needs approval",
    noProhibited: "None published.",
    approvers: { supervisor: "a police supervisor", chief: "the chief of police or their designee" } as Record<Approver, string>,
  },
  es: {
    title: (name: string) => `${name}: tarifas y reglas`,
    other: "English",
    ratesHeading: "Tarifas por hora por oficial",
    rank: "Rango",
    kind: "Tarifa",
    columns: { regular: "Regular", major_event: "Evento mayor / construcción vial", critical_need: "Necesidad crítica" },
    kinds: { regular: "regular", holiday: "día festivo", emergency: "emergencia (poco aviso)" },
    ranks: { officer: "Oficial", sergeant: "Sargento", commander: "Comandante" } as Record<Rank, string>,
    rankRule: (rank: string, n: number) => `Una solicitud de ${n} o más oficiales incluye un ${rank.toLowerCase()}.`,
    minimumHeading: "Mínimo",
    minimum: (hours: string) => `${hours} horas por oficial, aunque el trabajo sea más corto.`,
    leadHeading: "Aviso previo",
    late: (hours: string, who: string) => `Las solicitudes hechas con menos de ${hours} horas de aviso requieren la aprobación de ${who}.`,
    emergency: (hours: string) => `Las solicitudes hechas con menos de ${hours} horas de aviso se cobran con la tarifa de emergencia.`,
    noLead: "No se publica un aviso mínimo.",
    holidaysHeading: "Días festivos (todo el día, tarifa de día festivo)",
    noHolidays: "Sin tarifa de día festivo.",
    vehicleHeading: "Vehículos policiales",
    vehicleHour: (rate: string) => `${rate} por hora de vehículo estacionado en el trabajo.`,
    vehicleMile: (rate: string) => `${rate} por milla recorrida.`,
    vehicleExtension: (minutes: number) => `Los trabajos con vehículo suman ${minutes} minutos por oficial para recogerlo y devolverlo.`,
    vehicleApproval: (who: string) => `Todo vehículo policial requiere la aprobación de ${who}.`,
    vehicleCity: (city: string) => `Vehículos policiales solo dentro de ${city}.`,
    adminHeading: "Cargo administrativo",
    admin: (rate: string) => `${rate} por hora facturable de oficial.`,
    noAdmin: "Ninguno: las tarifas de arriba son el total.",
    cancelHeading: "Cancelación",
    cancel: (hours: string, withFee: boolean) =>
      `Sin cargo antes de la aprobación. Después de aprobada, cancelar más de ${hours} horas antes del inicio cuesta ${withFee ? "el cargo administrativo de las primeras 24 horas" : "nada"}; más tarde, las horas mínimas de cada oficial${withFee ? " más ese cargo" : ""}.`,
    prohibitedHeading: "Trabajos para los que no se contratan oficiales, o que requieren aprobación",
    noProhibited: "No se publica ninguno.",
    approvers: { supervisor: "un supervisor de la policía", chief: "el jefe de policía o su designado" } as Record<Approver, string>,
  },
} as const;

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** Hours as people say them: 3, 1.5. */
const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

export function renderRatesPage(agency: AgencyConfig, language: Language): string {
  const w = WORDS[language];
  const e = escapeHtml;
  const columns = COLUMNS.filter((column) => agency.ranks.some((rank) => agency.rates[rank]?.[column]));
  const rows = agency.ranks.flatMap((rank) =>
    KINDS.filter((kind) => columns.some((column) => agency.rates[rank]?.[column]?.[kind] !== undefined)).map(
      (kind) =>
        `<tr><th scope="row">${e(w.ranks[rank])}</th><td>${e(w.kinds[kind])}</td>${columns
          .map((column) => {
            const cents = agency.rates[rank]?.[column]?.[kind];
            return `<td>${cents === undefined ? "—" : e(formatCents(cents))}</td>`;
          })
          .join("")}</tr>`,
    ),
  );
  const list = (items: string[], none: string) =>
    items.length > 0 ? `<ul>${items.map((item) => `<li>${e(item)}</li>`).join("")}</ul>` : `<p>${e(none)}</p>`;
  const { lateRequest, emergencyBelowMinutes } = agency.leadTime;
  const notice = [
    ...(lateRequest ? [w.late(hours(lateRequest.belowMinutes), w.approvers[lateRequest.approver])] : []),
    ...(emergencyBelowMinutes !== null ? [w.emergency(hours(emergencyBelowMinutes))] : []),
  ];
  const vehicle = [
    w.vehicleHour(formatCents(agency.vehicle.staticCentsPerHour)),
    ...(agency.vehicle.mileageCentsPerMile !== null ? [w.vehicleMile(formatCents(agency.vehicle.mileageCentsPerMile))] : []),
    ...(agency.vehicle.extensionMinutes > 0 ? [w.vehicleExtension(agency.vehicle.extensionMinutes)] : []),
    ...agency.vehicleRules.map((rule) =>
      rule.code === "vehicle_requires_approval" ? w.vehicleApproval(w.approvers[rule.approver]) : w.vehicleCity(rule.city),
    ),
  ];
  const prohibited = agency.prohibitedWork.map((rule) =>
    describeProhibitedWork(
      rule.code,
      rule.decision === "reject" ? { decision: "reject" } : { decision: "needs_approval", approver: rule.approver },
      language,
    ),
  );
  const fee = agency.adminFeeCentsPerOfficerHour;
  const other = language === "en" ? "es" : "en";
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(w.title(agency.name))}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 56rem; margin: 1rem auto; padding: 0 1rem">
<p><a id="language-link" href="?lang=${other}" hreflang="${other}">${e(w.other)}</a></p>
<h1>${e(w.title(agency.name))}</h1>
<h2>${e(w.ratesHeading)}</h2>
<table border="1" cellpadding="6"><thead><tr><th>${e(w.rank)}</th><th>${e(w.kind)}</th>${columns
    .map((column) => `<th>${e(w.columns[column])}</th>`)
    .join("")}</tr></thead>
<tbody>${rows.join("")}</tbody></table>
${list(agency.rankRules.map((rule) => w.rankRule(w.ranks[rule.rank], rule.minPositions)), "")}
<h2>${e(w.minimumHeading)}</h2><p>${e(w.minimum(hours(agency.minimumMinutes)))}</p>
<h2>${e(w.leadHeading)}</h2>${list(notice, w.noLead)}
<h2>${e(w.holidaysHeading)}</h2>${list(agency.holidays.map((holiday) => holiday.name), w.noHolidays)}
<h2>${e(w.vehicleHeading)}</h2>${list(vehicle, "")}
<h2>${e(w.adminHeading)}</h2><p>${e(fee > 0 ? w.admin(formatCents(fee)) : w.noAdmin)}</p>
<h2>${e(w.cancelHeading)}</h2><p>${e(w.cancel(hours(agency.cancellationWindowMinutes), fee > 0))}</p>
<h2>${e(w.prohibitedHeading)}</h2>${list(prohibited, w.noProhibited)}
</body></html>`;
}
