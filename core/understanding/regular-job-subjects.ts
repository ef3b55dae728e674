import { fixed, same, type SubjectRule } from "./subject-rule.ts";

/** Everyday jobs billed at the regular rate: stores, banks, churches, parties, funerals, lots… */
export const REGULAR_SUBJECTS: readonly SubjectRule[] = [
  { pattern: /\bba[rt] mitzvah\b/, category: "regular", subject: same, service: "security" },
  {
    pattern:
      /\b(?:(retail|grocery|convenience|liquor|department|hardware|jewelry|furniture|clothing|cell phone|phone|electronics|shoe|toy|dollar|thrift|discount|pawn|gun|sporting goods) )?(?:store|shop)\b/,
    category: "regular",
    subject: (m) => (m[1] ? `${m[1]} store` : "store"),
    service: "security",
  },
  { pattern: /\btienda\b/, category: "regular", subject: fixed("store"), service: "security" },
  {
    pattern: /\bsupermarket\b|\bsupermercado\b|\bgrocery\b/,
    category: "regular",
    subject: fixed("grocery store"),
    service: "security",
  },
  {
    pattern: /\b(?:shopping )?mall\b|\b(?:plaza|centro) comercial\b/,
    category: "regular",
    subject: fixed("mall"),
    service: "security",
  },
  { pattern: /\bbank\b|\bbanco\b/, category: "regular", subject: fixed("bank"), service: "security" },
  { pattern: /\bchurch\b|\biglesia\b/, category: "regular", subject: fixed("church"), service: "security" },
  {
    pattern: /\b(?:high |middle |elementary )?school\b|\bescuela\b|\bcolegio\b/,
    category: "regular",
    subject: (m) => (/^[a-z ]*school$/.test(m[0]) ? m[0] : "school"),
    service: "security",
  },
  {
    pattern: /\buniversity\b|\bcollege\b|\buniversidad\b/,
    category: "regular",
    subject: fixed("university"),
    service: "security",
  },
  {
    pattern:
      /\b(?:(?:birthday|block|private|house|graduation|holiday|christmas|office|pool|neighborhood) )?party\b/,
    category: "regular",
    subject: same,
    service: "security",
  },
  {
    pattern: /\bfiesta(?: de cumpleanos)?\b/,
    category: "regular",
    subject: (m) => (m[0].includes("cumple") ? "birthday party" : "party"),
    service: "security",
  },
  {
    pattern: /\bquinceanera\b|\bquince anos\b|\bxv anos\b/,
    category: "regular",
    subject: fixed("quinceañera"),
    service: "security",
  },
  {
    pattern: /\bwedding(?: reception)?\b|\bboda\b/,
    category: "regular",
    subject: (m) => (m[0] === "boda" ? "wedding" : m[0]),
    service: "security",
  },
  {
    pattern: /\bfuneral(?: procession)?\b|\bcortejo funebre\b/,
    category: "regular",
    subject: fixed("funeral"),
    service: "escort",
  },
  {
    pattern: /\bparking (?:lot|garage)\b|\bestacionamiento\b/,
    category: "regular",
    subject: (m) => (m[0].startsWith("parking") ? m[0] : "parking lot"),
    service: "security",
  },
  {
    pattern: /\brestaurant\b|\brestaurante\b/,
    category: "regular",
    subject: fixed("restaurant"),
    service: "security",
  },
  {
    pattern: /\bnight ?club\b|\bclub nocturno\b|\bdiscoteca\b/,
    category: "regular",
    subject: fixed("nightclub"),
    service: "security",
  },
  {
    pattern: /\bliquor store\b|\blicoreria\b/,
    category: "regular",
    subject: fixed("liquor store"),
    service: "security",
  },
  {
    pattern: /\bbrewery\b|\bbrewpub\b|\btaproom\b|\bwinery\b|\bsaloon\b|\blounge\b|\bcerveceria\b/,
    category: "regular",
    subject: (m) => (m[0] === "cerveceria" ? "brewery" : m[0]),
    service: "security",
  },
  {
    pattern: /\b(?:neighborhood|neighbourhood|community|hoa|subdivision) patrols?\b|\bpatrol(?:ling)? (?:the|our) (?:neighborhood|subdivision|community)\b/,
    category: "regular",
    subject: fixed("neighborhood patrol"),
    service: null,
  },
  {
    pattern: /\b(?:sports )?bar\b(?! mitzvah)|\bcantina\b|\btavern\b|\bpub\b/,
    category: "regular",
    subject: (m) => (m[0] === "cantina" ? "bar" : m[0]),
    service: "security",
  },
  { pattern: /\bhotel\b/, category: "regular", subject: fixed("hotel"), service: "security" },
  {
    pattern: /\bapartment(?:s| complex)?\b|\bapartamentos\b/,
    category: "regular",
    subject: fixed("apartment complex"),
    service: "security",
  },
  {
    pattern: /\bwarehouse\b|\bbodega\b/,
    category: "regular",
    subject: fixed("warehouse"),
    service: "security",
  },
  {
    pattern: /\bhospital\b|\bclinic\b|\bclinica\b/,
    category: "regular",
    subject: fixed("hospital"),
    service: "security",
  },
  {
    pattern: /\b(?:football|basketball|baseball|soccer|hockey|volleyball|softball) (?:game|match)\b/,
    category: "regular",
    subject: same,
    service: "security",
  },
  {
    pattern: /\bgraduation\b|\bgraduacion\b/,
    category: "regular",
    subject: fixed("graduation"),
    service: "security",
  },
  {
    pattern: /\bprom\b|\bdance\b|\bbaile\b/,
    category: "regular",
    subject: (m) => (m[0] === "baile" ? "dance" : m[0]),
    service: "security",
  },
  {
    pattern: /\bmeeting\b|\btown hall\b|\bjunta\b/,
    category: "regular",
    subject: (m) => (m[0] === "junta" ? "meeting" : m[0]),
    service: "security",
  },
  {
    pattern: /\b(?:movie|film|tv) (?:shoot|production)\b|\bfilming\b/,
    category: "regular",
    subject: fixed("film shoot"),
    service: "security",
  },
  {
    pattern: /\b(?:car )?dealership\b/,
    category: "regular",
    subject: fixed("car dealership"),
    service: "security",
  },
  {
    pattern: /\bgas station\b|\bgasolinera\b/,
    category: "regular",
    subject: fixed("gas station"),
    service: "security",
  },
  {
    pattern: /\bpharmacy\b|\bfarmacia\b/,
    category: "regular",
    subject: fixed("pharmacy"),
    service: "security",
  },
  {
    pattern: /\bgrand opening\b|\binauguracion\b/,
    category: "regular",
    subject: fixed("grand opening"),
    service: "security",
  },
  {
    pattern:
      /\b(?:(?:holiday|farmers|christmas|night|flea) )?market\b|\bmercado\b|\bswap meet\b|\btianguis\b/,
    category: "regular",
    subject: (m) => (/^[a-z ]*market$|swap meet/.test(m[0]) ? m[0] : "market"),
    service: "security",
  },
  {
    pattern:
      /\bcar show\b|\bgala\b|\bfundraiser\b|\bbanquet\b|\bauction\b|\bconference\b|\bconvention\b|\bexpo\b/,
    category: "regular",
    subject: same,
    service: "security",
  },
  {
    pattern: /\b(?:political )?rally\b|\bprotest\b|\bdemonstration\b|\bmarcha\b|\bmanifestacion\b/,
    category: "regular",
    subject: (m) => (/^(?:marcha|manifestacion)$/.test(m[0]) ? "demonstration" : m[0]),
    service: "security",
  },
  {
    pattern:
      /\b(?:company |church |family )?picnic\b|\b(?:family |class )?reunion\b|\bvigil\b|\bmemorial\b|\btailgate\b|\b(?:movie )?premiere\b|\bbazaar\b|\bbook signing\b/,
    category: "regular",
    subject: same,
    service: "security",
  },
  {
    pattern: /\bcarnival\b|\bcarnaval\b/,
    category: "major_event",
    subject: fixed("carnival"),
    service: "security",
  },
  {
    pattern: /\b(?:golf )?tournament\b|\btorneo\b/,
    category: "regular",
    subject: (m) => (m[0] === "torneo" ? "tournament" : m[0]),
    service: "security",
  },
  {
    pattern: /\bevent\b|\bevento\b/,
    category: "regular",
    subject: fixed("event"),
    service: "security",
    generic: true,
  },
];
