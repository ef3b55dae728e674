import { type AgencyConfig, type Language, rankTitle } from "../../core/agencies/index.ts";
import {
  type CustomerPageTexts,
  formatLocalClock,
  formatLocalDay,
  formatLocalInstant,
  getCustomerPageTexts,
} from "../../core/customer-page/index.ts";
import { formatCents, formatShift } from "../../core/intake/index.ts";
import { dueDateOf } from "../../core/invoicing/index.ts";
import { describePlace } from "../../core/staffing/index.ts";
import type { CustomerPage, PageInvoiceSummary, PageRequest } from "../../prisma/repositories/customer-page.ts";
import { type Html, html, renderDocument } from "./html-document.ts";

/** Statuses whose shift is over for the customer even before its end (nothing more will happen). */
const CLOSED = new Set(["completed", "cancelled", "denied"]);

// A void invoice's amount is struck through: it is shown, but nobody owes it.
const PAGE_CSS =
  "tr.void .amount{text-decoration:line-through;color:#5b6675}tr.invoice td{border-bottom:none;padding-bottom:0}tr.dates td{padding-top:0;font-size:.9rem}";

export interface CustomerPageInput {
  page: CustomerPage;
  agency: AgencyConfig;
  language: Language;
  nowMs: number;
  /** When the link in the address stops working. */
  expiresAtMs: number;
  /** The page's own path (`/c/<token>`), for links to invoices and to the other language. */
  basePath: string;
}

/** The customer's own page: their bookings (upcoming first, then past) and their invoices. */
export function renderCustomerPage(input: CustomerPageInput): string {
  const { page, agency, language, nowMs } = input;
  const t = getCustomerPageTexts(language);
  const who = [page.customer.name, page.customer.organization].filter((part) => part).join(", ");
  const upcoming = page.requests
    .filter((r) => r.end.getTime() > nowMs && !CLOSED.has(r.status))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  const past = page.requests.filter((r) => !upcoming.includes(r));
  const requests = (list: PageRequest[], over: boolean) =>
    list.length === 0 ? html`<p class="muted">${t.noRequests}</p>` : list.map((r) => renderRequest(r, over, agency, language, t));
  const body = html`
<header class="top"><div class="inner">
  <div><h1>${agency.name}</h1><p>${t.title}${who ? html` · ${t.greeting(who)}` : ""}</p></div>
  <a href="${input.basePath}?lang=${t.otherLanguage.lang}" lang="${t.otherLanguage.lang}">${t.otherLanguage.label}</a>
</div></header>
<main>
  <h2>${t.upcoming}</h2>
  ${requests(upcoming, false)}
  <h2>${t.invoices}</h2>
  ${renderInvoices(page.invoices, input, t)}
  <h2>${t.past}</h2>
  ${requests(past, true)}
  <footer>${t.validUntil(formatLocalDay(input.expiresAtMs, agency.timeZone, language))}</footer>
</main>`;
  return renderDocument({ title: `${agency.name} · ${t.title}`, language, body, css: PAGE_CSS });
}

/** One booking; `over` when it is in the past list (ended, or closed before its end). */
function renderRequest(request: PageRequest, over: boolean, agency: AgencyConfig, language: Language, t: CustomerPageTexts): Html {
  const zone = agency.timeZone;
  const when = formatShift(request.start.toISOString(), request.end.toISOString(), zone, language);
  const officers =
    request.officers.length === 0
      ? html`<p class="muted">${over ? t.noOfficersPast : t.noOfficers}</p>`
      : html`<ul>${request.officers.map((o) => {
          const times = [
            o.checkedInAt ? `${t.checkedIn} ${formatLocalClock(o.checkedInAt.getTime(), zone, language)}` : "",
            o.checkedOutAt ? `${t.checkedOut} ${formatLocalClock(o.checkedOutAt.getTime(), zone, language)}` : "",
          ].filter((part) => part !== "");
          return html`<li>${rankTitle(o.rank)} ${o.lastName}: ${t.attendance[o.attendance]}${times.length > 0 ? ` (${times.join(", ")})` : ""}</li>`;
        })}</ul>`;
  const notes =
    request.notes.length === 0
      ? ""
      : html`<div class="notes"><strong>${t.fieldNotes}</strong><ul>${request.notes.map(
          (note) => html`<li><span class="muted">${formatLocalInstant(note.at.getTime(), zone, language)}, ${rankTitle(note.officer.rank)} ${note.officer.lastName}:</span> ${note.body}${note.media
            .filter((m) => m.contentType === "" || m.contentType.startsWith("image/"))
            .map((m) => html`<a href="${m.url}" rel="noreferrer"><img src="${m.url}" alt="${t.photo}" loading="lazy"></a>`)}</li>`,
        )}</ul></div>`;
  return html`<section class="card" id="request-${request.number}">
  <h3><span>${t.request(request.number)}</span><span class="badge ${request.status}">${t.requestStatus[request.status] ?? request.status}</span></h3>
  <dl>
    <dt>${t.when}</dt><dd>${when}</dd>
    <dt>${t.where}</dt><dd>${describePlace(request.address, agency.city)}</dd>
    ${request.eventType ? html`<dt>${t.job}</dt><dd>${request.eventType}</dd>` : ""}
    ${request.siteContactName ? html`<dt>${t.siteContact}</dt><dd>${request.siteContactName}</dd>` : ""}
    ${request.postOrders ? html`<dt>${t.postOrders}</dt><dd>${request.postOrders}</dd>` : ""}
  </dl>
  <p><strong>${t.officers}</strong></p>
  ${officers}
  ${notes}
</section>`;
}

function renderInvoices(invoices: PageInvoiceSummary[], input: CustomerPageInput, t: CustomerPageTexts): Html {
  if (invoices.length === 0) return html`<p class="muted">${t.noInvoices}</p>`;
  const zone = input.agency.timeZone;
  return html`<section class="card"><table>
  <tbody>${invoices.map((invoice) => {
    const path = `${input.basePath}/invoices/${encodeURIComponent(invoice.number)}`;
    const day = (ms: number) => formatLocalDay(ms, zone, input.language);
    const issuedMs = invoice.issuedAt?.getTime() ?? null;
    // The date that matters to the reader: when it is due, when it was paid, or when voided.
    const dates = [
      issuedMs === null ? "" : `${t.issued} ${day(issuedMs)}`,
      invoice.status === "issued" && issuedMs !== null ? t.due(day(dueDateOf(issuedMs, input.agency.billing.paymentTermsDays, zone))) : "",
      invoice.status === "paid" && invoice.paidAt ? `${t.paid} ${day(invoice.paidAt.getTime())}` : "",
      invoice.status === "void" && invoice.voidedAt ? `${t.voided} ${day(invoice.voidedAt.getTime())}` : "",
    ].filter((text) => text !== "");
    // Two rows: the figures a customer scans, then the dates across the whole width (a phone
    // would otherwise wrap "Issued November 26, 2026" into four lines under the number).
    return html`<tr id="invoice-${invoice.number}" class="invoice ${invoice.status}">
      <td><strong>${invoice.number}</strong></td>
      <td><span class="badge ${invoice.status}">${t.invoiceStatus[invoice.status]}</span></td>
      <td class="num amount">${formatCents(invoice.totalCents)}</td>
      <td class="num actions"><a href="${path}?lang=${input.language}">${t.view}</a><a href="${path}.pdf?lang=${input.language}">${t.pdf}</a></td>
    </tr>
    <tr class="dates"><td colspan="4" class="muted">${dates.join(" · ")}</td></tr>`;
  })}</tbody></table></section>`;
}
