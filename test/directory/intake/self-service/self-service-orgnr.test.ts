import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidOrganizationNumber } from '../../../../src/directory/intake/self-service/index.ts';
import { checkDraft, formToDraft } from '../../../../src/directory/intake/self-service/draft.ts';

test('organisation numbers: the mod-11 check digit decides', () => {
  // 974760673: 9·3+7·2+4·7+7·6+6·5+0·4+6·3+7·2 = 173, 173 mod 11 = 8, 11 − 8 = 3 ✓
  // 983544622: 152 mod 11 = 9, check 2 ✓; 974820587: 158 mod 11 = 4, check 7 ✓ (spaces allowed)
  for (const valid of ['974760673', '983544622', '974 820 587']) assert.equal(isValidOrganizationNumber(valid), true, valid);
  for (const invalid of ['974760674', '974820585', '12345678', '1234567890', 'abcdefghi', '']) assert.equal(isValidOrganizationNumber(invalid), false, invalid);
  // 10000030x: 1·3 + 3·3 = 12, 12 mod 11 = 1 → check digit 10, never issued: no x makes it valid
  for (let x = 0; x <= 9; x++) assert.equal(isValidOrganizationNumber(`10000030${x}`), false);
});

test('the service form: blank rows are dropped, numbers accept a decimal comma, errors point at the typed row', () => {
  const { draft } = formToDraft({ name: 'Band', description: 'x', fte: '0,5', 'phone-0-number': '', 'phone-1-number': '22 33 44 55', 'phone-2-description': '' });
  const d = draft as { fte: number; phones: { number: string }[] };
  assert.equal(d.fte, 0.5);
  assert.deepEqual(d.phones.map((p) => p.number), ['22 33 44 55']);
  const check = checkDraft({ name: 'Band', description: 'x', 'phone-3-number': 'ring meg', minimumAge: 'tolv', maximumAge: '10', term: 'niva:finnes-ikke' }, { forSubmit: false });
  assert.equal(check.draft, null);
  assert.equal(check.errors['phone-3-number'], 'number');
  assert.equal(check.errors.minimumAge, 'minimumAge');
  assert.equal(check.errors.terms, 'terms');
});

test('a draft may be incomplete; sending it for approval needs a description, a service level and a place', () => {
  assert.ok(checkDraft({ name: 'Bare et navn' }, { forSubmit: false }).draft);
  const submit = checkDraft({ name: 'Bare et navn' }, { forSubmit: true });
  assert.equal(submit.draft, null);
  assert.deepEqual(Object.values(submit.errors).sort(), ['descriptionRequired', 'levelRequired', 'placeRequired']);
  assert.ok(checkDraft({ name: 'Digitalt', description: 'Over video', term: ['niva:oppfolging', 'format:digital'] }, { forSubmit: true }).draft);
  assert.equal(checkDraft({ name: 'Alder', minimumAge: '30', maximumAge: '20' }, { forSubmit: false }).errors.maximumAge, 'ageOrder');
});
