export { checkCheckInWindow, type CheckInWindow, countMinutesWorked, findAutoCheckOutAt } from "./attendance-window.ts";
export { isPastCallOffDeadline } from "./call-off-deadline.ts";
export { OFFICER_HELP, type OfficerCommand, parseOfficerCommand } from "./parse-officer-command.ts";
export { type AcceptRefusal, describeAcceptRefusal, formatLocalInstant } from "./officer-replies.ts";
export { checkOfferAvailability, findPauseEnd, type LocalClock, type OfferAvailability, type OfferSettings, readClockMinutes } from "./offer-availability.ts";
export { type AvailabilityCommand, MAX_PAUSE_DAYS, parseAvailabilityCommand } from "./parse-availability-command.ts";
export { describeAvailabilityUsage, describePause, describeQuietHours, describeResume, formatClock } from "./availability-replies.ts";
