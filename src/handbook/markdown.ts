import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

export interface TocEntry {
  id: string;
  text: string;
  level: 2 | 3;
}
export interface RenderedSection {
  html: string;
  toc: TocEntry[];
  /** the text without Markdown marks, for search and snippets */
  text: string;
}

// Raw HTML off: an admin's Markdown can never inject markup or scripts (the CSP would block
// inline ones anyway). markdown-it also refuses javascript: and data: links by default.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** "Hva sier retningslinjene?" → "hva-sier-retningslinjene": ids readable in a URL, Norwegian letters spelt out. */
export function headingId(text: string): string {
  const spelt = text.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a');
  return spelt.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'avsnitt';
}

/** Renders a section body to HTML with an id on every heading and a table of contents from ## and ###. */
export function renderMarkdown(body: string): RenderedSection {
  const tokens = markdown.parse(body, {});
  const toc: TocEntry[] = [];
  const used = new Map<string, number>();
  const words: string[] = [];
  tokens.forEach((token, index) => {
    if (token.type === 'inline') words.push(plainText(token));
    if (token.type === 'table_open') token.attrSet('class', 'ds-table');
    if (token.type !== 'heading_open') return;
    const inline = tokens[index + 1];
    const text = inline ? plainText(inline) : '';
    const base = headingId(text);
    const count = used.get(base) ?? 0;
    used.set(base, count + 1);
    const id = count === 0 ? base : `${base}-${count + 1}`;
    token.attrSet('id', id);
    const level = Number(token.tag.slice(1));
    if (level === 2 || level === 3) toc.push({ id, text, level });
  });
  return { html: markdown.renderer.render(tokens, markdown.options, {}), toc, text: words.join('\n') };
}

function plainText(inline: Token): string {
  return (inline.children ?? [])
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type.endsWith('break') ? ' ' : ''))
    .join('');
}

/** Level-1 headings in a body would give a page two h1s: the title is the only one. */
export function hasTopLevelHeading(body: string): boolean {
  return markdown.parse(body, {}).some((token) => token.type === 'heading_open' && token.tag === 'h1');
}
