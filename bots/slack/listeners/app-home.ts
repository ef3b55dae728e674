import type { App } from "@slack/bolt";
import { renderAppHome } from "../render-home.ts";
import { findStaffAgency } from "../staff-roles.ts";
import type { SlackListenerDeps } from "./listener-deps.ts";

/** The App Home tab lists the requests waiting for approval at the visitor's agency. */
export function registerAppHome(app: App, deps: SlackListenerDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const agency = findStaffAgency(deps.agencies, event.user, null);
    const pending = agency ? await deps.views.listPending(agency.id, 20) : [];
    await client.views.publish({ user_id: event.user, view: renderAppHome(agency?.name ?? null, pending) });
  });
}
