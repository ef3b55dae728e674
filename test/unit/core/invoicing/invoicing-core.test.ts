import { describe, expect, it } from "vitest";
import {
  buildWorkedRecords,
  canTakeInvoiceAction,
  describeInvoiceLine,
  dueDateOf,
  formatInvoiceNumber,
  invoicePrefixOf,
  lastClosedPeriod,
  localYear,
  parseInvoiceNumber,
  periodContaining,
} from "../../../../core/invoicing/index.ts";
import { brandCents } from "../../../../core/money/index.ts";
import { getTestAgency } from "../../../builders/quote-request.ts";

describe("invoice numbers", () => {
  it("derive the prefix from the agency id unless the agency file sets one", () => {
    expect(invoicePrefixOf(getTestAgency("tucson-az-pd"))).toBe("TUC");
    expect(invoicePrefixOf({ id: "mesquite-tx-pd", billing: { paymentTermsDays: 30 } })).toBe("MES");
    expect(invoicePrefixOf({ id: "mesquite-tx-pd", billing: { invoicePrefix: "MQPD", paymentTermsDays: 30 } })).toBe("MQPD");
  });

  it("format with six digits and read back in any case", () => {
    expect(formatInvoiceNumber("TUC", 2026, 123)).toBe("TUC-2026-000123");
    expect(parseInvoiceNumber(" tuc-2026-000123 ")).toEqual({ prefix: "TUC", year: 2026, sequence: 123 });
    expect(parseInvoiceNumber("TUC-26-1")).toBeNull();
  });

  it("restart in the agency's own new year, not UTC's", () => {
    // 11 PM on Dec 31 in Tucson is already Jan 1 in UTC.
    expect(localYear("America/Phoenix", Date.parse("2026-12-31T23:00:00-07:00"))).toBe(2026);
  });
});

describe("due dates", () => {
  it("count calendar days in the agency's zone, across a DST change and a year end", () => {
    // Issued 11 PM Dec 15 in Tucson (already Dec 16 in UTC): due 11 PM Jan 14, local.
    expect(new Date(dueDateOf(Date.parse("2026-12-15T23:00:00-07:00"), 30, "America/Phoenix")).toISOString()).toBe("2027-01-15T06:00:00.000Z");
    // Chicago leaves DST on Nov 1 2026: 30 days later is still 9 AM local.
    expect(new Date(dueDateOf(Date.parse("2026-10-20T09:00:00-05:00"), 30, "America/Chicago")).toISOString()).toBe("2026-11-19T15:00:00.000Z");
    expect(dueDateOf(1_000, 0, "America/Chicago")).toBe(1_000);
  });
});

describe("billing periods in the agency's calendar", () => {
  it("weeks start Monday 00:00 local; months on the 1st", () => {
    const atMs = Date.parse("2026-11-27T12:00:00-06:00"); // a Friday in Rockport
    const week = periodContaining("weekly", "America/Chicago", atMs);
    expect(new Date(week.startMs).toISOString()).toBe("2026-11-23T06:00:00.000Z");
    expect(week.key).toBe("weekly:2026-11-23");
    const month = periodContaining("monthly", "America/Chicago", atMs);
    expect(month.key).toBe("monthly:2026-11");
    expect(new Date(month.endMs).toISOString()).toBe("2026-12-01T06:00:00.000Z");
  });

  it("the last closed period is the one before the current, across a DST change (169-hour week)", () => {
    const closed = lastClosedPeriod("weekly", "America/Chicago", Date.parse("2026-11-02T00:30:00-06:00"));
    expect(closed.key).toBe("weekly:2026-10-26");
    expect((closed.endMs - closed.startMs) / 3_600_000).toBe(169);
    expect(lastClosedPeriod("monthly", "America/Phoenix", Date.parse("2027-01-01T00:00:00-07:00")).key).toBe("monthly:2026-12");
  });
});

describe("worked records from the positions a request kept", () => {
  const at = (iso: string) => new Date(iso);
  it("takes the officer who checked in, treats no-shows and drops as unworked, skips cancelled positions, in rank order", () => {
    const records = buildWorkedRecords([
      { index: 3, rank: "sergeant", status: "filled", assignments: [{ status: "checked_out", checkedInAt: at("2027-01-09T18:00:00Z"), checkedOutAt: at("2027-01-09T22:00:00Z") }] },
      { index: 1, rank: "officer", status: "filled", assignments: [{ status: "no_show", checkedInAt: null, checkedOutAt: null }] },
      {
        index: 2,
        rank: "officer",
        status: "filled",
        assignments: [
          { status: "dropped", checkedInAt: null, checkedOutAt: null },
          { status: "checked_out", checkedInAt: at("2027-01-09T18:20:00Z"), checkedOutAt: at("2027-01-09T23:00:00Z") },
        ],
      },
      { index: 4, rank: "officer", status: "cancelled", assignments: [] },
      { index: 5, rank: "officer", status: "open", assignments: [] },
    ]);
    expect(records).toEqual([
      { rank: "officer", checkIn: null, checkOut: null },
      { rank: "officer", checkIn: "2027-01-09T18:20:00.000Z", checkOut: "2027-01-09T23:00:00.000Z" },
      { rank: "officer", checkIn: null, checkOut: null },
      { rank: "sergeant", checkIn: "2027-01-09T18:00:00.000Z", checkOut: "2027-01-09T22:00:00.000Z" },
    ]);
  });
});

describe("invoice statuses and lines", () => {
  it("allows draft → issued → paid and void from draft or issued only", () => {
    expect(canTakeInvoiceAction("issue", "draft")).toBe(true);
    expect(canTakeInvoiceAction("issue", "issued")).toBe(false);
    expect(canTakeInvoiceAction("mark_paid", "draft")).toBe(false);
    expect(canTakeInvoiceAction("mark_paid", "issued")).toBe(true);
    expect(canTakeInvoiceAction("void", "paid")).toBe(false);
    expect(canTakeInvoiceAction("void", "void")).toBe(false);
  });

  it("reads a labor line in English and Spanish", () => {
    const line = { kind: "labor", rank: "sergeant", rateKind: "holiday", minutes: 270, unitCents: brandCents(6500), amountCents: brandCents(29250) } as const;
    expect(describeInvoiceLine(line, "en")).toEqual({ description: "Sergeant, holiday rate", quantity: "4 h 30 min", unitCents: 6500, unit: "h", amountCents: 29250 });
    expect(describeInvoiceLine(line, "es").description).toBe("Sargento, tarifa de día festivo");
  });
});
