// The organisation form of the secretariat: its schema, and the checks a schema cannot make
// (a slug made from the name, reserved and taken slugs, a web address that parses).
import { Type } from '@sinclair/typebox';
import { FormBody } from '../../platform/forms/index.ts';
import { hasControlCharacter } from '../../platform/text.ts';
import type { NetworkOrganizationKind, NetworkRole } from '../../platform/db/schema/index.ts';

export const NETWORK_ROLES = ['member', 'guest', 'secretariat'] as const satisfies readonly NetworkRole[];
export const KINDS = ['professional', 'competence_centre', 'education', 'service', 'user_organisation', 'other'] as const satisfies readonly NetworkOrganizationKind[];

const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** Paths under /nettverket/medlemmer/ that are pages of their own, not organisations. */
const RESERVED_SLUGS = new Set(['ny', 'foresporsler']);

const Text = (maxLength: number) => Type.String({ maxLength });
export const OrganizationBody = FormBody({
  navn: Type.String({ maxLength: 200, pattern: '\\S' }),
  slug: Type.String({ maxLength: 80, pattern: `^$|${SLUG_PATTERN}` }),
  rolle: Type.Union(NETWORK_ROLES.map((r) => Type.Literal(r))),
  type: Type.Union(KINDS.map((k) => Type.Literal(k))),
  beskrivelse: Text(4000),
  bidrag: Text(4000),
  kontaktpunkt: Text(500),
  nettsted: Type.String({ maxLength: 500, pattern: '^$|^https://\\S+$' }),
  kilde: Text(1000),
});
export const ORGANIZATION_FIELDS = ['navn', 'slug', 'rolle', 'type', 'beskrivelse', 'bidrag', 'kontaktpunkt', 'nettsted', 'kilde'] as const;
export type OrganizationValues = Record<(typeof ORGANIZATION_FIELDS)[number], string>;

/** A slug from a name: ASCII letters and digits with single hyphens ("Mental Helse Ung" → "mental-helse-ung"). */
export function slugFromName(name: string): string {
  return name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
}

/** A web address that browsers will open as https, or null. */
export function httpsUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password ? url.toString() : null;
  } catch {
    return null;
  }
}

export type OrganizationProblem = 'slugReserved' | 'slugFromName' | 'nettsted' | 'navn' | 'kontaktpunkt';

/** The checks after the schema: which fields are wrong, and the slug to use. */
export function checkOrganization(values: OrganizationValues): { slug: string; problems: Partial<Record<keyof OrganizationValues, OrganizationProblem>> } {
  const problems: Partial<Record<keyof OrganizationValues, OrganizationProblem>> = {};
  const slug = values.slug.trim() || slugFromName(values.navn);
  if (!slug) problems.slug = 'slugFromName';
  else if (RESERVED_SLUGS.has(slug)) problems.slug = 'slugReserved';
  if (values.nettsted.trim() && !httpsUrl(values.nettsted.trim())) problems.nettsted = 'nettsted';
  if (hasControlCharacter(values.navn)) problems.navn = 'navn';
  if (hasControlCharacter(values.kontaktpunkt)) problems.kontaktpunkt = 'kontaktpunkt';
  return { slug, problems };
}

/** The row values of a checked form. */
export function organizationColumns(values: OrganizationValues, slug: string) {
  const website = values.nettsted.trim();
  return {
    slug,
    name: values.navn.trim(),
    network_role: values.rolle as NetworkRole,
    kind: values.type as NetworkOrganizationKind,
    description: values.beskrivelse.trim(),
    contribution: values.bidrag.trim(),
    contact_point: values.kontaktpunkt.trim(),
    website: website || null,
    source: values.kilde.trim(),
  };
}
