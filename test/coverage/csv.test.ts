import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toCsv } from '../../src/coverage/csv.ts';

describe('CSV files', () => {
  it('start with a byte-order mark and end lines with CRLF', () => {
    assert.equal(toCsv(['a', 'b'], [[1, 'x']]), '\uFEFFa,b\r\n1,x\r\n');
  });

  it('quote cells with delimiters or quotes, and leave missing values empty', () => {
    assert.equal(toCsv(['name', 'n'], [['Nord, Sør "og" Øst', null]]), '\uFEFFname,n\r\n"Nord, Sør ""og"" Øst",\r\n');
  });

  it('with semicolons, write decimal commas as Norwegian spreadsheets expect', () => {
    assert.equal(toCsv(['x'], [[0.1 + 0.2]], ';'), '\uFEFFx\r\n0,3\r\n');
  });

  it('guard a name a spreadsheet would run as a formula with an apostrophe, but not negative numbers', () => {
    assert.equal(toCsv(['name', 'change'], [['=HYPERLINK("x")', -0.5]]), '\uFEFFname,change\r\n"\'=HYPERLINK(""x"")",-0.5\r\n');
  });
});
