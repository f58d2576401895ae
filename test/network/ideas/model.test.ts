import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isInternalPath, linksText, parseLinks, parsePercent } from '../../../src/network/ideas/model.ts';
import { normaliseDate as parseDate } from '../../../src/platform/forms/index.ts';

test('internal links: only paths under the site\'s known sections', () => {
  for (const path of ['/dekning', '/dekning?fylke=56', '/dekning/kommune/5601', '/tilbud/3f1c2a8e-3b7d-4c59-9e0a-5d2b8f4e7a13', '/nettverket/kurs/erfaringskonsulenter', '/veileder/forankring']) {
    assert.equal(isInternalPath(path), true, path);
  }
  for (const path of ['https://evil.example/', '//evil.example/dekning', '/dekningx', '/konto', 'dekning', '/dekning/<script>', '/dekning\\evil', '/dekning#x"', 'javascript:alert(1)', `/dekning/${'a'.repeat(300)}`]) {
    assert.equal(isInternalPath(path), false, path);
  }
});

test('the links field: one "path label" per line, the first bad line named, at most 20', () => {
  assert.deepEqual(parseLinks('/dekning?fylke=56 Dekningen i Finnmark\n\n  /nettverket/kurs  Kurs  '), { links: [{ path: '/dekning?fylke=56', label: 'Dekningen i Finnmark' }, { path: '/nettverket/kurs', label: 'Kurs' }] });
  assert.deepEqual(parseLinks('/dekning Ok\n/dekning'), { badLine: 2 }, 'a path without a label');
  assert.deepEqual(parseLinks('/dekning Ok\r\nhttps://evil.example Ondt'), { badLine: 2 });
  assert.deepEqual(parseLinks(Array.from({ length: 21 }, (_, i) => `/dekning/kommune/${1000 + i} K`).join('\n')), { badLine: 0 });
  const links = [{ path: '/tilbud', label: 'Finn tilbud' }];
  assert.deepEqual(parseLinks(linksText(links)), { links });
});

test('dates: Norwegian or ISO, impossible dates refused', () => {
  assert.equal(parseDate('1.3.2027'), '2027-03-01');
  assert.equal(parseDate('2027-03-01'), '2027-03-01');
  assert.equal(parseDate('  '), null);
  // one reading for every form date (platform/oslo-time.ts): ISO without leading zeros is as clear as with them
  assert.equal(parseDate('2027-1-1'), '2027-01-01');
  for (const bad of ['31.02.2027', '2027-02-29', '2027-13-01', '00.01.2027', 'i morgen', '1.1.27']) assert.equal(parseDate(bad), undefined, bad);
  assert.equal(parseDate('29.02.2028'), '2028-02-29');
});

test('progress: a whole percent from 0 to 100', () => {
  assert.equal(parsePercent('0'), 0);
  assert.equal(parsePercent('100 %'), 100);
  assert.equal(parsePercent(''), null);
  for (const bad of ['101', '-1', '12.5', 'halvveis', '1e2']) assert.equal(parsePercent(bad), undefined, bad);
});
