import { REGULAR_SUBJECTS } from "./regular-job-subjects.ts";
import { fixed, same, type SubjectRule } from "./subject-rule.ts";

/** Critical needs, road work and major events: the subjects that change Tucson's rate column. */
const SPECIAL_SUBJECTS: readonly SubjectRule[] = [
  {
    pattern: /\bcritical[- ]need\b|\bnecesidad critica\b/,
    category: "critical_need",
    subject: fixed("critical need"),
    service: null,
    generic: true,
  },
  {
    pattern: /\bmajor event\b|\bevento (?:grande|mayor|importante)\b/,
    category: "major_event",
    subject: fixed("major event"),
    service: "security",
    generic: true,
  },
  {
    pattern:
      /\broad construction\b|\bobras? viales?\b|\bconstruccion (?:de|en) (?:la )?(?:calle|carretera|camino)\b/,
    category: "major_event",
    subject: fixed("road construction"),
    service: "traffic control",
  },
  {
    pattern: /\b(?:road|street) ?work\b|\btrabajos? en la (?:calle|carretera)\b/,
    category: "major_event",
    subject: fixed("road work"),
    service: "traffic control",
  },
  {
    pattern: /\blane closures?\b|\bcierre de carril(?:es)?\b/,
    category: "major_event",
    subject: fixed("lane closure"),
    service: "traffic control",
  },
  {
    pattern: /\b(?:road|street) closures?\b|\bcierre de (?:calle|carretera)\b/,
    category: "major_event",
    subject: fixed("road closure"),
    service: "traffic control",
  },
  {
    pattern: /\b(?:utility work|utility project|paving|repaving|bridge work|highway work|pothole repair)\b/,
    category: "major_event",
    subject: same,
    service: "traffic control",
  },
  {
    pattern: /\bpavimentacion\b/,
    category: "major_event",
    subject: fixed("paving"),
    service: "traffic control",
  },
  {
    pattern: /\bconstruction(?: site| project| zone| crew)?\b/,
    category: "major_event",
    subject: same,
    service: "traffic control",
  },
  {
    pattern: /\b(?:construccion|obra)\b/,
    category: "major_event",
    subject: fixed("construction"),
    service: "traffic control",
  },
  {
    pattern:
      /\b(?:(?:music|food|art|arts|street|beer|wine|film|holiday|church|cultural|spring|fall) )?festival\b/,
    category: "major_event",
    subject: same,
    service: "security",
  },
  {
    pattern: /\bparade\b|\bdesfile\b/,
    category: "major_event",
    subject: fixed("parade"),
    service: "traffic control",
  },
  {
    pattern: /\bconcert\b|\bconcierto\b/,
    category: "major_event",
    subject: fixed("concert"),
    service: "security",
  },
  {
    pattern: /\bstadium\b|\bestadio\b/,
    category: "major_event",
    subject: fixed("stadium event"),
    service: "security",
  },
  {
    pattern:
      /\b(?:half )?marathon\b|\bmaraton\b|\b(?:5|10)k(?: run| race)?\b|\bfun run\b|\b(?:foot|road|bike) race\b/,
    category: "major_event",
    subject: same,
    service: "traffic control",
  },
  {
    pattern: /\b(?:county|state|street|craft|book|science) fair\b|\bferia\b/,
    category: "major_event",
    subject: (m) => (m[0] === "feria" ? "fair" : same(m)),
    service: "security",
  },
  { pattern: /\brodeo\b/, category: "major_event", subject: fixed("rodeo"), service: "security" },
  {
    pattern: /\bfireworks(?: show)?\b|\bfuegos artificiales\b/,
    category: "major_event",
    subject: fixed("fireworks show"),
    service: "security",
  },
];

/** What a job can be about, most specific first within each category. */
export const JOB_SUBJECTS: readonly SubjectRule[] = [...SPECIAL_SUBJECTS, ...REGULAR_SUBJECTS];

/** What the officers do there; the first that the message names wins. */
export const JOB_SERVICES: readonly [RegExp, string][] = [
  [
    /\btraffic control\b|\bdirect(?:ing)? traffic\b|\btraffic direction\b|\bflagging\b|\bpoint control\b|\bcontrol de (?:trafico|transito)\b|\bdirigir (?:el )?(?:trafico|transito)\b/,
    "traffic control",
  ],
  [/\bcrowd control\b|\bcontrol de multitudes\b/, "crowd control"],
  [/\bescort(?:s|ing|ed)?\b|\bescolta(?:r)?\b/, "escort"],
  [/\bsecurity\b|\bseguridad\b|\bvigilancia\b/, "security"],
  [/\btraffic\b|\btrafico\b|\btransito\b/, "traffic control"],
];
