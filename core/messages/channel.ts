/** The customer- and officer-facing channels. Slack is staff-only and not a Channel. */
export type Channel = "sms" | "voice" | "web";

export const CHANNELS: readonly Channel[] = ["sms", "voice", "web"];

export type { Language } from "../agencies/index.ts";
