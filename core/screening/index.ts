export { describeProhibitedWork } from "./messages.ts";
export { type ScreenableRequest, screenRequest } from "./screen-request.ts";
export { decideScreening, type ReasonCode, type Screening, type ScreeningReason } from "./screening.ts";
