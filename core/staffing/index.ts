export { findOfferDeadline } from "./offer-deadline.ts";
export { describePlace, formatShiftTimes, type OfferTextInput, renderOfferText } from "./offer-text.ts";
export { findHourlyPay, type HourlyPay, type PaidShift } from "./officer-pay.ts";
export { chooseSiteContact, renderPostOrders, type SiteContact } from "./post-orders-text.ts";
export { renderReplacementFound, renderReplacementSought, type VacancyReason } from "./refill-notices.ts";
export { countSmsSegments } from "./sms-segments.ts";
