import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCells } from '../../src/coverage/csv.ts';
import { csvFile } from '../../src/platform/csv.ts';

describe('CSV files of the atlas', () => {
  it('start with a byte-order mark and end lines with CRLF', () => {
    assert.equal(csvFile(csvCells(['a', 'b'], [[1, 'x']]), { delimiter: ',' }), '\uFEFFa,b\r\n1,x\r\n');
  });

  it('quote cells with delimiters or quotes, and leave missing values empty', () => {
    assert.equal(csvFile(csvCells(['name', 'n', 'm'], [['Nord, Sør "og" Øst', null, undefined]]), { delimiter: ',' }), '\uFEFFname,n,m\r\n"Nord, Sør ""og"" Øst",,\r\n');
  });

  it('round away float noise, and with semicolons write decimal commas as Norwegian spreadsheets expect', () => {
    assert.deepEqual(csvCells(['x'], [[0.1 + 0.2]]), [['x'], [0.3]]);
    assert.equal(csvFile(csvCells(['x'], [[0.1 + 0.2]]), { delimiter: ';' }), '\uFEFFx\r\n0,3\r\n');
  });

  it('guard a name a spreadsheet would run as a formula with an apostrophe, but not negative numbers', () => {
    assert.equal(csvFile(csvCells(['name', 'change'], [['=HYPERLINK("x")', -0.5]]), { delimiter: ',' }), '\uFEFFname,change\r\n"\'=HYPERLINK(""x"")",-0.5\r\n');
  });
});
