import { createHmac, timingSafeEqual } from "node:crypto";
import type { CustomerLinkBuilder } from "../../core/customer-page/index.ts";

export type CustomerLinkRead =
  | { kind: "ok"; agencyId: string; customerId: string; expiresAtMs: number }
  | { kind: "expired" }
  | { kind: "invalid" };

export interface CustomerLinks extends CustomerLinkBuilder {
  /** Checks a token's signature first, then its expiry: a forged token is invalid, never "expired". */
  read(token: string, nowMs: number): CustomerLinkRead;
}

const VERSION = 1;
const DAY_MS = 86_400_000;
/**
 * HMAC-SHA256 cut to 128 bits: a link texted by SMS should fit one segment with its sentence,
 * and 2^128 guesses is still out of reach for an online forger.
 */
const SIGNATURE_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signed, expiring links to a customer's page. The token is `payload.signature`, both base64url;
 * the payload packs a version byte, the expiry (seconds since the epoch, 4 bytes), the customer's
 * uuid (16 bytes) and the agency id (UTF-8), so nothing but the secret is needed to read it.
 */
export function createCustomerLinks(options: { secret: string; baseUrl: string; validDays: number }): CustomerLinks {
  const baseUrl = options.baseUrl.replace(/\/$/, "");
  const sign = (payload: Buffer) => createHmac("sha256", options.secret).update(payload).digest().subarray(0, SIGNATURE_BYTES);
  return {
    validDays: options.validDays,
    urlFor(agencyId, customerId, nowMs) {
      if (!UUID.test(customerId)) throw new Error("customer link: customer ids are uuids");
      const expiresAtSeconds = Math.floor((nowMs + options.validDays * DAY_MS) / 1000);
      const head = Buffer.alloc(5);
      head.writeUInt8(VERSION, 0);
      head.writeUInt32BE(expiresAtSeconds, 1);
      const payload = Buffer.concat([head, Buffer.from(customerId.replace(/-/g, ""), "hex"), Buffer.from(agencyId, "utf8")]);
      return `${baseUrl}/c/${payload.toString("base64url")}.${sign(payload).toString("base64url")}`;
    },
    read(token, nowMs) {
      const parts = token.split(".");
      if (parts.length !== 2 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return { kind: "invalid" };
      const payload = Buffer.from(parts[0] as string, "base64url");
      const given = Buffer.from(parts[1] as string, "base64url");
      // Only the canonical spelling counts: base64url's spare bits would otherwise give one link many tokens.
      if (payload.toString("base64url") !== parts[0] || given.toString("base64url") !== parts[1]) return { kind: "invalid" };
      const expected = sign(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: "invalid" };
      if (payload.length <= 21 || payload.readUInt8(0) !== VERSION) return { kind: "invalid" };
      const expiresAtMs = payload.readUInt32BE(1) * 1000;
      const hex = payload.subarray(5, 21).toString("hex");
      const customerId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      const agencyId = payload.subarray(21).toString("utf8");
      if (nowMs >= expiresAtMs) return { kind: "expired" };
      return { kind: "ok", agencyId, customerId, expiresAtMs };
    },
  };
}
