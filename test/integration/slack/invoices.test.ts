import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAgency } from "../../../agencies/load-agencies.ts";
import { draftRequestInvoice } from "../../../prisma/repositories/invoices/index.ts";
import { createSubmittedRequest } from "../../builders/submitted-request.ts";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { dropPrivateDatabase, privateDatabaseUrl } from "../../support/private-database.ts";
import {
  buttonsOf,
  makeBlockAction,
  makeModalSubmission,
  makeSlashCommand,
  postSignedSlack,
  TEST_SLACK_SIGNING_SECRET,
} from "../../support/slack-request.ts";
import { workAsScheduled } from "../../builders/finished-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { waitFor } from "../../support/wait-for.ts";

const FORM = "application/x-www-form-urlencoded";
const AGENCY = "tucson-az-pd";
const APPROVALS = "C0TUCSAPPR";
const SUPERVISOR = "U0TUCSSUP1";
const DISPATCHER = "U0TUCSDSP1";

type SentView = { callback_id: string; private_metadata: string };

/** An invoice modal submitted with its inputs filled in (block id = action id in these modals). */
function makeInvoiceSubmission(input: { view: SentView; userId: string; values: Record<string, object> }): string {
  const values = Object.fromEntries(Object.entries(input.values).map(([id, value]) => [id, { [id]: value }]));
  return makeModalSubmission({ callbackId: input.view.callback_id, privateMetadata: input.view.private_metadata, userId: input.userId, values });
}

