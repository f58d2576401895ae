import { localeTag } from '../../platform/i18n/index.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

// DejaVu has every Norwegian letter and dash; Debian ships it as fonts-dejavu-core (CI installs it).
const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];

function font(file: string): string {
  for (const dir of FONT_DIRS) if (existsSync(join(dir, file))) return join(dir, file);
  throw new Error(`Font ${file} not found in ${FONT_DIRS.join(', ')}: install fonts-dejavu-core`);
}

const COLOR = { text: '#1a1a1a', subtle: '#555555', rule: '#b0b0b0' };

/** A simple A4 document writer: headings, paragraphs, lists and tables that break across pages. */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;

  constructor(title: string) {
    this.doc = new PDFDocument({
      size: 'A4', margins: { top: 56, bottom: 64, left: 62, right: 62 }, bufferPages: true,
      lang: localeTag(), displayTitle: true, info: { Title: title, Author: 'Samklang', Creator: 'Samklang' },
    });
    this.doc.registerFont('regular', font('DejaVuSans.ttf'));
    this.doc.registerFont('bold', font('DejaVuSans-Bold.ttf'));
    this.doc.font('regular').fontSize(10.5).fillColor(COLOR.text);
  }

  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private ensure(height: number) {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  title(text: string, subtitle?: string) {
    this.doc.font('bold').fontSize(18).text(text, { width: this.width });
    if (subtitle) this.doc.font('regular').fontSize(12).fillColor(COLOR.subtle).text(subtitle, { width: this.width }).fillColor(COLOR.text);
    this.doc.moveDown(0.8);
  }

  heading(text: string) {
    // room for the heading and what follows, so a heading never ends a page alone
    this.ensure(150);
    this.doc.moveDown(0.6).font('bold').fontSize(13).text(text, { width: this.width }).moveDown(0.3);
    this.doc.font('regular').fontSize(10.5);
  }

  paragraph(text: string, options: { subtle?: boolean } = {}) {
    for (const block of text.split(/\n{2,}/)) {
      this.doc.font('regular').fontSize(options.subtle ? 9.5 : 10.5).fillColor(options.subtle ? COLOR.subtle : COLOR.text)
        .text(block.trim(), { width: this.width, lineGap: 2 }).moveDown(0.5);
    }
    this.doc.fillColor(COLOR.text);
  }

  bullets(lines: readonly string[]) {
    this.ensure(20);
    // pdfkit's list hangs the wrapped lines under the text, not under the bullet
    this.doc.font('regular').fontSize(10.5).list([...lines], this.doc.page.margins.left, this.doc.y, { width: this.width, bulletRadius: 1.6, textIndent: 12, lineGap: 2 });
    this.doc.x = this.doc.page.margins.left;
    this.doc.moveDown(0.5);
  }

  /** Label–value pairs, the label in bold. */
  facts(rows: [string, string][]) {
    for (const [label, value] of rows) {
      this.doc.font('bold').fontSize(10.5).text(`${label}: `, { continued: true }).font('regular').text(value, { width: this.width });
    }
    this.doc.moveDown(0.6);
  }

  /** A table with a bold header row repeated on each page; columns as fractions of the width, numbers right-aligned. */
  table(headers: string[], rows: string[][], fractions: number[], alignRight: number[] = []) {
    const left = this.doc.page.margins.left;
    const widths = fractions.map((f) => f * this.width);
    const padding = 4;
    const rowHeight = (cells: string[], bold: boolean) =>
      Math.max(...cells.map((cell, i) => this.doc.font(bold ? 'bold' : 'regular').fontSize(9.5).heightOfString(cell, { width: widths[i]! - 2 * padding }))) + 2 * padding;
    const drawRow = (cells: string[], bold: boolean) => {
      const height = rowHeight(cells, bold);
      const top = this.doc.y;
      let x = left;
      cells.forEach((cell, i) => {
        this.doc.font(bold ? 'bold' : 'regular').fontSize(9.5)
          .text(cell, x + padding, top + padding, { width: widths[i]! - 2 * padding, align: alignRight.includes(i) ? 'right' : 'left' });
        x += widths[i]!;
      });
      this.doc.moveTo(left, top + height).lineTo(left + this.width, top + height).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      this.doc.x = left;
      this.doc.y = top + height;
    };
    // a short table is kept on one page; a long one breaks between rows, repeating its header
    const whole = rowHeight(headers, true) + rows.reduce((sum, row) => sum + rowHeight(row, false), 0);
    this.ensure(whole < 260 ? whole : rowHeight(headers, true) + (rows[0] ? rowHeight(rows[0], false) : 0));
    drawRow(headers, true);
    for (const row of rows) {
      if (this.doc.y + rowHeight(row, false) > this.doc.page.height - this.doc.page.margins.bottom) {
        this.doc.addPage();
        drawRow(headers, true);
      }
      drawRow(row, false);
    }
    this.doc.font('regular').fontSize(10.5).moveDown(0.8);
  }

  /** Ends the document with "Side n av m" on every page and returns its bytes. */
  async finish(footer: (page: number, of: number) => string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.font('regular').fontSize(8.5).fillColor(COLOR.subtle)
        .text(footer(i + 1, range.count), this.doc.page.margins.left, this.doc.page.height - 40, { width: this.width, align: 'center' });
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    await done;
    return Buffer.concat(chunks);
  }
}
