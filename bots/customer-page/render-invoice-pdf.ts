import PDFDocument from "pdfkit";
import type { InvoiceSheet } from "./invoice-rows.ts";

// Letter paper, 1/2 inch margins; column x positions and widths in points (72 per inch).
const MARGIN = 54;
const COLUMNS = { description: { x: 54, w: 250 }, quantity: { x: 310, w: 80 }, rate: { x: 392, w: 80 }, amount: { x: 474, w: 84 } };
const FOOT = 792 - MARGIN;
const VOID_RED = "#8a1f1f";

/** A large pale "VOID" across the first page, under the text, so a printout cannot pass for a bill. */
function drawVoidStamp(doc: PDFKit.PDFDocument, stamp: string): void {
  doc.save();
  doc.rotate(-30, { origin: [306, 396] });
  doc.font("Helvetica-Bold").fontSize(stamp.length > 5 ? 100 : 140).fillColor(VOID_RED).fillOpacity(0.12);
  doc.text(stamp, 0, 330, { width: 612, align: "center", lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
  doc.x = MARGIN;
  doc.y = MARGIN;
}

/**
 * The invoice as a PDF, laid out by pdfkit with its built-in Helvetica (WinAnsi covers Spanish
 * accents). The same sheet as the printable page, so the two never disagree.
 */
export function renderInvoicePdf(sheet: InvoiceSheet): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", margin: MARGIN, info: { Title: sheet.title, Author: sheet.agency.name } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  if (sheet.voidMark) drawVoidStamp(doc, sheet.voidMark.stamp);
  doc.font("Helvetica-Bold").fontSize(18).fillColor("#000").text(sheet.title);
  doc.font("Helvetica").fontSize(10).fillColor("#444").text([sheet.status, ...sheet.dates].join(" · "));
  if (sheet.voidMark) doc.moveDown(0.4).font("Helvetica-Bold").fontSize(12).fillColor(VOID_RED).text(sheet.voidMark.text);
  doc.moveDown(0.8).fillColor("#000").fontSize(10);
  doc.font("Helvetica-Bold").text(sheet.agency.name).font("Helvetica").text(sheet.agency.city).text(sheet.payTo);
  doc.moveDown(0.5).text(sheet.billedTo);
  if (sheet.due) doc.font("Helvetica-Bold").text(sheet.due).font("Helvetica");
  if (sheet.period) doc.text(sheet.period);
  if (sheet.paymentReference) doc.text(sheet.paymentReference);
  doc.moveDown(1);

  let y = doc.y;
  const row = (cells: Record<keyof typeof COLUMNS, string>, options: { bold?: boolean } = {}) => {
    doc.font(options.bold ? "Helvetica-Bold" : "Helvetica").fontSize(10);
    const height = Math.max(
      ...Object.entries(COLUMNS).map(([key, col]) => doc.heightOfString(cells[key as keyof typeof COLUMNS] || " ", { width: col.w })),
    );
    if (y + height > FOOT) {
      doc.addPage();
      y = MARGIN;
    }
    for (const [key, col] of Object.entries(COLUMNS)) {
      doc.text(cells[key as keyof typeof COLUMNS], col.x, y, { width: col.w, align: key === "description" ? "left" : "right" });
    }
    y += height + 4;
  };
  const rule = (weight: number) => {
    doc.moveTo(MARGIN, y).lineTo(558, y).lineWidth(weight).strokeColor("#999").stroke();
    y += 4;
  };

  row(sheet.columns, { bold: true });
  rule(0.5);
  for (const group of sheet.groups) {
    row({ description: group.heading, quantity: "", rate: "", amount: "" }, { bold: true });
    row({ description: group.details, quantity: "", rate: "", amount: "" });
    for (const line of group.rows) row(line);
    if (sheet.groups.length > 1) row({ description: "", quantity: "", rate: "", amount: group.subtotal });
  }
  rule(1);
  row({ description: sheet.totalLabel, quantity: "", rate: "", amount: sheet.total }, { bold: true });
  doc.end();
  return done;
}
