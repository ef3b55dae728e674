import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestOfficer } from "../../builders/test-officer.ts";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import {
  buttonsOf,
  makeBlockAction,
  makeModalSubmission,
  makeSlashCommand,
  postSignedSlack,
  TEST_SLACK_SIGNING_SECRET,
} from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { waitFor } from "../../support/wait-for.ts";

const FORM = "application/x-www-form-urlencoded";
const AGENCY = "tucson-az-pd";
const SUPERVISOR = "U0TUCSSUP1";
const CHIEF = "U0TUCSCHF1";
const DISPATCHER = "U0TUCSDSP1";

type SentView = { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: { initial_value?: string } }[] };

describe("roster in Slack: /detail roster, Edit on /detail officer, the officer modal (real Bolt app, fake Slack)", () => {
  let test: TestApp;
  let slack: FakeSlackServer;
  const run = randomBytes(3).toString("hex").toUpperCase();

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    test = await startTestApp("roster-modal", {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
  });
  afterAll(async () => {
    await test?.close();
    await slack?.close();
  });

  const command = async (text: string, userId: string) => {
    const response = await postSignedSlack(test.base, makeSlashCommand({ text, userId }), FORM);
    expect(response.status).toBe(200);
    return (await response.json()) as { text: string; blocks?: unknown };
  };
  async function open(actionId: string, value: string, userId: string): Promise<SentView | undefined> {
    const triggerId = `trigger-roster-${randomBytes(4).toString("hex")}`;
    expect((await postSignedSlack(test.base, makeBlockAction({ actionId, value, userId, triggerId }), FORM)).status).toBe(200);
    const opened = await waitFor(
      () => slack.callsOf("views.open").find((c) => c.args.trigger_id === triggerId) ?? slack.callsOf("chat.postEphemeral").find((c) => c.args.user === userId && String(c.args.text).startsWith("Only")),
      (c) => c !== undefined,
    );
    return opened?.method === "views.open" ? (opened.args.view as SentView) : undefined;
  }
  const values = (input: { badge: string; phone: string; rank?: string; flags?: string[]; first?: string; vehicle?: string }) => ({
    roster_first_name: { value: { type: "plain_text_input", value: input.first ?? "Rosa" } },
    roster_last_name: { value: { type: "plain_text_input", value: `Modal${run}` } },
    roster_badge: { value: { type: "plain_text_input", value: input.badge } },
    roster_phone: { value: { type: "plain_text_input", value: input.phone } },
    roster_rank: { value: { type: "static_select", selected_option: input.rank ? { value: input.rank } : null } },
    roster_seniority_date: { value: { type: "datepicker", selected_date: "2018-04-02" } },
    roster_vehicle: { value: { type: "plain_text_input", value: input.vehicle ?? null } },
    roster_flags: { value: { type: "checkboxes", selected_options: (input.flags ?? ["active"]).map((value) => ({ value })) } },
  });
  async function submit(view: SentView, userId: string, fields: Parameters<typeof values>[0]) {
    const response = await postSignedSlack(
      test.base,
      makeModalSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, userId, values: values(fields) }),
      FORM,
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    return text === "" ? null : (JSON.parse(text) as { response_action?: string; errors?: Record<string, string> });
  }
  const officerByBadge = (badge: string) => test.app.prisma.officer.findUnique({ where: { agencyId_badgeNumber: { agencyId: AGENCY, badgeNumber: badge } } });

  it("lets a supervisor add an officer, with field errors and duplicates refused in the modal", async () => {
    const summary = await command("roster", SUPERVISOR);
    expect(summary.text).toMatch(/roster\*: \d+ active/);
    expect(buttonsOf(summary.blocks)).toEqual([expect.objectContaining({ action_id: "roster_add_officer", value: AGENCY })]);
    // Anyone else sees the numbers without the button.
    expect(buttonsOf((await command("roster", DISPATCHER)).blocks)).toEqual([]);

    const view = await open("roster_add_officer", AGENCY, SUPERVISOR);
    if (!view) throw new Error("no modal");
    expect(view.callback_id).toBe("roster_officer_modal");

    const bad = await submit(view, SUPERVISOR, { badge: "", phone: "555-01", rank: undefined });
    expect(bad?.response_action).toBe("errors");
    expect(Object.keys(bad?.errors ?? {}).sort()).toEqual(["roster_badge", "roster_phone", "roster_rank"]);
    expect(bad?.errors?.roster_phone).toMatch(/^Must be a phone number such as 520-555-0123/);

    const taken = await makeTestOfficer(test.app.prisma, AGENCY);
    const duplicate = await submit(view, SUPERVISOR, { badge: taken.badgeNumber, phone: taken.phone, rank: "officer" });
    expect(duplicate?.errors).toEqual({
      roster_badge: `Badge ${taken.badgeNumber} belongs to Test ${taken.lastName}.`,
      roster_phone: `${taken.phone} belongs to Test ${taken.lastName} (#${taken.badgeNumber}).`,
    });

    const phone = `602-559-${String(randomInt(0, 10_000)).padStart(4, "0")}`;
    expect(await submit(view, SUPERVISOR, { badge: `M${run}`, phone, rank: "sergeant", flags: ["active", "lives_in_city"], vehicle: "Unit 4" })).toBeNull();
    const added = await officerByBadge(`M${run}`);
    expect(added).toMatchObject({ phone: `+1${phone.replace(/-/g, "")}`, rank: "sergeant", livesInCity: true, assignedVehicle: "Unit 4", active: true });
    const audit = await test.app.prisma.auditEvent.findFirst({ where: { entityId: added?.id, action: "roster.officer_added" } });
    expect(audit).toMatchObject({ actorKind: "supervisor", actorId: SUPERVISOR });
  });

  it("offers Edit on /detail officer to supervisors, and deactivates from the modal; a non-supervisor is refused", async () => {
    const officer = await makeTestOfficer(test.app.prisma, AGENCY);
    const answer = await command(`officer ${officer.lastName}`, SUPERVISOR);
    const edit = buttonsOf(answer.blocks).find((b) => b.value === officer.id);
    expect(edit?.action_id).toMatch(/^roster_edit_officer/);
    expect(buttonsOf((await command(`officer ${officer.lastName}`, CHIEF)).blocks)).toEqual([]);

    const view = await open(edit?.action_id ?? "", officer.id, SUPERVISOR);
    if (!view) throw new Error("no modal");
    expect(view.blocks.find((b) => b.block_id === "roster_badge")?.element?.initial_value).toBe(officer.badgeNumber);

    // The chief's designee cannot open it, nor submit a modal they got hold of.
    expect(await open(edit?.action_id ?? "", officer.id, CHIEF)).toBeUndefined();
    const fields = { badge: officer.badgeNumber, phone: officer.phone, rank: "officer", first: "Test", flags: [] as string[] };
    expect(await submit(view, CHIEF, { ...fields })).toBeNull();
    await waitFor(
      () => slack.callsOf("chat.postEphemeral").find((c) => c.args.user === CHIEF && String(c.args.text).includes("add, change or deactivate officers")),
      (c) => c !== undefined,
    );
    expect((await test.app.prisma.officer.findUniqueOrThrow({ where: { id: officer.id } })).active).toBe(true);

    expect(await submit(view, SUPERVISOR, { ...fields, first: "Test" })).toBeNull();
    const row = await test.app.prisma.officer.findUniqueOrThrow({ where: { id: officer.id } });
    expect(row.active).toBe(false);
    const audits = await test.app.prisma.auditEvent.findMany({ where: { entityId: officer.id }, select: { action: true, actorId: true, data: true } });
    expect(audits).toEqual([{ action: "roster.officer_deactivated", actorId: SUPERVISOR, data: expect.objectContaining({ via: "slack", fields: ["last_name", "seniority_date", "active"] }) }]);
  });
});
