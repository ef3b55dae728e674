import type { App } from "@slack/bolt";
import { renderAppHome } from "../render-home.ts";
import { authorizeLookUp } from "../staff-authority.ts";
import { callSlackLater, type SlackListenerDeps } from "./listener-deps.ts";

/** The App Home tab lists the requests waiting for approval at the visitor's agency (staff only). */
export function registerAppHome(app: App, deps: SlackListenerDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const right = authorizeLookUp(deps.agencies, event.user, null);
    const agency = right.kind === "allowed" ? right.agency : null;
    const pending = agency ? await deps.views.listPending(agency.id, 20) : [];
    const view = renderAppHome(agency?.name ?? null, pending);
    callSlackLater(deps.logger, "views.publish", () => client.views.publish({ user_id: event.user, view }));
  });
}
