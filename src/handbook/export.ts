import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../platform/db/index.ts';
import { CONTENT_DIR, checksum, formatSection } from './content.ts';
import { listSections, markExported, type SectionRow } from './queries.ts';

/** A section as its content file would read. */
export function sectionFileText(section: SectionRow): string {
  return formatSection({
    title: section.title, order: section.sort_order, part: section.part, summary: section.summary, sources: section.sources,
    last_reviewed: section.last_reviewed, status: section.status, checklist: section.checklist,
  }, section.body);
}

/**
 * Writes the sections admins changed in the browser back to their files, and marks them as in
 * step with the files again. Unedited sections are left alone: their file may be newer than the
 * database (edited in git, not yet synced), and exporting would undo that. A section whose file
 * also changed is written all the same; git then shows both versions to merge by hand.
 */
export async function exportHandbook(db: Db, dir = CONTENT_DIR): Promise<string[]> {
  const written: string[] = [];
  for (const section of await listSections(db)) {
    if (!section.edited_in_db) continue;
    const text = sectionFileText(section);
    const file = join(dir, section.source_path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, 'utf8');
    await markExported(db, section.id, checksum(text));
    written.push(section.source_path);
  }
  return written;
}
