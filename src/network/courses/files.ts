// Files attached to a course module: a strict allow-list of types, each recognised by its name's
// extension AND by its first bytes, so a renamed program or page is refused. They are served only
// as downloads (Content-Disposition: attachment, nosniff) with the type stored here.

export const MAX_FILE_MEGABYTES = 10;
export const MAX_FILE_BYTES = MAX_FILE_MEGABYTES * 1024 * 1024;

interface FileType {
  mediaType: string;
  extensions: string[];
  matches: (content: Buffer) => boolean;
}

const startsWith = (content: Buffer, bytes: number[]) => bytes.every((byte, i) => content[i] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An Office Open XML file is a zip whose entries name their part folder (word/, ppt/). */
const officeFile = (folder: string) => (content: Buffer) => startsWith(content, ZIP) && content.includes(Buffer.from(folder, 'latin1'));
/** Plain text: valid UTF-8, no control characters but tab and line ends. */
function plainText(content: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

export const FILE_TYPES: readonly FileType[] = [
  { mediaType: 'application/pdf', extensions: ['pdf'], matches: (c) => startsWith(c, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], matches: officeFile('word/') },
  { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], matches: officeFile('ppt/') },
  { mediaType: 'image/png', extensions: ['png'], matches: (c) => startsWith(c, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], matches: (c) => startsWith(c, [0xff, 0xd8, 0xff]) },
  { mediaType: 'text/plain', extensions: ['txt'], matches: plainText },
];

export type FileCheck = { ok: true; name: string; mediaType: string } | { ok: false; problem: 'none' | 'tooLarge' | 'type' | 'mismatch' | 'name' };

/** Whether an uploaded file may be kept: its name (without any folder), size, and type by extension and content. */
export function checkFile(fileName: string, content: Buffer): FileCheck {
  const name = fileName.split(/[\\/]/).pop()!.trim();
  if (content.length === 0) return { ok: false, problem: 'none' };
  if (content.length > MAX_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  if (!name || name.length > 200 || /[\u0000-\u001f\u007f-\u009f"]/.test(name)) return { ok: false, problem: 'name' };
  const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const type = FILE_TYPES.find((t) => t.extensions.includes(extension));
  if (!type) return { ok: false, problem: 'type' };
  if (!type.matches(content)) return { ok: false, problem: 'mismatch' };
  return { ok: true, name, mediaType: type.mediaType };
}

/** The Content-Disposition of a download: always an attachment, the name as ASCII and as UTF-8 (RFC 6266). */
export function attachmentHeader(name: string): string {
  const spelt = name.replace(/æ/g, 'ae').replace(/Æ/g, 'AE').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/å/g, 'a').replace(/Å/g, 'A');
  const ascii = spelt.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\;]/g, '_') || 'fil';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
