import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_AGENCIES_DIR } from "../../../../agencies/load-agencies.ts";
import {
  type AgencyConfig,
  AgencyConfigSchema,
  checkStaffAuthority,
  findLookUpAgency,
  findStaffRoles,
  STAFF_ACTIONS,
  type StaffAction,
  type StaffRole,
} from "../../../../core/agencies/index.ts";

const read = (id: string) => JSON.parse(readFileSync(join(DEFAULT_AGENCIES_DIR, `${id}.json`), "utf8")) as Record<string, unknown>;

/** An agency file with its slack block replaced (everything else as shipped). */
function agencyWith(id: string, slack: Record<string, unknown>): AgencyConfig {
  return AgencyConfigSchema.parse({ ...read(id), slack });
}

const tucson = agencyWith("tucson-az-pd", {
  approvalsChannel: "C0TUCSAPPR",
  dispatchChannel: "C0TUCSDISP",
  supervisors: ["U0SUP", "U0BOTH"],
  chiefDesignees: ["U0CHF", "U0BOTH"],
  dispatchers: ["U0DSP"],
});
const rockport = agencyWith("rockport-tx-pd", {
  approvalsChannel: "C0ROCKAPPR",
  dispatchChannel: "C0ROCKDISP",
  supervisors: ["U0RSUP"],
  chiefDesignees: ["U0RCHF"],
  dispatchers: ["U0DSP", "U0RDSP"],
});

describe("the staff role matrix", () => {
  const users: Record<StaffRole | "stranger", string> = {
    supervisor: "U0SUP",
    chief: "U0CHF",
    dispatcher: "U0DSP",
    stranger: "U0NOBODY",
  };
  // action → who of `users` may do it at Tucson
  const matrix: Record<StaffAction, (keyof typeof users)[]> = {
    approve: ["supervisor", "chief"],
    deny: ["supervisor", "chief"],
    ask: ["supervisor", "chief"],
    take_over: ["supervisor", "chief", "dispatcher"],
    hand_back: ["supervisor", "chief", "dispatcher"],
    reply: ["supervisor", "chief", "dispatcher"],
    look_up: ["supervisor", "chief", "dispatcher"],
    rebroadcast: ["supervisor", "chief"],
    assign: ["supervisor", "chief"],
    edit: ["supervisor", "chief"],
    cancel: ["supervisor", "chief"],
    bill: ["supervisor", "chief"],
    report: ["supervisor", "chief"],
    payroll: ["supervisor"],
    roster: ["supervisor"],
  };

  it("covers every staff action", () => {
    expect(Object.keys(matrix).sort()).toEqual([...STAFF_ACTIONS].sort());
  });

  for (const action of STAFF_ACTIONS) {
    for (const [who, userId] of Object.entries(users)) {
      const allowed = matrix[action].includes(who as keyof typeof users);
      it(`${action} by a ${who}: ${allowed ? "allowed" : "refused"}`, () => {
        expect(checkStaffAuthority(tucson, userId, action).kind).toBe(allowed ? "allowed" : "refused");
      });
    }
  }

  it("gives only the roles that allow the action, and names who could on a refusal", () => {
    expect(checkStaffAuthority(tucson, "U0BOTH", "approve")).toEqual({ kind: "allowed", roles: ["supervisor", "chief"] });
    expect(checkStaffAuthority(tucson, "U0DSP", "approve")).toEqual({ kind: "refused", allowedRoles: ["supervisor", "chief"] });
    expect(findStaffRoles(tucson, "U0BOTH")).toEqual(["supervisor", "chief"]);
    expect(findStaffRoles(tucson, "U0NOBODY")).toEqual([]);
  });

  it("is per agency: a role at one agency is nothing at another", () => {
    expect(checkStaffAuthority(rockport, "U0SUP", "approve").kind).toBe("refused");
    expect(checkStaffAuthority(tucson, "U0RDSP", "take_over").kind).toBe("refused");
    expect(checkStaffAuthority(rockport, "U0RDSP", "take_over").kind).toBe("allowed");
  });
});

describe("findLookUpAgency (/detail, App Home)", () => {
  const agencies = [tucson, rockport];

  it("never picks an agency for someone who is staff nowhere, whatever the channel", () => {
    expect(findLookUpAgency(agencies, "U0NOBODY", "C0TUCSAPPR")).toBeNull();
    expect(findLookUpAgency(agencies, "U0NOBODY", null)).toBeNull();
  });

  it("picks the agency where the user is staff, preferring the one whose channel they are in", () => {
    expect(findLookUpAgency(agencies, "U0RSUP", "C0TUCSAPPR")?.id).toBe("rockport-tx-pd");
    expect(findLookUpAgency(agencies, "U0DSP", "C0ROCKDISP")?.id).toBe("rockport-tx-pd");
    expect(findLookUpAgency(agencies, "U0DSP", "C0TUCSDISP")?.id).toBe("tucson-az-pd");
    expect(findLookUpAgency(agencies, "U0DSP", null)?.id).toBe("tucson-az-pd");
  });
});

describe("slack.dispatchers in the agency file", () => {
  it("defaults to none and takes Slack user ids only", () => {
    const { dispatchers: _omitted, ...withoutDispatchers } = tucson.slack;
    expect(agencyWith("tucson-az-pd", withoutDispatchers).slack.dispatchers).toEqual([]);
    expect(() => agencyWith("tucson-az-pd", { ...tucson.slack, dispatchers: ["dispatcher-sam"] })).toThrow(/Slack user id/);
  });

  it("is configured for every shipped agency", () => {
    for (const id of ["rockport-tx-pd", "tucson-az-pd", "mesquite-tx-pd"]) {
      const agency = AgencyConfigSchema.parse(read(id));
      expect(agency.slack.dispatchers.length).toBeGreaterThan(0);
    }
  });
});
