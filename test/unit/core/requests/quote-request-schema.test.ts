import { describe, expect, it } from "vitest";
import {
  createCancellationRequestSchema,
  createQuoteRequestSchema,
  QuoteRequestSchema,
} from "../../../../core/requests/index.ts";
import { explainMissingField, formatProblems, listIssues } from "../../../../core/validation/index.ts";

const VALID = {
  agency: "tucson-az-pd",
  start: "2026-03-10T18:00:00-07:00",
  end: "2026-03-10T22:00:00-07:00",
  officers: 2,
};
const schema = createQuoteRequestSchema(["tucson-az-pd", "rockport-tx-pd"]);

function problems(input: unknown, target: { safeParse: typeof schema.safeParse } = schema): string[] {
  const result = target.safeParse(input, { error: explainMissingField });
  return result.success ? [] : formatProblems(listIssues(result.error));
}

describe("QuoteRequestSchema", () => {
  it("applies the contract's defaults", () => {
    expect(schema.parse(VALID)).toEqual({
      ...VALID,
      category: "regular",
      vehicles: 0,
      vehicleMiles: 0,
      flags: {
        armedPrivateSecurity: false,
        civilLegalService: false,
        bodyguardOrBouncer: false,
        alcoholPrincipalBusiness: false,
      },
      language: "en",
    });
  });

  it("keeps partial flags and fills the rest with false", () => {
    expect(schema.parse({ ...VALID, flags: { civilLegalService: true } }).flags).toEqual({
      armedPrivateSecurity: false,
      civilLegalService: true,
      bodyguardOrBouncer: false,
      alcoholPrincipalBusiness: false,
    });
  });

  it.each([
    [{ agency: "nowhere-pd" }, "agency: unknown agency"],
    [{ start: undefined }, "start: is required"],
    [
      { start: "2026-03-10T18:00:00" },
      "start: must be an ISO 8601 date and time with a UTC offset, e.g. 2026-12-24T20:00:00-07:00",
    ],
    [
      { requestedAt: "yesterday" },
      "requestedAt: must be an ISO 8601 date and time with a UTC offset, e.g. 2026-12-24T20:00:00-07:00",
    ],
    [{ end: "2026-03-10T18:00:00-07:00" }, "end: must be after start"],
    [{ end: "2026-03-10T17:00:00-07:00" }, "end: must be after start"],
    [{ end: "2026-03-11T18:00:01-07:00" }, "end: must be at most 24 hours after start"],
    [{ officers: 0 }, "officers: Too small: expected number to be >=1"],
    [{ officers: 101 }, "officers: Too big: expected number to be <=100"],
    [{ officers: 2.5 }, "officers: Invalid input: expected int, received number"],
    [{ vehicles: 3 }, "vehicles: must not exceed officers"],
    [{ vehicles: -1 }, "vehicles: Too small: expected number to be >=0"],
    [{ vehicleMiles: -0.1 }, "vehicleMiles: Too small: expected number to be >=0"],
    [
      { category: "vip" },
      'category: Invalid option: expected one of "regular"|"major_event"|"critical_need"',
    ],
    [{ language: "fr" }, 'language: Invalid option: expected one of "en"|"es"'],
    [
      { flags: { bodyguardOrBouncer: "yes" } },
      "flags.bodyguardOrBouncer: Invalid input: expected boolean, received string",
    ],
    [{ address: { line1: "1 Main", state: "TX" } }, "address.city: is required"],
  ])("%j → %s", (change, problem) => {
    expect(problems({ ...VALID, ...change })).toEqual([problem]);
  });

  it("accepts a 24-hour request exactly and a request without seconds", () => {
    expect(problems({ ...VALID, end: "2026-03-11T18:00:00-07:00" })).toEqual([]);
    expect(problems({ ...VALID, start: "2026-03-10T18:00-07:00", end: "2026-03-11T02:00Z" })).toEqual([]);
  });

  it("reports every problem of a bad request in one pass", () => {
    expect(
      problems({
        agency: "x",
        start: "2026-03-10T18:00:00Z",
        end: "2026-03-10T17:00:00Z",
        officers: 1,
        vehicles: 2,
      }),
    ).toEqual(["agency: unknown agency", "end: must be after start", "vehicles: must not exceed officers"]);
  });

  it("refuses a value that is not an object", () => {
    expect(problems([1, 2])).toEqual(["(root): Invalid input: expected object, received array"]);
  });

  it("accepts any agency id when built without a list", () => {
    expect(QuoteRequestSchema.safeParse({ ...VALID, agency: "anywhere-pd" }).success).toBe(true);
  });
});

describe("CancellationRequestSchema", () => {
  const cancellation = createCancellationRequestSchema(["tucson-az-pd"]);

  it("adds approvedAt (default null), cancelledAt (required) and minutesWorked (default 0)", () => {
    const parsed = cancellation.parse({ ...VALID, cancelledAt: "2026-03-09T18:00:00-07:00" });
    expect(parsed).toMatchObject({
      approvedAt: null,
      cancelledAt: "2026-03-09T18:00:00-07:00",
      minutesWorked: 0,
    });
    expect(problems({ ...VALID }, cancellation)).toEqual(["cancelledAt: is required"]);
  });

  it.each([
    [{ minutesWorked: -1 }, "minutesWorked: Too small: expected number to be >=0"],
    [{ minutesWorked: 1441 }, "minutesWorked: Too big: expected number to be <=1440"],
    [
      { approvedAt: "soon" },
      "approvedAt: must be an ISO 8601 date and time with a UTC offset, e.g. 2026-12-24T20:00:00-07:00",
    ],
    [{ vehicles: 5 }, "vehicles: must not exceed officers"],
  ])("%j → %s", (change, problem) => {
    expect(problems({ ...VALID, cancelledAt: "2026-03-09T18:00:00-07:00", ...change }, cancellation)).toEqual(
      [problem],
    );
  });
});
