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

/**
 * A simple A4 document writer: headings, paragraphs, lists and tables that break across pages.
 *
 * The documents are tagged PDF/UA (pdfkit's own support): every piece of text sits in the logical
 * structure a screen reader follows (H1, H2, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure with its
 * alternative text), in reading order, under one Document element; what only decorates or repeats
 * (rules, a table's header row repeated on a new page, the page footer) is marked as an artifact.
 * The title is shown instead of the file name and the language is set.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  /** the Document element every block is added to, in the order it is written */
  private readonly root: PDFKit.PDFStructureElement;

  constructor(title: string) {
    this.doc = new PDFDocument({
      size: 'A4', margins: { top: 56, bottom: 64, left: 62, right: 62 }, bufferPages: true,
      // pdfkit 0.20 takes 'PDF/UA' (it adds the pdfuaid part to the XMP metadata); @types/pdfkit 0.17 lists only PDF/A
      pdfVersion: '1.7', tagged: true, subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
      lang: localeTag(), displayTitle: true, info: { Title: title, Author: 'Samklang', Creator: 'Samklang' },
    });
    this.doc.registerFont('regular', font('DejaVuSans.ttf'));
    this.doc.registerFont('bold', font('DejaVuSans-Bold.ttf'));
    this.doc.font('regular').fontSize(10.5).fillColor(COLOR.text);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  /** One block of the document's structure (`H1`, `P`, …): what `draw` writes is its content. */
  block(type: string, draw: () => void, options: { alt?: string; bbox?: [number, number, number, number] } = {}) {
    // pdfkit writes `bbox` as the element's Layout attribute (a Figure's place on the page); its types lack it
    this.root.add(this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, draw));
  }

  /** Drawing that carries no content of its own (a rule, a repeated header): hidden from the structure. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private ensure(height: number) {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  title(text: string, subtitle?: string) {
    this.block('H1', () => this.doc.font('bold').fontSize(18).text(text, { width: this.width }));
    if (subtitle) this.block('P', () => this.doc.font('regular').fontSize(12).fillColor(COLOR.subtle).text(subtitle, { width: this.width }).fillColor(COLOR.text));
    this.doc.moveDown(0.8);
  }

  heading(text: string) {
    // room for the heading and what follows, so a heading never ends a page alone
    this.ensure(150);
    this.doc.moveDown(0.6);
    this.block('H2', () => this.doc.font('bold').fontSize(13).text(text, { width: this.width }));
    this.doc.moveDown(0.3).font('regular').fontSize(10.5);
  }

  paragraph(text: string, options: { subtle?: boolean } = {}) {
    for (const block of text.split(/\n{2,}/)) {
      this.block('P', () => this.doc.font('regular').fontSize(options.subtle ? 9.5 : 10.5).fillColor(options.subtle ? COLOR.subtle : COLOR.text)
        .text(block.trim(), { width: this.width, lineGap: 2 }));
      this.doc.moveDown(0.5);
    }
    this.doc.fillColor(COLOR.text);
  }

  bullets(lines: readonly string[]) {
    this.ensure(20);
    // pdfkit's list hangs the wrapped lines under the text, not under the bullet, and tags each
    // item as LI with the bullet as its Lbl and the text as its LBody
    const list = this.doc.struct('L');
    this.root.add(list);
    this.doc.font('regular').fontSize(10.5).list([...lines], this.doc.page.margins.left, this.doc.y, { width: this.width, bulletRadius: 1.6, textIndent: 12, lineGap: 2, structParent: list });
    list.end();
    this.doc.x = this.doc.page.margins.left;
    this.doc.moveDown(0.5);
  }

  /** Label–value pairs, the label in bold. */
  facts(rows: [string, string][]) {
    for (const [label, value] of rows) {
      this.block('P', () => this.doc.font('bold').fontSize(10.5).text(`${label}: `, { continued: true }).font('regular').text(value, { width: this.width }));
    }
    this.doc.moveDown(0.6);
  }

  /**
   * A table with a bold header row repeated on each page; columns as fractions of the width,
   * numbers right-aligned. Tagged as a table whose header cells name their columns; a header row
   * repeated on a later page is an artifact, so a screen reader meets it once.
   */
  table(headers: string[], rows: string[][], fractions: number[], alignRight: number[] = []) {
    const left = this.doc.page.margins.left;
    const widths = fractions.map((f) => f * this.width);
    const padding = 4;
    const rowHeight = (cells: string[], bold: boolean) =>
      Math.max(...cells.map((cell, i) => this.doc.font(bold ? 'bold' : 'regular').fontSize(9.5).heightOfString(cell, { width: widths[i]! - 2 * padding }))) + 2 * padding;
    const table = this.doc.struct('Table');
    this.root.add(table);
    const drawRow = (cells: string[], kind: 'header' | 'repeated header' | 'row') => {
      const bold = kind !== 'row';
      const height = rowHeight(cells, bold);
      const top = this.doc.y;
      const row = kind === 'repeated header' ? null : this.doc.struct('TR');
      if (row) table.add(row);
      let x = left;
      cells.forEach((cell, i) => {
        const draw = () => this.doc.font(bold ? 'bold' : 'regular').fontSize(9.5)
          .text(cell, x + padding, top + padding, { width: widths[i]! - 2 * padding, align: alignRight.includes(i) ? 'right' : 'left' });
        // pdfkit writes `scope` as the cell's Table attribute (/Scope /Column); its types lack it
        if (row) row.add(this.doc.struct(bold ? 'TH' : 'TD', (bold ? { scope: 'Column' } : {}) as PDFKit.Mixins.StructureElementOptions, draw));
        else this.artifact(draw, 'Pagination');
        x += widths[i]!;
      });
      row?.end();
      this.artifact(() => this.doc.moveTo(left, top + height).lineTo(left + this.width, top + height).lineWidth(0.5).strokeColor(COLOR.rule).stroke());
      this.doc.x = left;
      this.doc.y = top + height;
    };
    // a short table is kept on one page; a long one breaks between rows, repeating its header
    const whole = rowHeight(headers, true) + rows.reduce((sum, row) => sum + rowHeight(row, false), 0);
    this.ensure(whole < 260 ? whole : rowHeight(headers, true) + (rows[0] ? rowHeight(rows[0], false) : 0));
    drawRow(headers, 'header');
    for (const row of rows) {
      if (this.doc.y + rowHeight(row, false) > this.doc.page.height - this.doc.page.margins.bottom) {
        this.doc.addPage();
        drawRow(headers, 'repeated header');
      }
      drawRow(row, 'row');
    }
    table.end();
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
      this.artifact(() => this.doc.font('regular').fontSize(8.5).fillColor(COLOR.subtle)
        .text(footer(i + 1, range.count), this.doc.page.margins.left, this.doc.page.height - 40, { width: this.width, align: 'center' }), 'Pagination');
      this.doc.page.margins.bottom = bottom;
    }
    this.root.end();
    this.doc.end();
    await done;
    return Buffer.concat(chunks);
  }
}
