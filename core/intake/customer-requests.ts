import type { Language } from "../agencies/index.ts";
import { computeCancellationFee } from "../pricing/index.ts";
import { formatCents, formatShift } from "./format.ts";
import type { CustomerRequestView, IntakeContext } from "./intake-context.ts";
import { getTexts } from "./texts.ts";

const CANCELLABLE = new Set(["submitted", "pending_approval", "approved", "staffing", "staffed"]);

/** STATUS: one line per request, newest first (at most five). */
export function describeRequests(context: IntakeContext, language: Language): string {
  const t = getTexts(language);
  if (context.requests.length === 0) return t.statusNone;
  return context.requests
    .slice(0, 5)
    .map((view) =>
      t.statusLine(
        String(view.number),
        t.statusNames[view.status] ?? view.status,
        formatShift(view.request.start, view.request.end, context.agency.timeZone, language),
      ),
    )
    .join("\n");
}

export type CancelLookup =
  | { kind: "found"; view: CustomerRequestView; feeCents: number }
  | { kind: "ask_which"; numbers: number[] }
  | { kind: "not_found"; number: number | null }
  | { kind: "not_cancellable"; view: CustomerRequestView };

/** Finds the booking a cancel message means and prices the cancellation from the policy core. */
export function lookUpCancellation(number: number | null, context: IntakeContext): CancelLookup {
  const open = context.requests.filter((view) => CANCELLABLE.has(view.status));
  let view: CustomerRequestView | undefined;
  if (number !== null) {
    view = context.requests.find((candidate) => candidate.number === number);
    if (!view) return { kind: "not_found", number };
    if (!CANCELLABLE.has(view.status)) return { kind: "not_cancellable", view };
  } else if (open.length === 1) {
    view = open[0];
  } else if (open.length === 0) {
    return { kind: "not_found", number: null };
  } else {
    return { kind: "ask_which", numbers: open.map((candidate) => candidate.number) };
  }
  if (!view) return { kind: "not_found", number };
  const fee = computeCancellationFee(
    {
      ...view.request,
      approvedAt: view.approvedAt,
      cancelledAt: context.now.toISOString(),
      minutesWorked: view.minutesWorked,
    },
    context.agency,
  );
  return { kind: "found", view, feeCents: fee.feeCents };
}

export function renderCancelLookup(lookup: CancelLookup, language: Language): string {
  const t = getTexts(language);
  switch (lookup.kind) {
    case "found":
      return t.cancelConfirm(String(lookup.view.number), formatCents(lookup.feeCents));
    case "ask_which":
      return t.cancelWhich(lookup.numbers.map((n) => `#${n}`).join(", "));
    case "not_found":
      return lookup.number === null ? t.statusNone : t.cancelNotFound(String(lookup.number));
    case "not_cancellable":
      return t.cancelNotCancellable(String(lookup.view.number), t.statusNames[lookup.view.status] ?? lookup.view.status);
  }
}
