// A fictional roster for the demo agencies: deterministic, so every fresh database seeds the same
// officers. Phone numbers are in the 555-01xx fictional range.

export interface RosterOfficer {
  badgeNumber: string;
  firstName: string;
  lastName: string;
  phone: string;
  rank: "officer" | "sergeant" | "commander";
  seniorityDate: string;
  assignedVehicle: string | null;
  livesInCity: boolean;
}

const FIRST_NAMES = [
  "Ava", "Ben", "Carla", "Diego", "Elena", "Frank", "Grace", "Hector", "Iris", "Jamal", "Kara", "Luis",
  "Maya", "Nate", "Olivia", "Pedro", "Quinn", "Rosa", "Sam", "Tanya", "Umar", "Vera", "Wes", "Ximena",
];
const LAST_NAMES = [
  "Alvarez", "Brooks", "Castillo", "Dawson", "Estrada", "Fischer", "Garza", "Holt", "Ibarra", "Jensen",
  "Keller", "Lozano", "Moreno", "Nolan", "Ortiz", "Parker", "Quintana", "Reyes", "Sutton", "Trevino",
];

/** Ranks per agency: Tucson needs sergeants and commanders for large details, the others only officers. */
const ROSTER_PLAN: Record<string, { areaCode: string; exchange: string; ranks: RosterOfficer["rank"][] }> = {
  "rockport-tx-pd": { areaCode: "361", exchange: "555", ranks: Array(12).fill("officer") },
  "tucson-az-pd": {
    areaCode: "520",
    exchange: "555",
    ranks: [...Array(16).fill("officer"), ...Array(4).fill("sergeant"), ...Array(2).fill("commander")],
  },
  "mesquite-tx-pd": { areaCode: "972", exchange: "555", ranks: Array(12).fill("officer") },
};

export function buildRoster(agencyId: string, seedOffset: number): RosterOfficer[] {
  const plan = ROSTER_PLAN[agencyId];
  if (!plan) return [];
  return plan.ranks.map((rank, i) => {
    const n = seedOffset + i;
    const year = 2004 + ((n * 7) % 20);
    const month = 1 + ((n * 5) % 12);
    const day = 1 + ((n * 11) % 28);
    return {
      badgeNumber: `${agencyId.slice(0, 3).toUpperCase()}${String(1001 + i)}`,
      firstName: FIRST_NAMES[n % FIRST_NAMES.length]!,
      lastName: LAST_NAMES[(n * 3) % LAST_NAMES.length]!,
      phone: `+1${plan.areaCode}${plan.exchange}${String(150 + i).padStart(4, "0")}`,
      rank,
      seniorityDate: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      assignedVehicle: i % 3 === 0 ? `Unit ${agencyId.slice(0, 1).toUpperCase()}-${100 + i}` : null,
      livesInCity: i % 2 === 0,
    };
  });
}
