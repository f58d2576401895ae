import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import Fastify from 'fastify';
import { BOM, csvCell, csvFile, csvLine, sendCsvFile } from '../../src/platform/csv.ts';
import { parseCsv } from '../../src/directory/intake/imports/pipeline/csv.ts';

test('quotes only what needs quoting: the delimiter, quotes, line breaks and edge spaces', () => {
  const comma = { delimiter: ',' } as const;
  assert.equal(csvCell('Oslo', comma), 'Oslo');
  assert.equal(csvCell('Kor, band', comma), '"Kor, band"');
  assert.equal(csvCell('Kor, band', { delimiter: ';' }), 'Kor, band');
  assert.equal(csvCell('Si "hei"', comma), '"Si ""hei"""');
  assert.equal(csvCell('linje 1\nlinje 2', comma), '"linje 1\nlinje 2"');
  assert.equal(csvCell(' kant ', comma), '" kant "');
  assert.equal(csvCell(null, comma), '');
});

test('numbers get a decimal comma for Norwegian Excel (semicolon files) and a point otherwise', () => {
  assert.equal(csvCell(59.91, { delimiter: ';' }), '59,91');
  assert.equal(csvCell(59.91, { delimiter: ',' }), '59.91');
  assert.equal(csvLine(['a', 1.5, null, true], { delimiter: ';' }), 'a;1,5;;true\r\n');
});

test('a text cell a spreadsheet would run as a formula is defused with an apostrophe', () => {
  assert.equal(csvCell('=HYPERLINK("x")', { delimiter: ',' }), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvCell('-rus', { delimiter: ';' }), "'-rus");
  assert.equal(csvCell(-3, { delimiter: ';' }), '-3');
});

test('a whole file is the byte order mark, then the header and rows, each line ending in CRLF', () => {
  assert.equal(csvFile([['navn', 'antall'], ['Kor', 2.5], ['Band', null]], { delimiter: ';' }), `${BOM}navn;antall\r\nKor;2,5\r\nBand;\r\n`);
  assert.equal(csvFile([['navn']], { delimiter: ',' }), `${BOM}navn\r\n`);
});

test('sendCsvFile answers a download: text/csv in UTF-8, an attachment with the file name, the file as its body', async () => {
  const app = Fastify();
  app.get('/fil.csv', async (_request, reply) => sendCsvFile(reply, 'ideer.csv', [['id', 'tittel'], [1, 'Kor, band']], { delimiter: ',' }));
  try {
    const response = await app.inject('/fil.csv');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(response.headers['content-disposition'], 'attachment; filename="ideer.csv"');
    assert.equal(response.body, `${BOM}id,tittel\r\n1,"Kor, band"\r\n`);
    assert.equal(Number(response.headers['content-length']), Buffer.byteLength(response.body));
  } finally {
    await app.close();
  }
});

test('reading: byte order mark, Excel\'s sep= line, semicolons, quoted line breaks, line numbers of records', () => {
  const table = parseCsv(`${BOM}sep=;\r\nnavn;beskrivelse\r\nKor;"To\r\nlinjer; og ""sitat"""\r\nBand;Enkel\r\n`);
  assert.deepEqual(table.header, ['navn', 'beskrivelse']);
  assert.deepEqual(table.records.map((r) => [r.line, r.values.navn, r.values.beskrivelse]), [
    [3, 'Kor', 'To\r\nlinjer; og "sitat"'],
    [5, 'Band', 'Enkel'],
  ]);
  assert.deepEqual(parseCsv('a,b\n1,2,3\n').ragged, [{ line: 2, cells: 3 }]);
});

test('whatever is written reads back the same (property, 200 random tables)', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'æ', 'Ø', ' ', ',', ';', '"', '\n', '\r\n', '=', '1', '🎵') });
  fc.assert(fc.property(fc.constantFrom(',', ';'), fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (delimiter, rows) => {
    const rowsWithContent = rows.filter((r) => r.some((c) => c !== ''));
    const text = BOM + csvLine(['x', 'y', 'z'], { delimiter }) + rowsWithContent.map((r) => csvLine(r, { delimiter })).join('');
    const parsed = parseCsv(text);
    const unguard = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);
    assert.deepEqual(parsed.records.map((r) => [r.values.x ?? "", r.values.y ?? "", r.values.z ?? ""].map(unguard)), rowsWithContent);
  }), { numRuns: 200 });
});
