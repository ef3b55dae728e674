import { normalizeKeyword, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from "../understanding/index.ts";
import { type AvailabilityCommand, parseAvailabilityCommand } from "./parse-availability-command.ts";

/** What an officer's SMS asks for. Codes are the short offer codes every offer text shows. */
export type OfficerCommand =
  | { kind: "accept"; code: string | null }
  | { kind: "decline"; code: string | null }
  | { kind: "check_in"; code: string | null }
  | { kind: "check_out"; code: string | null }
  | { kind: "drop"; code: string | null }
  | { kind: "note"; code: string | null; text: string }
  | { kind: "shifts" }
  /** FILLED OFF / FILLED ON: stop or resume "has been filled" texts for offers someone else took. */
  | { kind: "filled_notices"; on: boolean }
  /** PAUSE [days] / RESUME / QUIET <from>-<to> | OFF (parse-availability-command.ts). */
  | AvailabilityCommand
  | { kind: "help" }
  | { kind: "opt_out" }
  | { kind: "opt_in" }
  | { kind: "unknown" };

const VERBS: Record<string, "accept" | "decline" | "check_in" | "check_out" | "drop" | "note"> = {
  YES: "accept",
  Y: "accept",
  ACCEPT: "accept",
  NO: "decline",
  N: "decline",
  DECLINE: "decline",
  IN: "check_in",
  OUT: "check_out",
  DROP: "drop",
  NOTE: "note",
};

const CODE = /^[A-Z0-9]{3,8}$/;

/** Reads `YES 4K7`, `in 4k7`, `NOTE 4K7 gate locked`, `SHIFTS`; carrier opt-out words win. */
export function parseOfficerCommand(text: string): OfficerCommand {
  const keyword = normalizeKeyword(text);
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(keyword)) return { kind: "opt_out" };
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(keyword)) return { kind: "opt_in" };
  const words = text.trim().split(/\s+/);
  const verb = (words[0] ?? "").toUpperCase().replace(/[^A-Z]/g, "");
  if (verb === "SHIFTS" || verb === "SHIFT") return { kind: "shifts" };
  if (verb === "HELP" || verb === "INFO") return { kind: "help" };
  if (verb === "FILLED") {
    const setting = (words[1] ?? "").toUpperCase().replace(/[^A-Z]/g, "");
    if (setting === "OFF" || setting === "ON") return { kind: "filled_notices", on: setting === "ON" };
    return { kind: "unknown" };
  }
  const availability = parseAvailabilityCommand(verb, words.slice(1).join(" "));
  if (availability) return availability;
  const kind = VERBS[verb];
  if (!kind) return { kind: "unknown" };
  const candidate = (words[1] ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");
  const code = CODE.test(candidate) ? candidate : null;
  if (kind === "note") {
    const rest = words.slice(code ? 2 : 1).join(" ").trim();
    return { kind, code, text: rest };
  }
  return { kind, code };
}

/** The short help every unknown officer command gets. */
export const OFFICER_HELP =
  "Commands: YES <code> or NO <code> to answer an offer, IN <code> / OUT <code> to check in and out, DROP <code> to give up a shift, NOTE <code> <text> for a field note, SHIFTS for your upcoming shifts, FILLED OFF / FILLED ON to stop or resume texts when a shift you were offered is filled, PAUSE (or PAUSE 3 for 3 days) to stop offers until RESUME, QUIET 22-07 for no offers overnight (QUIET OFF to clear).";
