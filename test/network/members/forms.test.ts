import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkOrganization, httpsUrl, slugFromName, type OrganizationValues } from '../../../src/network/members/forms.ts';

const VALUES: OrganizationValues = { navn: 'Mental Helse Ung', slug: '', rolle: 'guest', type: 'user_organisation', beskrivelse: '', bidrag: '', kontaktpunkt: '', nettsted: '', kilde: '' };

test('a slug is made from the name with Norwegian letters spelt out', () => {
  assert.equal(slugFromName('Mental Helse Ung'), 'mental-helse-ung');
  assert.equal(slugFromName('Fagrådet – Rusfeltets hovedorganisasjon'), 'fagradet-rusfeltets-hovedorganisasjon');
  assert.equal(slugFromName('Norges musikkhøgskole'), 'norges-musikkhogskole');
  assert.equal(slugFromName('Bærum Café'), 'baerum-cafe');
  assert.equal(slugFromName('– – –'), '');
  assert.ok(slugFromName('a '.repeat(100)).length <= 80);
  assert.doesNotMatch(slugFromName('a '.repeat(100)), /-$/);
});

test('only https web addresses with a host name are taken', () => {
  assert.ok(httpsUrl('https://www.mentalhelse.example'));
  assert.equal(httpsUrl('http://www.mentalhelse.example'), null);
  assert.equal(httpsUrl('https://localhost'), null);
  assert.equal(httpsUrl('https://user:pw@eksempel.no'), null);
  assert.equal(httpsUrl('javascript:alert(1)'), null);
});

test('the organisation form refuses reserved slugs, a name that makes no slug, and control characters', () => {
  assert.deepEqual(checkOrganization(VALUES), { slug: 'mental-helse-ung', problems: {} });
  assert.equal(checkOrganization({ ...VALUES, slug: 'foresporsler' }).problems.slug, 'slugReserved');
  assert.equal(checkOrganization({ ...VALUES, slug: 'ny' }).problems.slug, 'slugReserved');
  assert.equal(checkOrganization({ ...VALUES, navn: '???' }).problems.slug, 'slugFromName');
  assert.equal(checkOrganization({ ...VALUES, nettsted: 'https://' }).problems.nettsted, 'nettsted');
  assert.equal(checkOrganization({ ...VALUES, navn: 'Mental\u0007Helse' }).problems.navn, 'navn');
});
