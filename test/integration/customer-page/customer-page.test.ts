import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomerLinks } from "../../../bots/customer-page/customer-link.ts";
import { SANDBOX_CUSTOMER_LINK_SECRET } from "../../../bots/customer-page/customer-page-settings.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { createTwilioPoster, makeInboundSms, newCustomerPhone, sandboxSmsTo, waitUntilActedOn } from "../../support/twilio-sms.ts";
import { waitFor } from "../../support/wait-for.ts";
import { tellCustomerOfInvoice } from "../../../workers/jobs/customer-invoice-notice.ts";
import { makeCustomerWithHistory } from "./customer-page-fixture.ts";

describe("the customer's own page (/c/<token>) over HTTP", () => {
  let test: TestApp;
  let maria: Awaited<ReturnType<typeof makeCustomerWithHistory>>;
  let other: Awaited<ReturnType<typeof makeCustomerWithHistory>>;
  const now = new Date();

  /** The path of a fresh link for a customer, signed by the app itself. */
  const pathFor = (customerId: string, atMs = Date.now()) => {
    const links = test.app.workerDeps.customerLinks;
    if (!links) throw new Error("customer pages are off in the sandbox");
    return new URL(links.urlFor("tucson-az-pd", customerId, atMs)).pathname;
  };
  const get = (path: string) => fetch(`${test.base}${path}`);

  beforeAll(async () => {
    test = await startTestApp("customer-page", { SMS_RATE_PER_SENDER: "0" });
    maria = await makeCustomerWithHistory(test.app.prisma, { name: "Maria Lopez", now, postOrders: "Park in back <script>alert(1)</script>" });
    other = await makeCustomerWithHistory(test.app.prisma, { name: "Rosa Diaz", language: "es", now });
  });
  afterAll(async () => {
    await test?.close();
  });

  it("shows one customer's bookings, officers, attendance, notes, photos, post orders and shown invoices only", async () => {
    const response = await get(pathFor(maria.customer.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const page = await response.text();
    expect(page).toContain("Maria Lopez");
    expect(page).toContain(`Request #${maria.past.number}`);
    expect(page).toContain(`Request #${maria.future.number}`);
    expect(page).toContain("4500 E Broadway");
    expect(page).toContain(`${maria.officers.first.lastName}: done (in `);
    expect(page).toContain(`${maria.officers.second.lastName}: assigned`);
    expect(page).toContain('<img src="https://media.example.org/photo-1.jpg"');
    // Everything the customer or an officer typed is escaped.
    expect(page).toContain("Park in back &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("one trespasser &lt;b&gt;moved on&lt;/b&gt;");
    expect(page).not.toContain("<script>");
    for (const shown of [maria.invoices.issued, maria.invoices.paid, maria.invoices.voided]) expect(page).toContain(shown.number);
    expect(page).toContain("$309.17");
    expect(page).not.toContain(maria.invoices.draft.number);
    expect(page).not.toContain("$555.55");
    // Nothing of the other customer.
    expect(page).not.toContain("Rosa Diaz");
    expect(page).not.toContain(`Request #${other.past.number}<`);
    expect(page).not.toContain(other.invoices.issued.number);
  });

  it("opens the customer's invoice (printable and PDF) and nobody else's, never a draft", async () => {
    const base = pathFor(maria.customer.id);
    const view = await get(`${base}/invoices/${maria.invoices.issued.number}`);
    expect(view.status).toBe(200);
    const html = await view.text();
    expect(html).toContain(`Invoice ${maria.invoices.issued.number}`);
    expect(html).toContain("Officer, regular rate");
    expect(html).toContain("4 h 25 min");
    expect(html).toContain("Administrative fee");
    expect(html).toContain("@media print");
    // Who to pay and by when: the issue day plus the agency's 30 days of terms, on Tucson's calendar.
    const due = DateTime.fromJSDate(maria.invoices.issued.issuedAt as Date, { zone: "America/Phoenix" }).plus({ days: 30 });
    expect(html).toContain(`Due ${due.setLocale("en-US").toFormat("LLLL d, yyyy")}`);
    expect(html).toContain("Pay to: Tucson Police Department");
    // Each billed request with its shift and place.
    expect(html).toContain(`Request #${maria.past.number}`);
    expect(html).toMatch(/Request #\d+<span class="details">\w{3} \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M – \d{1,2}:\d{2} [AP]M · 4500 E Broadway, Tucson</);
    expect(html).not.toContain("VOID");

    const pdf = await get(`${base}/invoices/${maria.invoices.issued.number}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const voided = await (await get(`${base}/invoices/${maria.invoices.voided.number}`)).text();
    expect(voided).toContain("VOID: this invoice was cancelled and is not owed.");
    expect(voided).not.toContain("Due ");
    const voidPdf = Buffer.from(await (await get(`${base}/invoices/${maria.invoices.voided.number}.pdf`)).arrayBuffer());
    expect(voidPdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await test.app.prisma.invoice.update({ where: { id: maria.invoices.paid.id }, data: { paymentReference: "CHK 1042" } });
    const paid = await (await get(`${base}/invoices/${maria.invoices.paid.number}`)).text();
    const paidDay = DateTime.fromJSDate(maria.invoices.paid.paidAt as Date, { zone: "America/Phoenix" }).setLocale("en-US").toFormat("LLLL d, yyyy");
    expect(paid).toContain(`Paid ${paidDay}`);
    expect(paid).toContain("Payment reference: CHK 1042");

    for (const number of [other.invoices.issued.number, maria.invoices.draft.number, "TUC-1999-0000000000", "..%2F..%2Fetc"]) {
      for (const suffix of ["", ".pdf"]) {
        const refused = await get(`${base}/invoices/${number}${suffix}`);
        expect(refused.status, `${number}${suffix}`).toBe(404);
        const body = await refused.text();
        expect(body).toContain("There is no such invoice");
        expect(body).not.toContain("Rosa Diaz");
        expect(body).not.toContain("$");
      }
    }
  });

  it("shows a cycle invoice's period, and says nobody worked a past shift that had no officer", async () => {
    const { prisma } = test.app;
    // November 2026 in Tucson: [Nov 1 00:00, Dec 1 00:00) local, UTC-7.
    const cycle = await prisma.invoice.update({
      where: { id: maria.invoices.paid.id },
      data: { kind: "cycle", periodStart: new Date("2026-11-01T07:00:00Z"), periodEnd: new Date("2026-12-01T07:00:00Z") },
    });
    const html = await (await get(`${pathFor(maria.customer.id)}/invoices/${cycle.number}`)).text();
    expect(html).toContain("Period: November 1, 2026 to November 30, 2026");
    const spanish = await (await get(`${pathFor(maria.customer.id)}/invoices/${cycle.number}?lang=es`)).text();
    expect(spanish).toContain("Período: del 1 de noviembre de 2026 al 30 de noviembre de 2026");

    const cancelled = await prisma.request.create({
      data: {
        agencyId: "tucson-az-pd",
        customerId: maria.customer.id,
        status: "cancelled",
        start: new Date(now.getTime() - 10 * 86_400_000),
        end: new Date(now.getTime() - 10 * 86_400_000 + 4 * 3_600_000),
        officers: 1,
        address: { line1: "4500 E Broadway", city: "Tucson", state: "AZ" },
      },
    });
    const page = await (await get(pathFor(maria.customer.id))).text();
    const at = page.indexOf(`id="request-${cancelled.number}"`);
    const card = page.slice(at, page.indexOf("</section>", at));
    expect(card).toContain("No officer worked this shift.");
    expect(card).not.toContain("No officer assigned yet.");
    expect(await (await get(`${pathFor(maria.customer.id)}?lang=es`)).text()).toContain("Ningún oficial trabajó este turno.");
  });

  it("answers an expired link 410 and a tampered one 403, with a clear page and no data", async () => {
    const expiredLinks = createCustomerLinks({ secret: SANDBOX_CUSTOMER_LINK_SECRET, baseUrl: test.base, validDays: 1 });
    const expired = new URL(expiredLinks.urlFor("tucson-az-pd", maria.customer.id, Date.now() - 2 * 86_400_000)).pathname;
    for (const path of [expired, `${expired}/invoices/${maria.invoices.issued.number}.pdf`]) {
      const response = await get(path);
      expect(response.status).toBe(410);
      const body = await response.text();
      expect(body).toContain("This link has expired");
      expect(body).toContain("Text LINK");
      expect(body).toContain("ENLACE");
      expect(body).not.toContain("Maria");
    }
    const good = pathFor(maria.customer.id);
    const last = good.at(-1) === "A" ? "B" : "A";
    for (const path of [`${good.slice(0, -1)}${last}`, "/c/not-a-token", `/c/${"x".repeat(40)}.${"y".repeat(22)}`]) {
      const response = await get(path);
      expect(response.status, path).toBe(403);
      const body = await response.text();
      expect(body).toContain("This link is not valid");
      expect(body).not.toMatch(/Maria|Request #|\$\d/);
      expect(body).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it("speaks the customer's language, and ?lang= switches it", async () => {
    const spanish = await (await get(pathFor(other.customer.id))).text();
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain("Sus reservas de oficiales fuera de servicio");
    expect(spanish).toContain("Facturas");
    expect(spanish).toContain("terminada");
    const english = await (await get(`${pathFor(other.customer.id)}?lang=en`)).text();
    expect(english).toContain("Your off-duty officer bookings");
    const invoice = await (await get(`${pathFor(other.customer.id)}/invoices/${other.invoices.issued.number}`)).text();
    expect(invoice).toContain("Oficial, tarifa regular");
    expect(invoice).toContain("Cargo administrativo");
    expect(invoice).toContain("Pagar a: Tucson Police Department");
    expect(invoice).toMatch(/Vence el \d{1,2} de [a-z]+ de \d{4}/);
    const pdf = await get(`${pathFor(other.customer.id)}/invoices/${other.invoices.issued.number}.pdf`);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("texts the page link on LINK over a signed Twilio SMS webhook, and a sensible answer to a stranger", async () => {
    const post = createTwilioPoster(test);
    const params = makeInboundSms(maria.phone, "LINK");
    expect((await post("/twilio/sms", params)).status).toBe(200);
    await waitUntilActedOn(test.app.prisma, params.MessageSid as string);
    const texts = await waitFor(
      () => sandboxSmsTo(test, maria.phone),
      (list) => list.length > 0,
    );
    const reply = texts.at(-1) ?? "";
    expect(reply).toMatch(/^Here is your page with your bookings and invoices \(valid 30 days\): http:\/\/localhost:\d+\/c\/\S+$/);
    const page = await get(new URL(reply.split(": ").at(-1) as string).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Maria Lopez");

    const stranger = newCustomerPhone();
    const hello = makeInboundSms(stranger, "ENLACE");
    expect((await post("/twilio/sms", hello)).status).toBe(200);
    await waitUntilActedOn(test.app.prisma, hello.MessageSid as string);
    const answer = await waitFor(
      () => sandboxSmsTo(test, stranger),
      (list) => list.length > 0,
    );
    expect(answer.at(-1)).toMatch(/^Todavía no tiene reservas con nosotros/);
  });

  it("tells the customer once when an invoice is issued (customer-invoice-notice), never of a draft", async () => {
    const rosa = await makeCustomerWithHistory(test.app.prisma, { name: "Rosa Tester", now });
    const issued = rosa.invoices.issued;
    await test.app.queues.notifyCustomerOfInvoice(issued.id);
    await test.app.queues.notifyCustomerOfInvoice(issued.id);
    const texts = await waitFor(
      () => sandboxSmsTo(test, rosa.phone),
      (list) => list.length > 0,
    );
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(new RegExp(`^Invoice ${issued.number} for \\$309\\.17 is ready: http://localhost:\\d+/c/\\S+/invoices/${issued.number}$`));
    const view = await get(new URL((texts[0] as string).split(": ").at(-1) as string).pathname);
    expect(view.status).toBe(200);
    // Run again by hand (a retried job): still once.
    expect(await tellCustomerOfInvoice(test.app.workerDeps, issued.id, new Date())).toEqual({ kind: "already_told" });
    expect(await tellCustomerOfInvoice(test.app.workerDeps, rosa.invoices.draft.id, new Date())).toEqual({ kind: "not_issued" });
    expect(await tellCustomerOfInvoice(test.app.workerDeps, rosa.invoices.voided.id, new Date())).toEqual({ kind: "not_issued" });
    expect(sandboxSmsTo(test, rosa.phone)).toHaveLength(1);
  });
});
