export { type ClosePayrollOutcome, closePayrollPeriod } from "./close-payroll-period.ts";
export { loadPayroll, type Payroll } from "./load-payroll.ts";
