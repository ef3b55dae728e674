export { type AssignmentState, isPayableShift } from "./payable-shift.ts";
export {
  findLastFinishedPayPeriod,
  findPayPeriod,
  findPayPeriodAt,
  isPayPeriodFinished,
  type PayPeriod,
} from "./pay-period.ts";
export { formatHours, formatPayrollCsv, PAYROLL_CSV_COLUMNS, type PayrollCsvRow, toPayrollCsvRows } from "./payroll-csv.ts";
export {
  addMinutes,
  describeAdjustment,
  type FrozenPay,
  measureAdjustment,
  type OfficerTotal,
  type PaidOfficer,
  type PayrollRow,
  sortPayrollRows,
  totalPayByOfficer,
} from "./payroll-rows.ts";
export { NO_MINUTES, type PaidMinutes, payShift, type ShiftPay, type ShiftToPay } from "./shift-pay.ts";
