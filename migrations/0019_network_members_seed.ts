import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// The organisations of the national network for music therapy in rus and mental health, as facts:
// names and their role in the network only, each with the text it comes from. Nothing else is
// known from the sources (no descriptions, addresses, people or web sites), so those stay empty
// until the secretariat fills them in. Inserted once; a slug already present is left as it is, so
// the secretariat's later edits are never overwritten.
const SEMINAR_NEWS = 'Nyhetssak fra nettverket om det første arbeidsseminaret om hvordan flere kan få tilbud om musikkterapi (torsdag 9. februar; året står ikke i kopien prosjektet har).';
const HOSTS = `${SEMINAR_NEWS} Vertskapet var nettverket: Fagrådet, NAPHA, fem KoRus (kompetansesenter rus), Norges musikkhøgskole, Universitetet i Bergen og ressurssenteret for musikkterapi i kommunene – Fredrikstad kommune.`;
const GUESTS = `${SEMINAR_NEWS} Gjestene var brukerorganisasjonene Mental Helse, Mental Helse Ung, Erfaringssentrum, RIO og A-larm.`;

type Seed = { slug: string; name: string; role: 'member' | 'guest'; kind: string; description?: string; source: string };

const ORGANISATIONS: Seed[] = [
  { slug: 'fagradet', name: 'Fagrådet – Rusfeltets hovedorganisasjon', role: 'member', kind: 'professional', source: HOSTS },
  { slug: 'napha', name: 'NAPHA', role: 'member', kind: 'competence_centre', source: HOSTS },
  {
    slug: 'korus', name: 'Fem KoRus (regionale kompetansesentre rus)', role: 'member', kind: 'competence_centre', source: HOSTS,
    // a note on our own data, not a description of the centres
    description: 'Kilden sier at fem KoRus er med, men ikke hvilke. Derfor står de her som én gruppe til det er kjent hvilke fem det er.',
  },
  { slug: 'norges-musikkhogskole', name: 'Norges musikkhøgskole', role: 'member', kind: 'education', source: HOSTS },
  { slug: 'universitetet-i-bergen', name: 'Universitetet i Bergen', role: 'member', kind: 'education', source: HOSTS },
  { slug: 'fredrikstad-kommune', name: 'Ressurssenter for musikkterapi i kommunene – Fredrikstad kommune', role: 'member', kind: 'service', source: HOSTS },
  { slug: 'mental-helse', name: 'Mental Helse', role: 'guest', kind: 'user_organisation', source: GUESTS },
  { slug: 'mental-helse-ung', name: 'Mental Helse Ung', role: 'guest', kind: 'user_organisation', source: GUESTS },
  { slug: 'erfaringssentrum', name: 'Erfaringssentrum', role: 'guest', kind: 'user_organisation', source: GUESTS },
  { slug: 'rio', name: 'RIO', role: 'guest', kind: 'user_organisation', source: GUESTS },
  { slug: 'a-larm', name: 'A-larm', role: 'guest', kind: 'user_organisation', source: GUESTS },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.insertInto('network_organization').values(ORGANISATIONS.map((o) => ({
    id: randomUUID(), slug: o.slug, name: o.name, network_role: o.role, kind: o.kind,
    description: o.description ?? '', source: o.source, is_demo: false,
  }))).onConflict((oc) => oc.column('slug').doNothing()).execute();
}