describe("Invoices in Slack (real Bolt app and workers, fake Slack, private database)", () => {
  let test: TestApp;
  let slack: FakeSlackServer;
  const databaseUrl = privateDatabaseUrl("invoices_slack");

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    test = await startTestApp("slack-invoices", {
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
  });
  afterAll(async () => {
    await test?.close();
    await slack?.close();
    await dropPrivateDatabase(databaseUrl);
  });

  const invoiceRow = (id: string) => test.app.prisma.invoice.findUniqueOrThrow({ where: { id } });
  const ephemeralsTo = (userId: string) =>
    slack.callsOf("chat.postEphemeral").filter((c) => c.args.user === userId).map((c) => String(c.args.text));
  const click = (actionId: string, invoiceId: string, userId: string, triggerId?: string) =>
    postSignedSlack(test.base, makeBlockAction({ actionId, value: invoiceId, userId, channelId: APPROVALS, triggerId }), FORM);
  const latestUpdate = (ts: string, until: (blocks: string) => boolean) =>
    waitFor(
      () => slack.callsOf("chat.update").filter((c) => c.args.ts === ts).at(-1),
      (u) => u !== undefined && until(JSON.stringify(u.args.blocks)),
    );
  async function openModal(actionId: string, invoiceId: string): Promise<SentView> {
    const triggerId = `trigger-${actionId}-${invoiceId}`;
    expect((await click(actionId, invoiceId, SUPERVISOR, triggerId)).status).toBe(200);
    const opened = await waitFor(
      () => slack.callsOf("views.open").find((c) => c.args.trigger_id === triggerId),
      (c) => c !== undefined,
    );
    return opened?.args.view as SentView;
  }

  /**
   * A completed request with a card in Slack (two officers, both checked in and out on time) and
   * its draft invoice, drafted by the repository and posted by the slack-invoice job.
   */
  async function postedInvoice() {
    const { prisma } = test.app;
    const agency = getAgency(AGENCY);
    if (!agency) throw new Error("no agency");
    const { request } = await createSubmittedRequest(prisma, { officers: 2 });
    const cardTs = `1699999999.${String(randomInt(100_000, 999_999))}`;
    await workAsScheduled(prisma, request, 2, { slackChannel: APPROVALS, slackMessageTs: cardTs });
    const drafted = await draftRequestInvoice(prisma, agency, request.id, new Date());
    if (drafted.kind !== "drafted") throw new Error(`not drafted: ${JSON.stringify(drafted)}`);
    await test.app.queues.postInvoiceToSlack(drafted.invoice.id, "drafted");
    const posted = await waitFor(() => invoiceRow(drafted.invoice.id), (i) => i.slackTs !== null);
    return { request, cardTs, invoice: posted };
  }

  it("posts the draft in the request's card thread with its lines, billed minutes and Issue/Void", async () => {
    const { request, cardTs, invoice } = await postedInvoice();
    const post = slack.callsOf("chat.postMessage").find((c) => c.ts === invoice.slackTs);
    expect(post?.args).toMatchObject({ channel: APPROVALS, thread_ts: cardTs });
    expect(invoice.slackChannel).toBe(APPROVALS);
    const blocks = JSON.stringify(post?.args.blocks);
    expect(blocks).toContain(`Invoice ${invoice.number}`);
    expect(blocks).toContain("Dana Builder, Builder Hardware");
    expect(blocks).toContain(`*Request #${request.number}* — hours worked`);
    expect(blocks).toContain("Officer, regular rate: 8 h");
    expect(blocks).toContain("_Billed per position:_ Officer 4 h · Officer 4 h");
    expect(blocks).toContain(`*Total: $${(invoice.totalCents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}*`);
    expect(buttonsOf(post?.args.blocks).map((b) => [b.action_id, b.value])).toEqual([
      ["invoice_issue", invoice.id],
      ["invoice_void", invoice.id],
    ]);
  });

  it("refuses Issue to a dispatcher without changing anything, then issues for a supervisor", async () => {
    const { invoice } = await postedInvoice();
    await click("invoice_issue", invoice.id, DISPATCHER);
    const told = await waitFor(() => ephemeralsTo(DISPATCHER), (list) => list.some((t) => t.includes("invoices")));
    expect(told.at(-1)).toBe(
      "Only Tucson Police Department supervisors and chief's designees can issue, void or mark invoices paid. Nothing was changed.",
    );
    expect((await invoiceRow(invoice.id)).status).toBe("draft");
    expect(await test.app.prisma.auditEvent.count({ where: { entityId: invoice.id, action: "invoice.issued" } })).toBe(0);

    await click("invoice_issue", invoice.id, SUPERVISOR);
    const issued = await waitFor(() => invoiceRow(invoice.id), (i) => i.status === "issued");
    expect(issued.issuedBy).toBe(SUPERVISOR);
    const audit = await test.app.prisma.auditEvent.findFirstOrThrow({ where: { entityId: invoice.id, action: "invoice.issued" } });
    expect(audit.actorId).toBe(SUPERVISOR);
    // Issued is when the customer is told, with the link to their page.
    expect(await test.app.queues.reminders.getJob(`invoice-notice-${invoice.id}`)).toBeDefined();
    const update = await latestUpdate(invoice.slackTs as string, (b) => b.includes("Issued by"));
    expect(JSON.stringify(update?.args.blocks)).toContain(`Issued by <@${SUPERVISOR}> on `);
    expect(buttonsOf(update?.args.blocks).map((b) => b.action_id)).toEqual(["invoice_mark_paid", "invoice_void"]);

    // The stale Issue button, clicked again: refused, said why, nothing changed.
    await click("invoice_issue", invoice.id, SUPERVISOR);
    const again = await waitFor(() => ephemeralsTo(SUPERVISOR), (list) => list.some((t) => t.includes(invoice.number)));
    expect(again.at(-1)).toBe(`Invoice ${invoice.number} is issued, so it can't be issued. Nothing was changed.`);
  });

  it("marks an issued invoice paid with the payment reference from the modal", async () => {
    const { invoice } = await postedInvoice();
    await click("invoice_issue", invoice.id, SUPERVISOR);
    await waitFor(() => invoiceRow(invoice.id), (i) => i.status === "issued");
    const view = await openModal("invoice_mark_paid", invoice.id);
    expect(view.callback_id).toBe("invoice_mark_paid_modal");
    const empty = await postSignedSlack(
      test.base,
      makeInvoiceSubmission({ view, userId: SUPERVISOR, values: { invoice_payment_reference: { type: "plain_text_input", value: " " } } }),
      FORM,
    );
    expect(await empty.json()).toMatchObject({ response_action: "errors" });
    await postSignedSlack(
      test.base,
      makeInvoiceSubmission({ view, userId: SUPERVISOR, values: { invoice_payment_reference: { type: "plain_text_input", value: "CHK 20417" } } }),
      FORM,
    );
    const paid = await waitFor(() => invoiceRow(invoice.id), (i) => i.status === "paid");
    expect(paid).toMatchObject({ paidBy: SUPERVISOR, paymentReference: "CHK 20417" });
    const update = await latestUpdate(invoice.slackTs as string, (b) => b.includes("Marked paid"));
    expect(JSON.stringify(update?.args.blocks)).toContain(`Marked paid by <@${SUPERVISOR}> on `);
    expect(JSON.stringify(update?.args.blocks)).toContain("reference CHK 20417");
    expect(buttonsOf(update?.args.blocks)).toEqual([]);
  });

  it("voids with a reason and drafts the corrected invoice into the same thread", async () => {
    const { cardTs, invoice } = await postedInvoice();
    const view = await openModal("invoice_void", invoice.id);
    expect(view.callback_id).toBe("invoice_void_modal");
    await postSignedSlack(
      test.base,
      makeInvoiceSubmission({
        view,
        userId: SUPERVISOR,
        values: {
          invoice_void_reason: { type: "plain_text_input", value: "Wrong customer on file" },
          invoice_redraft: { type: "checkboxes", selected_options: [{ value: "redraft" }] },
        },
      }),
      FORM,
    );
    const voided = await waitFor(() => invoiceRow(invoice.id), (i) => i.status === "void");
    expect(voided).toMatchObject({ voidedBy: SUPERVISOR, voidReason: "Wrong customer on file" });
    const replacement = await waitFor(
      () => test.app.prisma.invoice.findFirst({ where: { correctsId: invoice.id } }),
      (i) => i?.slackTs != null,
    );
    expect(replacement?.status).toBe("draft");
    expect(replacement?.number).not.toBe(invoice.number);
    const post = slack.callsOf("chat.postMessage").find((c) => c.ts === replacement?.slackTs);
    expect(post?.args.thread_ts).toBe(cardTs);
    expect(JSON.stringify(post?.args.blocks)).toContain(`Corrects void invoice ${invoice.number}`);
    const update = await latestUpdate(invoice.slackTs as string, (b) => b.includes("Voided by"));
    expect(JSON.stringify(update?.args.blocks)).toContain(`Voided by <@${SUPERVISOR}> on `);
    expect(JSON.stringify(update?.args.blocks)).toContain("Wrong customer on file");
    expect(buttonsOf(update?.args.blocks)).toEqual([]);
    const told = await waitFor(() => ephemeralsTo(SUPERVISOR), (list) => list.some((t) => t.includes("corrected draft")));
    expect(told.at(-1)).toBe(`Invoice ${invoice.number} is void; the corrected draft is ${replacement?.number}.`);
  });

  it("/detail invoices unpaid lists drafts and issued invoices, not paid or void ones", async () => {
    const draft = (await postedInvoice()).invoice;
    const issued = (await postedInvoice()).invoice;
    const paid = (await postedInvoice()).invoice;
    const { prisma } = test.app;
    await prisma.invoice.update({ where: { id: issued.id }, data: { status: "issued", issuedAt: new Date(), issuedBy: SUPERVISOR } });
    await prisma.invoice.update({ where: { id: paid.id }, data: { status: "paid", paidAt: new Date(), paidBy: SUPERVISOR } });
    const response = await postSignedSlack(test.base, makeSlashCommand({ text: "invoices unpaid", userId: DISPATCHER }), FORM);
    const { text } = (await response.json()) as { text: string };
    const unpaid = await prisma.invoice.findMany({ where: { agencyId: AGENCY, status: { in: ["draft", "issued"] } } });
    const sum = unpaid.reduce((total, i) => total + i.totalCents, 0);
    expect(text.split("\n")[0]).toBe(
      `*${unpaid.length} invoices unpaid (draft or issued)* — $${(sum / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
    );
    expect(text).toContain(`• *${draft.number}* · Dana Builder, Builder Hardware · Draft · `);
    expect(text).toContain(`• *${issued.number}* · Dana Builder, Builder Hardware · Issued · `);
    expect(text).not.toContain(paid.number);

    const stranger = await postSignedSlack(test.base, makeSlashCommand({ text: "invoices", userId: "U0NOBODY", channelId: "C0ELSEWHERE" }), FORM);
    expect(((await stranger.json()) as { text: string }).text).toContain("only for agency staff");
  });
});
