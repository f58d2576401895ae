import type { Db } from '../platform/db/index.ts';
import { CONTENT_DIR, readSectionFiles, type SectionFile } from './content.ts';
import { renderMarkdown } from './markdown.ts';
import { findSection, insertSection, replaceFromFile, type NewSection } from './queries.ts';

export interface SyncReport {
  added: string[];
  updated: string[];
  /** the file changed, but an admin had edited the section in the browser: the database version is kept */
  keptBrowserEdits: string[];
}

export function sectionFromFile(file: SectionFile): NewSection {
  const fm = file.frontMatter;
  return {
    slug: file.slug, sourcePath: file.path, part: fm.part, order: fm.order, title: fm.title, summary: fm.summary,
    sources: fm.sources, checklist: fm.checklist, body: file.body, bodyText: renderMarkdown(file.body).text,
    status: fm.status, lastReviewed: fm.last_reviewed, fileChecksum: file.checksum,
  };
}

/**
 * Brings the content files into the database, idempotently. The rule:
 * - a new file becomes a section (revision 1);
 * - a file whose text is unchanged since the last sync or export is skipped;
 * - a changed file replaces the section, with a new revision, unless an admin has edited the
 *   section in the browser since then. The browser edit wins and is reported; `npm run
 *   handbook:export` writes it back to the file, where the two versions can be merged in git.
 * Sections are never deleted by a sync: a removed file leaves its section (and plans' links) alone.
 */
export async function syncHandbookContent(db: Db, dir = CONTENT_DIR): Promise<SyncReport> {
  const files = readSectionFiles(dir);
  const report: SyncReport = { added: [], updated: [], keptBrowserEdits: [] };
  await db.transaction().execute(async (trx) => {
    for (const file of files) {
      const existing = await findSection(trx, file.slug);
      if (!existing) {
        await insertSection(trx, sectionFromFile(file), { origin: 'file', author: null, note: null });
        report.added.push(file.slug);
      } else if (existing.file_checksum !== file.checksum) {
        if (existing.edited_in_db) report.keptBrowserEdits.push(file.slug);
        else {
          await replaceFromFile(trx, existing.id, sectionFromFile(file));
          report.updated.push(file.slug);
        }
      }
    }
  });
  return report;
}
