/** An invoice's life: draft → issued → paid, or void from draft or issued. Paid and void are final. */
export type InvoiceStatusName = "draft" | "issued" | "paid" | "void";
export type InvoiceAction = "issue" | "void" | "mark_paid";

const ALLOWED: Record<InvoiceAction, readonly InvoiceStatusName[]> = {
  issue: ["draft"],
  // A paid invoice is settled money: refunds are outside this system, so it cannot be voided here.
  void: ["draft", "issued"],
  mark_paid: ["issued"],
};

/** Whether `action` may be taken on an invoice in `status`. */
export function canTakeInvoiceAction(action: InvoiceAction, status: InvoiceStatusName): boolean {
  return ALLOWED[action].includes(status);
}

/** The status an allowed action leads to. */
export function statusAfter(action: InvoiceAction): InvoiceStatusName {
  return action === "issue" ? "issued" : action === "void" ? "void" : "paid";
}
