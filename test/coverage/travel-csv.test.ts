import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTravelTimeCsv } from '../../src/coverage/travel-csv.ts';

describe('travel-time CSV', () => {
  it('reads a clean file with a BOM, CRLF line ends and a blank line', () => {
    const parsed = parseTravelTimeCsv('\uFEFFfrom,to,minutes\r\n0301,4601,420\r\n\r\n0301,0301,12.5\r\n');
    assert.deepEqual(parsed, {
      ok: true,
      rows: [{ from: '0301', to: '4601', minutes: 420 }, { from: '0301', to: '0301', minutes: 12.5 }],
      errors: [],
    });
  });

  it('accepts columns in any order, quoted cells, and semicolons with decimal commas', () => {
    const parsed = parseTravelTimeCsv('"minutes";"to";"from"\n"7,5";"4601";"0301"\n');
    assert.deepEqual(parsed.rows, [{ from: '0301', to: '4601', minutes: 7.5 }]);
  });

  it('reports every bad row with its line number and keeps the good ones', () => {
    const text = [
      'from,to,minutes',
      '0301,4601,420', // line 2: fine
      '0301,4601', // line 3: too few values
      ',4601,10', // line 4: empty from
      '0301,,10', // line 5: empty to
      '0301,5001,abc', // line 6: not a number
      '0301,5001,-3', // line 7: negative
      '0301,4601,400', // line 8: duplicate of line 2
      '0301,5001,1e3', // line 9: exponent notation is not accepted as minutes
      '1103,5001,300', // line 10: fine
    ].join('\n');
    const parsed = parseTravelTimeCsv(text);
    assert.equal(parsed.ok, false);
    assert.deepEqual(parsed.rows.map((r) => r.from), ['0301', '1103']);
    assert.deepEqual(parsed.errors.map((e) => e.line), [3, 4, 5, 6, 7, 8, 9]);
    assert.match(parsed.errors[0]!.message, /Expected 3 values but found 2/);
    assert.match(parsed.errors[5]!.message, /already appears on line 2/);
  });

  it('refuses a file without the expected header', () => {
    const parsed = parseTravelTimeCsv('a,b,c\n0301,4601,420');
    assert.equal(parsed.ok, false);
    assert.deepEqual(parsed.rows, []);
    assert.deepEqual(parsed.errors.map((e) => e.line), [1]);
  });

  it('treats an empty text as a missing header', () => {
    assert.equal(parseTravelTimeCsv('').errors[0]!.line, 1);
  });
});
