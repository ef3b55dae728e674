import type { Approver, Language, ProhibitedWorkCode } from "../agencies/index.ts";

/**
 * Customer-facing wording of every reason, in English and Spanish. A message is a topic (what
 * about the request triggered the rule) followed by an outcome (what happens now), so an agency
 * may configure any prohibited-work flag as a reject or as a sign-off and still read naturally.
 */

const APPROVAL_OUTCOME: Record<Language, Record<Approver, string>> = {
  en: {
    supervisor: "This needs approval from a police supervisor.",
    chief: "This needs the express permission of the chief of police or their designee.",
  },
  es: {
    supervisor: "Esto requiere la aprobación de un supervisor de la policía.",
    chief: "Esto requiere el permiso expreso del jefe de policía o de su designado.",
  },
};

const REJECT_OUTCOME: Record<Language, string> = {
  en: "Police officers can't be hired for this work.",
  es: "No se pueden contratar agentes de policía para este trabajo.",
};

const PROHIBITED_WORK_TOPIC: Record<ProhibitedWorkCode, Record<Language, string>> = {
  armed_private_security: {
    en: "Armed private security will be present at this event.",
    es: "Habrá seguridad privada armada en este evento.",
  },
  civil_legal_service: {
    en: "The job involves civil legal services or acting as a witness to civil legal proceedings.",
    es: "El trabajo incluye servicios legales civiles o actuar como testigo en procedimientos legales civiles.",
  },
  bodyguard_or_bouncer: {
    en: "The job is private bodyguard or bouncer work.",
    es: "El trabajo es de guardaespaldas privado o de portero.",
  },
  alcohol_principal_business: {
    en: "Selling alcoholic beverages is the principal business at this location.",
    es: "La venta de bebidas alcohólicas es el negocio principal en este lugar.",
  },
};

/** The sentence for a prohibited-work reason. */
export function describeProhibitedWork(
  code: ProhibitedWorkCode,
  outcome: { decision: "reject" } | { decision: "needs_approval"; approver: Approver },
  language: Language,
): string {
  const topic = PROHIBITED_WORK_TOPIC[code][language];
  const result =
    outcome.decision === "reject" ? REJECT_OUTCOME[language] : APPROVAL_OUTCOME[language][outcome.approver];
  return `${topic} ${result}`;
}

/** `start_in_past`: the start is at or before the moment the request was made. */
export function describeStartInPast(language: Language): string {
  return language === "es"
    ? "La hora de inicio solicitada ya pasó. Elija una hora de inicio posterior."
    : "The requested start time has already passed. Please choose a later start time.";
}

/** `late_request`: less notice than the agency asks for. */
export function describeLateRequest(belowMinutes: number, approver: Approver, language: Language): string {
  const notice = formatNotice(belowMinutes, language);
  const topic =
    language === "es"
      ? `El turno comienza con menos de ${notice} de anticipación.`
      : `The shift starts less than ${notice} after the request.`;
  return `${topic} ${APPROVAL_OUTCOME[language][approver]}`;
}

/** `vehicle_requires_approval`: a police car was requested. */
export function describeVehicleApproval(approver: Approver, language: Language): string {
  const topic =
    language === "es" ? "La solicitud incluye una patrulla." : "The request includes a police car.";
  return `${topic} ${APPROVAL_OUTCOME[language][approver]}`;
}

/** `vehicle_outside_city`: police cars stay in the city; offers to go on without one. */
export function describeVehicleOutsideCity(
  allowedCity: string,
  addressCity: string,
  language: Language,
): string {
  return language === "es"
    ? `Las patrullas solo pueden usarse en trabajos dentro de la ciudad de ${allowedCity}, y esta dirección está en ${addressCity}. Si lo desea, podemos continuar sin patrulla.`
    : `Police cars can only be used for jobs inside the city of ${allowedCity}, and this address is in ${addressCity}. We can continue without a police car if you like.`;
}

function formatNotice(minutes: number, language: Language): string {
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return language === "es"
      ? `${hours} ${hours === 1 ? "hora" : "horas"}`
      : `${hours} ${hours === 1 ? "hour" : "hours"}`;
  }
  return language === "es" ? `${minutes} minutos` : `${minutes} minutes`;
}
