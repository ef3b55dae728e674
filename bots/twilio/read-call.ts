import type { Request, Response } from "express";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import { sendError } from "../http-errors.ts";

/** A voice webhook's call: the agency of the number dialled, the caller and the CallSid. */
export interface CallWebhook {
  agency: AgencyConfig;
  from: string;
  callSid: string;
  body: Record<string, string | undefined>;
}

/** Reads the call a voice webhook is about; answers 404/400 itself (and returns null) when it cannot. */
export function readCallWebhook(
  req: Request,
  res: Response,
  agencyByNumber: (phone: string) => AgencyConfig | undefined,
): CallWebhook | null {
  const body = req.body as Record<string, string | undefined>;
  const agency = agencyByNumber(body.To ?? "");
  if (!agency) {
    sendError(res, 404, "unknown_number", "No agency uses this number.");
    return null;
  }
  if (!body.From || !body.CallSid) {
    sendError(res, 400, "missing_field", "From and CallSid are required.");
    return null;
  }
  return { agency, from: body.From, callSid: body.CallSid, body };
}
