import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grantableRoles, refusalToDecide } from '../../../src/network/members/rules.ts';
import type { NetworkRoles } from '../../../src/network/roles.ts';

const NAPHA = 'org-napha';
const RIO = 'org-rio';
const contact: NetworkRoles = { secretariat: false, member: true, contactOf: [NAPHA], memberOf: [NAPHA] };
const participant: NetworkRoles = { secretariat: false, member: true, contactOf: [], memberOf: [NAPHA] };
const secretariat: NetworkRoles = { secretariat: true, member: true, contactOf: [], memberOf: [] };
const request = (organization_id: string, user_id = 'someone') => ({ user_id, organization_id });

test('a member contact decides only for their own organisation, and never grants coordinator', () => {
  assert.equal(refusalToDecide(contact, 'me', request(NAPHA), 'participant'), null);
  assert.equal(refusalToDecide(contact, 'me', request(NAPHA), 'member_contact'), null);
  assert.equal(refusalToDecide(contact, 'me', request(NAPHA), 'coordinator'), 'coordinator');
  assert.equal(refusalToDecide(contact, 'me', request(RIO), 'participant'), 'not_decider');
  assert.deepEqual(grantableRoles(contact), ['participant', 'member_contact']);
});

test('a participant decides nothing; the secretariat decides everywhere and grants coordinator', () => {
  assert.equal(refusalToDecide(participant, 'me', request(NAPHA), 'participant'), 'not_decider');
  assert.equal(refusalToDecide(secretariat, 'me', request(RIO), 'coordinator'), null);
  assert.deepEqual(grantableRoles(secretariat), ['participant', 'member_contact', 'coordinator']);
});

test('nobody decides their own request, not even the secretariat', () => {
  assert.equal(refusalToDecide(secretariat, 'me', request(RIO, 'me'), 'participant'), 'own');
  assert.equal(refusalToDecide(contact, 'me', request(NAPHA, 'me'), 'participant'), 'own');
});
