import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isEmailAddress, isWebUrl, parentCycleOf } from '../../src/directory/model.ts';
import { safeHref } from '../../src/directory/finder/views/components.tsx';

// Issue #10, item 12: only http(s) addresses are stored or linked, whatever the spelling.
const REFUSED = [
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'vbscript:msgbox(1)', 'VBScript:msgbox(1)', 'file:///etc/passwd', '//evil.example/',
  '/relativ/sti', 'https:evil.example', 'https:/evil.example', 'https://', 'https:// evil.example', 'https://evil.example/\u0000', 'https://evil\u0007.example',
  'https://trusted.example@evil.example/', 'https:\\\\evil.example', 'http://exa mple.no', 'ftp://example.no', 'mailto:a@example.no', 'tel:+4722000000',
  'https://example.no/\u3000',
];
const ACCEPTED = ['https://example.no', 'http://example.no/side?a=1&b=2#del', 'HTTPS://EXAMPLE.NO/', 'https://bø.kommune.no/musikk', 'https://example.no:8443/x@y'];

test('a web address is http or https with a host: every other scheme and every disguise of one is refused', () => {
  for (const value of REFUSED) assert.equal(isWebUrl(value), false, JSON.stringify(value));
  for (const value of ACCEPTED) assert.equal(isWebUrl(value), true, value);
});

test('stored data becomes a link only when it is safe: web addresses as they are, email addresses as mailto:', () => {
  for (const value of REFUSED) assert.equal(safeHref('web', value), null, JSON.stringify(value));
  assert.equal(safeHref('web', 'https://example.no'), 'https://example.no');
  assert.equal(safeHref('email', 'post@example.no'), 'mailto:post@example.no');
  for (const value of ['javascript:alert(1)@x.no', 'a@b.no?subject=x', 'a@b.no\nbcc:c@d.no', 'a"onmouseover="x@y.no', 'ikke en adresse']) {
    assert.equal(isEmailAddress(value), false, JSON.stringify(value));
    assert.equal(safeHref('email', value), null, JSON.stringify(value));
  }
});

test('an organisation that would be its own ancestor is found, with the chain; a loop above it is not blamed on it', () => {
  const parents = new Map<string, string | null>([['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'a'], ['e', 'e'], ['f', null], ['g', 'f']]);
  const parentOf = (id: string) => parents.get(id);
  assert.deepEqual(parentCycleOf('a', parentOf), ['a', 'b', 'c', 'a']);
  assert.deepEqual(parentCycleOf('e', parentOf), ['e', 'e']);
  assert.equal(parentCycleOf('d', parentOf), null);
  assert.equal(parentCycleOf('g', parentOf), null);
  assert.equal(parentCycleOf('x', parentOf), null);
});
