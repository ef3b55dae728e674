export { checkCheckInWindow, type CheckInWindow, countMinutesWorked, findAutoCheckOutAt } from "./attendance-window.ts";
export { isPastCallOffDeadline } from "./call-off-deadline.ts";
export { OFFICER_HELP, type OfficerCommand, parseOfficerCommand } from "./parse-officer-command.ts";
export { type AcceptRefusal, describeAcceptRefusal, formatLocalInstant } from "./officer-replies.ts";
