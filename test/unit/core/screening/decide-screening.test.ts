import { describe, expect, it } from "vitest";
import { PROHIBITED_WORK_CODES } from "../../../../core/agencies/index.ts";
import {
  decideScreening,
  describeProhibitedWork,
  type ScreeningReason,
} from "../../../../core/screening/index.ts";

const supervisor: ScreeningReason = {
  code: "late_request",
  decision: "needs_approval",
  approver: "supervisor",
  message: "s",
};
const chief: ScreeningReason = {
  code: "alcohol_principal_business",
  decision: "needs_approval",
  approver: "chief",
  message: "c",
};
const reject: ScreeningReason = {
  code: "bodyguard_or_bouncer",
  decision: "reject",
  approver: null,
  message: "r",
};

describe("decideScreening", () => {
  it.each([
    [[], "allow", null],
    [[supervisor], "needs_approval", "supervisor"],
    [[chief], "needs_approval", "chief"],
    [[supervisor, chief], "needs_approval", "chief"],
    [[chief, supervisor], "needs_approval", "chief"],
    [[reject], "reject", null],
    [[chief, reject], "reject", null],
    [[supervisor, reject, chief], "reject", null],
  ] as const)("%j → %s / %s", (reasons, decision, approver) => {
    const screening = decideScreening([...reasons]);
    expect(screening.decision).toBe(decision);
    expect(screening.approver).toBe(approver);
    expect(screening.reasons).toEqual(reasons);
  });
});

describe("prohibited-work wording", () => {
  it.each(PROHIBITED_WORK_CODES)("%s reads as a sentence in both languages and both outcomes", (code) => {
    const texts = [
      describeProhibitedWork(code, { decision: "reject" }, "en"),
      describeProhibitedWork(code, { decision: "reject" }, "es"),
      describeProhibitedWork(code, { decision: "needs_approval", approver: "supervisor" }, "en"),
      describeProhibitedWork(code, { decision: "needs_approval", approver: "chief" }, "es"),
    ];
    expect(new Set(texts).size).toBe(4);
    for (const text of texts) expect(text).toMatch(/^[A-Z].+\.$/);
    expect(texts[0]).toContain("can't be hired");
    expect(texts[1]).toContain("No se pueden contratar");
  });
});
