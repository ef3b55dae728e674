import type { AgencyConfig, Language } from "../agencies/index.ts";
import { describeProhibitedWork } from "../screening/index.ts";
import type { PolicyQuestion } from "../understanding/index.ts";
import { formatHours } from "./explain-quote.ts";
import { formatCents } from "./format.ts";

/** A customer's question about rates, rules or cancelling, answered from the agency's own file. */
export function answerPolicyQuestion(question: PolicyQuestion, agency: AgencyConfig, language: Language): string {
  switch (question) {
    case "rates":
      return describeRates(agency, language);
    case "rules":
      return describeRules(agency, language);
    case "cancellation":
      return describeCancellationRules(agency, language);
  }
}

const COLUMN_NAMES: Record<Language, Record<string, string>> = {
  en: { major_event: "major events and road work", critical_need: "critical need" },
  es: { major_event: "eventos grandes y obras viales", critical_need: "necesidad crítica" },
};
const RANK_NAMES: Record<Language, Record<string, string>> = {
  en: { officer: "Officer", sergeant: "Sergeant", commander: "Commander" },
  es: { officer: "Oficial", sergeant: "Sargento", commander: "Comandante" },
};

function describeRates(agency: AgencyConfig, language: Language): string {
  const es = language === "es";
  const parts: string[] = [];
  for (const rank of agency.ranks) {
    const rates = agency.rates[rank];
    if (!rates) continue;
    const row = [`${formatCents(rates.regular.regular)}/h`];
    for (const column of ["major_event", "critical_need"] as const) {
      const other = rates[column];
      if (other && other.regular !== rates.regular.regular) {
        row.push(`${COLUMN_NAMES[language][column]} ${formatCents(other.regular)}`);
      }
    }
    if (rates.regular.holiday !== undefined && agency.holidays.length > 0) {
      row.push(`${es ? "festivos" : "holidays"} ${formatCents(rates.regular.holiday)}`);
    }
    if (rates.regular.emergency !== undefined && agency.leadTime.emergencyBelowMinutes !== null) {
      const hours = agency.leadTime.emergencyBelowMinutes / 60;
      row.push(es ? `con menos de ${hours} h de aviso ${formatCents(rates.regular.emergency)}` : `under ${hours} h notice ${formatCents(rates.regular.emergency)}`);
    }
    parts.push(`${RANK_NAMES[language][rank] ?? rank}: ${row.join(", ")}.`);
  }
  const minimum = formatHours(agency.minimumMinutes, language);
  parts.push(es ? `Mínimo ${minimum} por oficial.` : `Minimum ${minimum} per officer.`);
  const vehicle = agency.vehicle;
  if (vehicle.staticCentsPerHour > 0) {
    const mileage = vehicle.mileageCentsPerMile !== null ? ` + ${formatCents(vehicle.mileageCentsPerMile)}/${es ? "milla" : "mile"}` : "";
    parts.push(es ? `Vehículo policial ${formatCents(vehicle.staticCentsPerHour)}/h${mileage}.` : `Police vehicle ${formatCents(vehicle.staticCentsPerHour)}/h${mileage}.`);
  }
  if (agency.adminFeeCentsPerOfficerHour > 0) {
    const fee = formatCents(agency.adminFeeCentsPerOfficerHour);
    parts.push(es ? `Cargo administrativo ${fee} por hora de oficial.` : `Admin fee ${fee} per officer-hour.`);
  }
  const lead = es ? `Tarifas por hora de ${agency.name}:` : `${agency.name} hourly rates:`;
  return `${lead} ${parts.join(" ")}`;
}

function describeRules(agency: AgencyConfig, language: Language): string {
  const es = language === "es";
  const sentences = agency.prohibitedWork.map((rule) =>
    describeProhibitedWork(
      rule.code,
      rule.decision === "reject" ? { decision: "reject" } : { decision: "needs_approval", approver: rule.approver },
      language,
    ),
  );
  for (const rule of agency.vehicleRules) {
    if (rule.code === "vehicle_requires_approval") {
      sentences.push(es ? "Un vehículo policial requiere la aprobación de un supervisor." : "A police vehicle needs a supervisor's approval.");
    } else {
      sentences.push(es ? `Un vehículo policial solo puede usarse dentro de ${rule.city}.` : `A police vehicle can only be used inside ${rule.city}.`);
    }
  }
  if (sentences.length === 0) {
    return es
      ? `${agency.name} no publica trabajos prohibidos; un supervisor revisa cada solicitud.`
      : `${agency.name} publishes no prohibited work; a supervisor reviews every request.`;
  }
  const lead = es ? "Reglas del departamento:" : "Department rules:";
  return `${lead} ${sentences.join(" ")}`;
}

function describeCancellationRules(agency: AgencyConfig, language: Language): string {
  const es = language === "es";
  const hours = agency.cancellationWindowMinutes / 60;
  const minimum = formatHours(agency.minimumMinutes, language);
  const admin = agency.adminFeeCentsPerOfficerHour > 0;
  if (es) {
    return `Cancelar es gratis antes de que se apruebe la solicitud. Después, ${
      admin
        ? `cancelar con más de ${hours} horas de anticipación cuesta el cargo administrativo de hasta 24 horas`
        : `es gratis hasta ${hours} horas antes del inicio`
    }; más tarde se cobran al menos ${minimum} por oficial${admin ? " más el cargo administrativo" : ""}.`;
  }
  return `Cancelling is free until the request is approved. After that, ${
    admin ? `cancelling more than ${hours} hours before the start costs the admin fee for up to 24 hours` : `it is free until ${hours} hours before the start`
  }; later, at least ${minimum} per officer are billed${admin ? " plus the admin fee" : ""}.`;
}
