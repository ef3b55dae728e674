import { describe, expect, it } from "vitest";
import { createCustomerLinks } from "../../../../bots/customer-page/customer-link.ts";

const SECRET = "s".repeat(32);
const CUSTOMER = "3f2c8a9e-1b4d-4c6e-9f0a-7b8c9d0e1f2a";
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const DAY = 86_400_000;
const links = createCustomerLinks({ secret: SECRET, baseUrl: "https://desk.example.org/", validDays: 30 });
const tokenOf = (url: string) => url.split("/c/")[1] as string;

describe("customer page links", () => {
  it("round-trips the agency and customer, valid for validDays", () => {
    const url = links.urlFor("tucson-az-pd", CUSTOMER, NOW);
    expect(url).toMatch(/^https:\/\/desk\.example\.org\/c\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    // Short enough to text with its sentence in one or two segments.
    expect(tokenOf(url).length).toBeLessThan(80);
    expect(links.read(tokenOf(url), NOW + 29 * DAY)).toEqual({
      kind: "ok",
      agencyId: "tucson-az-pd",
      customerId: CUSTOMER,
      expiresAtMs: Math.floor((NOW + 30 * DAY) / 1000) * 1000,
    });
  });

  it("expires after validDays", () => {
    const token = tokenOf(links.urlFor("tucson-az-pd", CUSTOMER, NOW));
    expect(links.read(token, NOW + 30 * DAY).kind).toBe("expired");
    expect(links.read(token, NOW + 31 * DAY)).toEqual({ kind: "expired" });
  });

  it("refuses any changed character, in the payload or the signature", () => {
    const token = tokenOf(links.urlFor("tucson-az-pd", CUSTOMER, NOW));
    for (let i = 0; i < token.length; i += 1) {
      if (token[i] === ".") continue;
      const changed = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
      expect(links.read(changed, NOW), `character ${i}`).toEqual({ kind: "invalid" });
    }
  });

  it("refuses a token for another agency or customer spliced from a second link", () => {
    const mine = tokenOf(links.urlFor("tucson-az-pd", CUSTOMER, NOW));
    const theirs = tokenOf(links.urlFor("mesquite-tx-pd", "00000000-0000-4000-8000-000000000001", NOW));
    const spliced = `${theirs.split(".")[0]}.${mine.split(".")[1]}`;
    expect(links.read(spliced, NOW)).toEqual({ kind: "invalid" });
  });

  it("refuses a token signed with another secret, even an expired one", () => {
    const other = createCustomerLinks({ secret: "t".repeat(32), baseUrl: "https://desk.example.org", validDays: 30 });
    const token = tokenOf(other.urlFor("tucson-az-pd", CUSTOMER, NOW));
    expect(links.read(token, NOW)).toEqual({ kind: "invalid" });
    expect(links.read(token, NOW + 90 * DAY)).toEqual({ kind: "invalid" });
  });

  it("refuses malformed tokens without throwing", () => {
    for (const token of ["", ".", "abc", "a.b.c", "<script>.x", "%2e%2e", "a".repeat(5000)]) {
      expect(links.read(token, NOW)).toEqual({ kind: "invalid" });
    }
  });
});
