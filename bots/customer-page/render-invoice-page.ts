import type { Language } from "../../core/agencies/index.ts";
import { getCustomerPageTexts } from "../../core/customer-page/index.ts";
import { html, renderDocument } from "./html-document.ts";
import type { InvoiceSheet } from "./invoice-rows.ts";

// Printed, the page is the invoice alone: no links, no colours to waste ink on.
const PRINT_CSS = `
.sheet{background:#fff;border:1px solid #d8dee6;border-radius:10px;padding:20px}
.sheet h1{font-size:1.4rem;margin:0 0 4px}
.sheet .parties{display:flex;justify-content:space-between;gap:16px;flex-wrap:wrap;margin:12px 0}
.sheet .void-mark{border:3px solid #8a1f1f;color:#8a1f1f;font-weight:700;font-size:1.2rem;text-align:center;padding:8px;margin:8px 0;border-radius:6px;letter-spacing:.02em}
.sheet .due{font-weight:700}
tr.group td{font-weight:600;padding-top:14px;border-bottom:none}
tr.group .details{display:block;font-weight:400;color:#5b6675;font-size:.9rem}
tr.subtotal td{color:#5b6675}
tr.total td{font-weight:700;font-size:1.1rem;border-bottom:none;border-top:2px solid #1b1f24}
@media print{body{background:#fff}.noprint{display:none!important}.sheet{border:none;padding:0}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}}
@page{margin:18mm}
`;

/** The printable view of one invoice, lines in the customer's language (describeInvoiceLine). */
export function renderInvoicePage(input: { sheet: InvoiceSheet; language: Language; backPath: string; pdfPath: string }): string {
  const { sheet, language } = input;
  const t = getCustomerPageTexts(language);
  const c = sheet.columns;
  const body = html`
<main>
  <p class="noprint actions"><a href="${input.backPath}">← ${t.back}</a><a href="${input.pdfPath}">${t.pdf}</a></p>
  <article class="sheet">
    <h1>${sheet.title} <span class="badge ${sheet.statusKey}">${sheet.status}</span></h1>
    ${sheet.voidMark ? html`<p class="void-mark">${sheet.voidMark.text}</p>` : ""}
    <div class="parties">
      <div><strong>${sheet.agency.name}</strong><br>${sheet.agency.city}<br>${sheet.payTo}</div>
      <div>${t.billedTo}: <strong>${sheet.billedTo}</strong>${sheet.dates.map((date) => html`<br>${date}`)}${sheet.due ? html`<br><span class="due">${sheet.due}</span>` : ""}${sheet.paymentReference ? html`<br>${sheet.paymentReference}` : ""}</div>
    </div>
    ${sheet.period ? html`<p>${sheet.period}</p>` : ""}
    <table>
      <thead><tr><th>${c.description}</th><th class="num">${c.quantity}</th><th class="num">${c.rate}</th><th class="num">${c.amount}</th></tr></thead>
      <tbody>${sheet.groups.map(
        (group) => html`<tr class="group"><td colspan="4">${group.heading}<span class="details">${group.details}</span></td></tr>${group.rows.map(
          (row) => html`<tr><td>${row.description}</td><td class="num">${row.quantity}</td><td class="num">${row.rate}</td><td class="num">${row.amount}</td></tr>`,
        )}${sheet.groups.length > 1 ? html`<tr class="subtotal"><td colspan="3"></td><td class="num">${group.subtotal}</td></tr>` : ""}`,
      )}
      <tr class="total"><td colspan="3">${sheet.totalLabel}</td><td class="num">${sheet.total}</td></tr></tbody>
    </table>
  </article>
</main>`;
  return renderDocument({ title: `${sheet.title} · ${sheet.agency.name}`, language, body, css: PRINT_CSS });
}
