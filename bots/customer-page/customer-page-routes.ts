import { type Request, type Response, Router } from "express";
import type { AgencyConfig, Language } from "../../core/agencies/index.ts";
import type { Logger } from "../../config/logger.ts";
import { CustomerPageRepository } from "../../prisma/repositories/customer-page.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import type { CustomerLinks } from "./customer-link.ts";
import { buildInvoiceSheet } from "./invoice-rows.ts";
import { renderCustomerPage } from "./render-customer-page.ts";
import { renderInvoicePage } from "./render-invoice-page.ts";
import { renderInvoicePdf } from "./render-invoice-pdf.ts";
import { LINK_PROBLEM_STATUS, type LinkProblem, renderLinkProblem } from "./render-link-problem.ts";

export interface CustomerPageDeps {
  /** Null where pages are off (a live deployment without CUSTOMER_LINK_SECRET): every address answers 503. */
  links: CustomerLinks | null;
  prisma: PrismaClient;
  getAgency(id: string): AgencyConfig | undefined;
  logger: Logger;
  now?: () => Date;
}

// The address is the customer's key: never cached, never sent on as a referrer, never indexed;
// no script at all, images from anywhere (MMS photos live with the carrier).
const HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy":
    "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};
const INVOICE_NUMBER = /^[A-Za-z0-9-]{1,40}$/;

/** GET /c/:token (the page), /c/:token/invoices/:number (printable) and /c/:token/invoices/:number.pdf. */
export function createCustomerPageRoutes(deps: CustomerPageDeps): Router {
  const router = Router();
  const repository = new CustomerPageRepository(deps.prisma);
  const now = deps.now ?? (() => new Date());

  const problem = (res: Response, kind: LinkProblem, backPath: string | null = null) => {
    res.status(LINK_PROBLEM_STATUS[kind]).set(HEADERS).type("html").send(renderLinkProblem(kind, backPath));
  };

  /** The customer the token names, or the problem page already sent. */
  async function open(req: Request, res: Response) {
    const token = String(req.params.token ?? "");
    if (!deps.links) return problem(res, "unavailable");
    const nowMs = now().getTime();
    const read = deps.links.read(token, nowMs);
    if (read.kind !== "ok") {
      deps.logger.info({ outcome: read.kind }, "customer page link refused");
      return problem(res, read.kind);
    }
    const agency = deps.getAgency(read.agencyId);
    const customer = agency ? await repository.findCustomer(read.agencyId, read.customerId) : null;
    if (!agency || !customer) return problem(res, "not_found");
    const lang = req.query.lang;
    const language: Language = lang === "en" || lang === "es" ? lang : customer.language === "es" ? "es" : "en";
    return { ...read, agency, customer, language, nowMs, basePath: `/c/${token}` };
  }

  router.get("/c/:token", async (req, res) => {
    const opened = await open(req, res);
    if (!opened) return;
    const page = await repository.loadPage(opened.agencyId, opened.customerId);
    if (!page) return problem(res, "not_found");
    res.set(HEADERS).type("html").send(renderCustomerPage({ page, agency: opened.agency, language: opened.language, nowMs: opened.nowMs, expiresAtMs: opened.expiresAtMs, basePath: opened.basePath }));
  });

  router.get("/c/:token/invoices/:file", async (req, res) => {
    const opened = await open(req, res);
    if (!opened) return;
    const file = String(req.params.file);
    const pdf = file.toLowerCase().endsWith(".pdf");
    const number = pdf ? file.slice(0, -4) : file;
    const invoice = INVOICE_NUMBER.test(number) ? await repository.loadInvoice(opened.agencyId, opened.customerId, number) : null;
    if (!invoice) return problem(res, "not_found", opened.basePath);
    const sheet = buildInvoiceSheet(invoice, opened.customer, opened.agency, opened.language);
    if (pdf) {
      const bytes = await renderInvoicePdf(sheet);
      res
        .set(HEADERS)
        .type("application/pdf")
        .set("Content-Disposition", `inline; filename="${invoice.number}.pdf"`)
        .send(bytes);
      return;
    }
    const path = `${opened.basePath}/invoices/${encodeURIComponent(invoice.number)}`;
    res
      .set(HEADERS)
      .type("html")
      .send(renderInvoicePage({ sheet, language: opened.language, backPath: `${opened.basePath}?lang=${opened.language}`, pdfPath: `${path}.pdf?lang=${opened.language}` }));
  });

  return router;
}
