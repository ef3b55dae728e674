import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { formatHours, formatPayrollCsv, measureAdjustment, type PayrollRow } from "../../../../core/payroll/index.ts";

const officer = (id: string, name: string) => ({ id, name, badge: `B${id}` });
const row = (overrides: Partial<PayrollRow>): PayrollRow => ({
  officer: officer("1", "Ana Diaz"),
  date: "2031-05-05",
  requestId: "r",
  requestNumber: 1042,
  assignmentId: "a",
  kind: "shift",
  minutes: { regular: 270, holiday: 0, emergency: 0 },
  amountCents: 24750,
  lines: [],
  reason: null,
  ...overrides,
});

describe("payroll CSV", () => {
  it("formats decimal hours to 2 places, half away from zero", () => {
    expect([0, 1, 90, 270, 20, -60, -1].map(formatHours)).toEqual(["0.00", "0.02", "1.50", "4.50", "0.33", "-1.00", "-0.02"]);
  });

  it("lists each officer's rows by date, then their total; quotes what needs quoting", () => {
    const rows = [
      row({ officer: officer("2", "Zoe Quinn, Jr."), date: "2031-05-07", requestNumber: 1050, amountCents: 11000 }),
      row({ date: "2031-05-09", requestNumber: 1060, amountCents: 11000, minutes: { regular: 120, holiday: 0, emergency: 0 } }),
      row({}),
      row({ kind: "adjustment", date: "2031-04-28", requestNumber: 1001, amountCents: -5500, minutes: { regular: -60, holiday: 0, emergency: 0 }, reason: "correction" }),
    ];
    const csv = formatPayrollCsv(rows);
    expect(csv).toContain('"Zoe Quinn, Jr."');
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r.officer_name, r.kind, r.request, r.amount_usd, r.regular_hours])).toEqual([
      ["Ana Diaz", "adjustment", "#1001", "-55.00", "-1.00"],
      ["Ana Diaz", "shift", "#1042", "247.50", "4.50"],
      ["Ana Diaz", "shift", "#1060", "110.00", "2.00"],
      ["Ana Diaz", "total", "", "302.50", "5.50"],
      ["Zoe Quinn, Jr.", "shift", "#1050", "110.00", "4.50"],
      ["Zoe Quinn, Jr.", "total", "", "110.00", "4.50"],
    ]);
    expect(records[3]?.reason).toBe("2 shifts");
  });

  it("an adjustment is what a shift pays now less everything frozen for it; none when they agree", () => {
    const now = { minutes: { regular: 300, holiday: 0, emergency: 0 }, amountCents: 32055 };
    const shift = { minutes: { regular: 240, holiday: 0, emergency: 0 }, amountCents: 25644 };
    expect(measureAdjustment(now, [shift])).toEqual({ minutes: { regular: 60, holiday: 0, emergency: 0 }, amountCents: 6411 });
    expect(measureAdjustment(now, [shift, { minutes: { regular: 60, holiday: 0, emergency: 0 }, amountCents: 6411 }])).toBeNull();
    expect(measureAdjustment({ minutes: { regular: 0, holiday: 0, emergency: 0 }, amountCents: 0 }, [])).toBeNull();
  });
});
