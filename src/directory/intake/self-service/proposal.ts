import type { Db } from '../../../platform/db/index.ts';
import { titleCase } from '../../../reference/index.ts';
import type { ServiceAggregate } from '../../model.ts';
import { checkDraft, draftToAggregate, type FormValues, type ServiceDraft } from './draft.ts';
import { msg } from '../../../platform/i18n/index.ts';

/** Message for a field error key from draft.ts; unknown keys fall back to "too long". */
function draftErrorMessage(key: string): string {
  const errors: Record<string, string> = msg.selfService.errors;
  return errors[key] ?? msg.selfService.errors.tooLong;
}

type Places = Map<string, { municipalityNumber: string; city: string; county: string }>;

/** Municipality, place name and county of each postal code (Svalbard's have no municipality). */
async function placesOf(db: Db, codes: string[]): Promise<Places> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('postal_code as p').innerJoin('municipality as m', 'm.number', 'p.municipality_number')
    .innerJoin('county as c', 'c.number', 'm.county_number')
    .select(['p.code', 'p.place', 'm.number', 'c.name as county']).where('p.code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, { municipalityNumber: r.number, city: titleCase(r.place), county: r.county }]));
}

export type Proposal = { ok: true; aggregate: ServiceAggregate } | { ok: false; errors: Record<string, string> };

/** A checked draft as a service aggregate, or the field errors in Norwegian (postal codes looked up). */
export async function proposalFromDraft(db: Db, draft: ServiceDraft, base: Parameters<typeof draftToAggregate>[1], fieldOfLocation: (i: number) => string): Promise<Proposal> {
  const places = await placesOf(db, [...new Set(draft.locations.map((l) => l.postalCode))]);
  const errors: Record<string, string> = {};
  draft.locations.forEach((l, i) => {
    if (!places.has(l.postalCode)) errors[fieldOfLocation(i)] = draftErrorMessage('postalUnknown');
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, aggregate: draftToAggregate(draft, base, places) };
}

/** The service form as a proposal: schema check, then the places of the postal codes. */
export async function proposalFromForm(db: Db, values: FormValues, base: Parameters<typeof draftToAggregate>[1], forSubmit: boolean): Promise<Proposal> {
  const check = checkDraft(values, { forSubmit });
  if (!check.draft) return { ok: false, errors: Object.fromEntries(Object.entries(check.errors).map(([id, key]) => [id, draftErrorMessage(key)])) };
  return proposalFromDraft(db, check.draft, base, (i) => `location-${check.rowOf.locations?.[i] ?? i}-postalCode`);
}
