// The survey's QR code (SVG for the page, vector squares in the PDF) and the A4 poster for a
// waiting room, written with the handbook's PdfWriter.
import QRCode from 'qrcode';
import { PdfWriter } from '../../handbook/index.ts';
import { msg } from '../../platform/i18n/index.ts';

const m = msg.experienceSurveys.poster;

export const qrSvg = (url: string): Promise<string> => QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });

export async function posterPdf(service: { name: string; isDemo: boolean }, url: string): Promise<Buffer> {
  const pdf = new PdfWriter(`${m.pdfTitle} – ${service.name}`);
  const doc = pdf.doc;
  pdf.block('H1', () => doc.font('bold').fontSize(32).text(m.pdfTitle, { align: 'center' }));
  doc.moveDown(0.4);
  pdf.block('P', () => doc.font('regular').fontSize(18).text(m.pdfLead(service.name), { align: 'center' }));
  doc.moveDown(0.6);
  if (service.isDemo) {
    pdf.block('P', () => doc.fontSize(14).text(msg.experienceSurveys.results.demo, { align: 'center' }));
    doc.moveDown(0.4);
  }
  pdf.block('P', () => doc.fontSize(13).text(m.pdfBody, { align: 'center' }));
  doc.moveDown(1);

  // the QR code as vector squares: sharp at any print size; a figure whose alternative text says where it leads
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const side = 300;
  const cell = side / size;
  const left = (doc.page.width - side) / 2;
  const top = doc.y;
  pdf.block('Figure', () => {
    doc.save().fillColor('#000000');
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) if (qr.modules.get(row, col)) doc.rect(left + col * cell, top + row * cell, cell, cell);
    }
    doc.fill().restore();
  }, { alt: m.qrAlt(url), bbox: [left, top, left + side, top + side] });
  doc.y = top + side + 24;
  doc.x = doc.page.margins.left;
  pdf.block('P', () => doc.font('regular').fontSize(12).text(url, { align: 'center' }));
  return pdf.finish(() => m.pdfFooter);
}
