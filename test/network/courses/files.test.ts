import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentHeader, checkFile, MAX_FILE_BYTES } from '../../../src/network/courses/files.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const zipWith = (folder: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`....${folder}document.xml`)]);

test('the allow-list: PDF, DOCX, PPTX, PNG, JPEG and TXT, each recognised by name and first bytes', () => {
  assert.deepEqual(checkFile('hefte.pdf', Buffer.from('%PDF-1.7')), { ok: true, name: 'hefte.pdf', mediaType: 'application/pdf' });
  assert.equal(checkFile('Notat.DOCX', zipWith('word/')).ok, true);
  assert.equal(checkFile('lysark.pptx', zipWith('ppt/')).ok, true);
  assert.equal(checkFile('bilde.png', PNG).ok, true);
  assert.equal(checkFile('foto.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])).ok, true);
  assert.equal(checkFile('C:\\Users\\kari\\notater.txt', Buffer.from('Hei på deg\r\n')).ok, true);
  assert.equal((checkFile('C:\\Users\\kari\\notater.txt', Buffer.from('Hei')) as { name: string }).name, 'notater.txt', 'no folder from the client is kept');
});

test('other types, renamed files, empty and oversize files and odd names are refused', () => {
  const problem = (name: string, content: Buffer) => { const r = checkFile(name, content); return r.ok ? 'ok' : r.problem; };
  assert.equal(problem('side.html', Buffer.from('<html>')), 'type');
  assert.equal(problem('program.exe', Buffer.from('MZ')), 'type');
  assert.equal(problem('bilde.svg', Buffer.from('<svg/>')), 'type');
  assert.equal(problem('uten-endelse', Buffer.from('%PDF-')), 'type');
  assert.equal(problem('falsk.pdf', Buffer.from('<html><script>')), 'mismatch');
  assert.equal(problem('falsk.docx', zipWith('ppt/')), 'mismatch');
  assert.equal(problem('falsk.png', Buffer.from([0xff, 0xd8, 0xff])), 'mismatch');
  assert.equal(problem('binær.txt', Buffer.from([0x00, 0x01, 0x02])), 'mismatch');
  assert.equal(problem('tom.pdf', Buffer.alloc(0)), 'none');
  assert.equal(problem('stor.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(MAX_FILE_BYTES)])), 'tooLarge');
  assert.equal(problem('an"d.pdf', Buffer.from('%PDF-')), 'name');
  assert.equal(problem(`${'a'.repeat(200)}.pdf`, Buffer.from('%PDF-')), 'name');
});

test('downloads are attachments with an ASCII name and the real name in UTF-8', () => {
  assert.equal(attachmentHeader('Øvelser å gjøre.pdf'), "attachment; filename=\"Ovelser a gjore.pdf\"; filename*=UTF-8''%C3%98velser%20%C3%A5%20gj%C3%B8re.pdf");
  assert.equal(attachmentHeader('a;b.txt'), "attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%3Bb.txt");
});
