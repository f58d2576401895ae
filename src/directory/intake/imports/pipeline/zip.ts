import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { msg } from '../../../../platform/i18n/index.ts';

/**
 * A zip of an HSDS tabular package (the official one is 22 CSV files and datapackage.json; the
 * web import takes fewer files than that) read into files of text, in memory, never on disk.
 * Bounded: entries, bytes per entry and bytes in all are counted as they are inflated, so a
 * zip bomb stops at the limit whatever its headers claim. An entry whose name climbs out of the
 * package (.., an absolute path, a drive) refuses the whole zip.
 */
export interface ZipLimits {
  entries: number;
  entryBytes: number;
  totalBytes: number;
}
export const ZIP_LIMITS: ZipLimits = { entries: 100, entryBytes: 25 * 1024 * 1024, totalBytes: 25 * 1024 * 1024 };

export const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A name that stays inside the package: relative, no .. segment, no drive, no backslash tricks. */
const safeEntryName = (name: string) =>
  name.length > 0 && name.length <= 500 && !name.startsWith('/') && !/^[A-Za-z]:/.test(name) && !name.includes('\\') && !name.includes('\u0000')
  && !name.split('/').some((segment) => segment === '..');

/** Folders, and what archivers add beside the files (macOS resource forks, hidden files). */
const skipped = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/') || name.split('/').some((segment) => segment.startsWith('.'));

export type Unzipped = { files: { name: string; text: string }[] } | { error: string };

/** The files of a zip as text (UTF-8), named by their path inside it; or why the zip is refused. */
export function unzipFiles(zipName: string, bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Unzipped {
  const m = msg.hsdsImport.zip;
  const entries: { name: string; chunks: Uint8Array[]; size: number }[] = [];
  let total = 0;
  let error: string | null = null;
  const unzip = new Unzip((file) => {
    if (error) return;
    if (entries.length + 1 > limits.entries) {
      error = m.tooManyEntries(zipName, limits.entries);
      return;
    }
    if (!safeEntryName(file.name)) {
      error = m.unsafeName(zipName, file.name);
      return;
    }
    if (skipped(file.name)) return;
    const entry = { name: file.name, chunks: [] as Uint8Array[], size: 0 };
    entries.push(entry);
    file.ondata = (failure, chunk) => {
      if (error) return;
      if (failure) {
        error = m.invalid(zipName);
        return;
      }
      entry.size += chunk.length;
      total += chunk.length;
      if (entry.size > limits.entryBytes || total > limits.totalBytes) {
        error = m.tooLarge(zipName, Math.round(limits.totalBytes / 1024 / 1024));
        file.terminate();
        return;
      }
      entry.chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    unzip.push(bytes, true);
  } catch {
    return { error: m.invalid(zipName) };
  }
  if (error) return { error };
  if (entries.length === 0) return { error: m.empty(zipName) };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files: { name: string; text: string }[] = [];
  for (const entry of entries) {
    const bytesOf = new Uint8Array(entry.size);
    let at = 0;
    for (const chunk of entry.chunks) {
      bytesOf.set(chunk, at);
      at += chunk.length;
    }
    try {
      files.push({ name: entry.name, text: decoder.decode(bytesOf).replace(/^\uFEFF/, '') });
    } catch {
      return { error: m.notUtf8(zipName, entry.name) };
    }
  }
  return { files };
}
