export type { Channel, Language } from "./channel.ts";
export { CHANNELS } from "./channel.ts";
export type { InboundMessage } from "./inbound-message.ts";
export type { Reply } from "./reply.ts";
