import type { Deployment } from "../../config/deployment.ts";
import type { Env } from "../../config/env.ts";
import { type CustomerLinks, createCustomerLinks } from "./customer-link.ts";

/**
 * Signs links only in sandbox mode, which listens on loopback alone (config/deployment.ts): a
 * link signed with a public secret reaches nobody else there. It is public (in the source), so a
 * live deployment never uses it.
 */
export const SANDBOX_CUSTOMER_LINK_SECRET = "detaildesk-sandbox-customer-link-secret-not-for-live-use";

/**
 * The customer page's link signer, or null when the page is off (a live deployment without
 * CUSTOMER_LINK_SECRET; resolveDeployment reports it at start). `publicBaseUrl` is a function
 * because with PORT=0 the port is known only once the server listens.
 */
export function resolveCustomerLinks(env: Env, deployment: Deployment, publicBaseUrl: () => string): CustomerLinks | null {
  if (deployment.modes.customerPage === "off") return null;
  const secret = env.CUSTOMER_LINK_SECRET ?? SANDBOX_CUSTOMER_LINK_SECRET;
  // Built per use: the base address may change once the port is bound (tests, PORT=0).
  const build = () => createCustomerLinks({ secret, baseUrl: publicBaseUrl(), validDays: env.CUSTOMER_LINK_DAYS });
  return {
    validDays: env.CUSTOMER_LINK_DAYS,
    urlFor: (agencyId, customerId, nowMs) => build().urlFor(agencyId, customerId, nowMs),
    read: (token, nowMs) => build().read(token, nowMs),
  };
}
