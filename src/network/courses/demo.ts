// Demo content for `npm start` (DEMO_DATA=on): one clearly fictional course with two modules and
// one run about two months ahead, run by a fictional organisation. Everything here is flagged
// is_demo and named "(fiktiv)"/"Eksempel"; it states no facts, studies or people.
import type { Db } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { fromOsloWallTime, osloWallTime } from '../../platform/oslo-time.ts';
import { findCourse } from './queries.ts';
import { createCourse, createModule, createRun } from './writes.ts';

const ORGANIZATION_SLUG = 'eksempel-kursarrangor';

export async function loadDemoCourses(db: Db, now: Date = new Date()): Promise<void> {
  if (await db.selectFrom('network_course').select('id').where('is_demo', '=', true).executeTakeFirst()) return;
  let organization = await db.selectFrom('network_organization').select('id').where('slug', '=', ORGANIZATION_SLUG).executeTakeFirst();
  if (!organization) {
    organization = { id: newId() };
    await db.insertInto('network_organization').values({
      id: organization.id, slug: ORGANIZATION_SLUG, name: 'Eksempel kursarrangør (fiktiv)', network_role: 'member', kind: 'other',
      description: 'En fiktiv organisasjon som bare finnes i demoversjonen, for å vise hvordan kurs ser ut.', is_demo: true,
    }).execute();
  }
  const slug = await createCourse(db, {
    title: 'Musikk i recoveryarbeid – introduksjon for erfaringskonsulenter',
    summary: 'Et eksempelkurs som viser hvordan kurskatalogen ser ut. Kurset er fiktivt.',
    audiences: ['erfaringskonsulenter', 'kommune'],
    learningGoals: 'Kjenne til hva musikkterapi i rus- og psykisk helsetjenester kan være\nKunne fortelle brukere hvor de finner et tilbud\nKjenne til egen rolle som erfaringskonsulent i samarbeid med en musikkterapeut',
    format: 'kombinert', lengthHours: 6, organizationId: organization.id, status: 'published',
  }, 'system', { isDemo: true });
  const course = (await findCourse(db, slug))!;
  await createModule(db, course.id, {
    title: 'Hva er musikkterapi?', position: 1,
    body: 'Eksempeltekst (fiktivt kurs).\n\n### Innhold\n\n- Hva en musikkterapeut gjør\n- Hvor tilbudene finnes: bruk søket i Samklang\n- Hvilke nasjonale faglige retningslinjer som omtaler musikkterapi: se etableringsveilederen',
  }, 'system');
  await createModule(db, course.id, {
    title: 'Erfaringskompetanse i praksis', position: 2,
    body: 'Eksempeltekst (fiktivt kurs).\n\n### Oppgave\n\nTenk gjennom hvordan du kan fortelle om et musikktilbud til en som ikke har prøvd det før.',
  }, 'system');
  const day = osloWallTime(new Date(now.getTime() + 60 * 24 * 3600_000)).date;
  await createRun(db, course, {
    startsAt: fromOsloWallTime(day, '09:00')!, endsAt: fromOsloWallTime(day, '15:00')!, place: 'Digitalt (eksempel)', onlineUrl: null,
    capacity: 20, deadline: null, accessibility: 'Eksempel: teksting i det digitale møtet.', status: 'published',
  }, 'system', { isDemo: true });
}
