export { OFFICER_HELP, type OfficerCommand, parseOfficerCommand } from "./parse-officer-command.ts";
