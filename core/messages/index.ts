export type { Channel, Language } from "./channel.ts";
export { CHANNELS } from "./channel.ts";
export type { InboundMessage } from "./inbound-message.ts";
export type { Reply } from "./reply.ts";
export { MAX_SMS_LENGTH, splitSms } from "./split-sms.ts";
export { listStatusesBefore } from "./delivery-status.ts";
export { describeStaffedNotice } from "./staffed-notice.ts";
