import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

/** A poppler-utils tool (pdfinfo, pdftotext) run on a PDF given on its standard input ('-'). */
const poppler = (tool: string, args: string[], pdf: Buffer | Uint8Array): string =>
  execFileSync(tool, [...args, '-', ...(tool === 'pdftotext' ? ['-'] : [])], { input: pdf, encoding: 'utf8' });

/** What pdfinfo says of a PDF (title, pages, tagged, …), as it prints it. */
export const pdfInfo = (pdf: Buffer | Uint8Array): string => poppler('pdfinfo', [], pdf);

/** A PDF's text as pdftotext reads it (UTF-8; `layout`: in its columns, as printed). */
export const pdfText = (pdf: Buffer | Uint8Array, options: { layout?: boolean } = {}): string =>
  poppler('pdftotext', [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8'], pdf);

/**
 * Checks a PDF from PdfWriter is tagged PDF/UA as poppler reads it (pdfinfo, pdftotext from
 * poppler-utils): marked as tagged and as PDF/UA-1 in its metadata, with its title shown and its
 * language set, one Document element at the top of the structure, and every word on its pages
 * inside that structure, except the words of `artifacts` (the page footer, which is marked as an
 * artifact). Returns the structure as `pdfinfo -struct-text` prints it, for further checks.
 */
export function assertTaggedPdf(pdf: Buffer | Uint8Array, options: { language: string; artifacts?: RegExp }): string {
  const info = pdfInfo(pdf);
  assert.match(info, /^Tagged:\s+yes$/m, 'marked as tagged');
  assert.match(info, /^Suspects:\s+no$/m);
  assert.match(poppler('pdfinfo', ['-meta'], pdf), /<pdfuaid:part>1<\/pdfuaid:part>/, 'identified as PDF/UA-1');
  const raw = Buffer.from(pdf).toString('latin1');
  assert.match(raw, /\/DisplayDocTitle true/, 'the viewer shows the title, not the file name');
  assert.ok(raw.includes(`/Lang (${options.language})`), `language ${options.language}`);

  const structure = poppler('pdfinfo', ['-struct-text'], pdf);
  assert.match(structure, /^Document\b/, 'one Document element at the top');
  // words as runs of letters and digits; pdftotext joins a word broken with a hyphen at a line's
  // end ("a7c55e72-" + "ee92"), so a word it shows may also be found in the tagged text run together
  const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const taggedWords = words([...structure.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join(' '));
  const tagged = new Set(taggedWords);
  const runTogether = taggedWords.join('');
  const shown = pdfText(pdf).replace(new RegExp(options.artifacts?.source ?? '$^', 'g'), ' ');
  const untagged = [...new Set(words(shown))].filter((word) => !tagged.has(word) && !runTogether.includes(word));
  assert.deepEqual(untagged, [], 'words on the pages outside the structure');
  return structure;
}
