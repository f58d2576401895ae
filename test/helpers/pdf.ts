import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Checks a PDF from PdfWriter is tagged PDF/UA as poppler reads it (pdfinfo, pdftotext from
 * poppler-utils): marked as tagged and as PDF/UA-1 in its metadata, with its title shown and its
 * language set, one Document element at the top of the structure, and every word on its pages
 * inside that structure, except the words of `artifacts` (the page footer, which is marked as an
 * artifact). Returns the structure as `pdfinfo -struct-text` prints it, for further checks.
 */
export function assertTaggedPdf(pdf: Buffer | Uint8Array, options: { language: string; artifacts?: RegExp }): string {
  const dir = mkdtempSync(join(tmpdir(), 'samklang-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /^Tagged:\s+yes$/m, 'marked as tagged');
    assert.match(info, /^Suspects:\s+no$/m);
    const metadata = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    assert.match(metadata, /<pdfuaid:part>1<\/pdfuaid:part>/, 'identified as PDF/UA-1');
    const raw = Buffer.from(pdf).toString('latin1');
    assert.match(raw, /\/DisplayDocTitle true/, 'the viewer shows the title, not the file name');
    assert.ok(raw.includes(`/Lang (${options.language})`), `language ${options.language}`);

    const structure = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    assert.match(structure, /^Document\b/, 'one Document element at the top');
    // words as runs of letters and digits; pdftotext joins a word broken with a hyphen at a line's
    // end ("a7c55e72-" + "ee92"), so a word it shows may also be found in the tagged text run together
    const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
    const taggedWords = words([...structure.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join(' '));
    const tagged = new Set(taggedWords);
    const runTogether = taggedWords.join('');
    const shown = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(new RegExp(options.artifacts?.source ?? '$^', 'g'), ' ');
    const untagged = [...new Set(words(shown))].filter((word) => !tagged.has(word) && !runTogether.includes(word));
    assert.deepEqual(untagged, [], 'words on the pages outside the structure');
    return structure;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
