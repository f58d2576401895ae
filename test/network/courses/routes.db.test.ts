import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { backends } from '../../helpers/db.ts';
import { appSuite } from '../../helpers/app.ts';
import { PASSWORD, Visitor, anAccount } from '../../accounts/client.ts';
import { aMember, aNetworkOrganization } from './factories.ts';

const COURSE = {
  tittel: 'Musikk og mestring for erfaringskonsulenter', sammendrag: 'Et kurs om musikk i recoveryarbeid.',
  malgrupper: ['erfaringskonsulenter', 'ledere'], laeringsmal: 'Kjenne til musikkterapi\nKunne henvise videre', kursform: 'kombinert',
  omfang: '7,5', status: 'published',
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

for (const backend of backends()) {
  describe(`course catalogue and editing on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    let app: FastifyInstance;
    let org = '';
    let ip = 10;
    const as = async (email: string) => {
      const visitor = new Visitor(app, `10.0.5.${ip++}`);
      const page = await visitor.signIn(email, PASSWORD);
      assert.equal(page.status, 303, `sign-in of ${email}`);
      return visitor;
    };
    let secretariat: Visitor;

    const suite = appSuite(backend.name, { env: { JOB_WORKER: 'off' } });
    before(() => ({ database, app } = suite));
    before(async () => {
      org = await aNetworkOrganization(database.db, 'Kursorganisasjonen');
      await aMember(database.db, 'koordinator@nettverk.example', org, 'coordinator', 'Kari Koordinator');
      await aMember(database.db, 'kontakt@nettverk.example', org, 'member_contact');
      await anAccount(database.db, { email: 'vanlig@example.no' });
      secretariat = await as('koordinator@nettverk.example');
    });

    const createCourse = async (values: Record<string, string | string[]> = {}) => {
      await secretariat.get('/nettverket/kurs/ny');
      return secretariat.post('/nettverket/kurs/ny', { ...COURSE, organisasjon: org, ...values });
    };

    test('the secretariat creates a course, and the catalogue and course page show it with its facts', async () => {
      const created = await createCourse();
      assert.equal(created.status, 303);
      assert.equal(created.location, '/nettverket/kurs/musikk-og-mestring-for-erfaringskonsulenter');
      const catalogue = await new Visitor(app).get('/nettverket/kurs');
      assert.equal(catalogue.status, 200);
      const row = catalogue.$('.course-list > li').filter((_, el) => catalogue.$(el).text().includes('Musikk og mestring'));
      assert.match(row.text(), /Erfaringskonsulenter, Ledere/);
      assert.match(row.text(), /7,5 timer/);
      assert.match(row.text(), /Kursorganisasjonen/);
      const page = await new Visitor(app).get(created.location!);
      assert.equal(page.$('h1').text(), 'Musikk og mestring for erfaringskonsulenter');
      assert.deepEqual(page.$('#goals-heading').next('ul').find('li').map((_, el) => page.$(el).text()).get(), ['Kjenne til musikkterapi', 'Kunne henvise videre']);
      assert.match(page.$('dl.facts').text(), /Kombinert/);
    });

    test('only the secretariat may create or edit courses: others are refused, the public is asked to sign in', async () => {
      assert.equal((await new Visitor(app).get('/nettverket/kurs/ny')).status, 401);
      for (const email of ['kontakt@nettverk.example', 'vanlig@example.no']) {
        const visitor = await as(email);
        assert.equal((await visitor.get('/nettverket/kurs/ny')).status, 403, email);
        assert.equal((await visitor.post('/nettverket/kurs/ny', { ...COURSE, organisasjon: org })).status, 403, email);
        assert.equal((await visitor.post('/nettverket/kurs/musikk-og-mestring-for-erfaringskonsulenter/rediger', { ...COURSE, organisasjon: org, tittel: 'Kapret' })).status, 403, email);
      }
      assert.equal((await database.db.selectFrom('network_course').select('title').where('title', '=', 'Kapret').execute()).length, 0);
    });

    test('bad input: every problem named in Norwegian beside its field, and everything typed kept', async () => {
      const page = await createCourse({ tittel: 'Kurs med feil', malgrupper: [], kursform: 'hologram', omfang: 'seks timer', organisasjon: 'ingen' });
      assert.equal(page.status, 400);
      assert.match(page.$('title').text(), /^Feil:/);
      assert.match(page.$('#malgrupper-error').text(), /Velg hvem kurset er for/);
      assert.match(page.$('#kursform-error').text(), /fysisk, digitalt eller kombinert/);
      assert.match(page.$('#omfang-error').text(), /timer/);
      assert.match(page.$('#organisasjon-error').text(), /organisasjonen/);
      assert.equal(page.$('#tittel').val(), 'Kurs med feil');
      assert.equal(page.$('#omfang').val(), 'seks timer');
      assert.equal(page.$('#laeringsmal').text(), 'Kjenne til musikkterapi\nKunne henvise videre');
      assert.equal(page.$('.ds-error-summary a[href="#omfang"]').length, 1);
    });

    test('a draft course is seen only by the secretariat', async () => {
      const created = await createCourse({ tittel: 'Hemmelig utkast', status: 'draft' });
      assert.equal((await new Visitor(app).get(created.location!)).status, 404);
      assert.doesNotMatch((await new Visitor(app).get('/nettverket/kurs')).$('main').text(), /Hemmelig utkast/);
      assert.equal((await secretariat.get(created.location!)).status, 200);
    });

    test('modules in order with Markdown, edits audited; a module heading above ### is refused', async () => {
      const course = '/nettverket/kurs/musikk-og-mestring-for-erfaringskonsulenter';
      await secretariat.get(`${course}/moduler/ny`);
      assert.equal((await secretariat.post(`${course}/moduler/ny`, { tittel: 'Andre modul', nummer: '2', innhold: '### Oppgave\n\nSkriv **tre** ting.' })).status, 303);
      await secretariat.get(`${course}/moduler/ny`);
      const bad = await secretariat.post(`${course}/moduler/ny`, { tittel: 'Første modul', nummer: '1', innhold: '## For stor overskrift' });
      assert.equal(bad.status, 400);
      assert.match(bad.$('#innhold-error').text(), /###/);
      assert.equal(bad.$('#innhold').text(), '## For stor overskrift');
      assert.equal((await secretariat.post(`${course}/moduler/ny`, { tittel: 'Første modul', nummer: '1', innhold: 'Velkommen <script>alert(1)</script>' })).status, 303);
      const page = await new Visitor(app).get(course);
      const headings = page.$('section.course-module h2').map((_, el) => page.$(el).text()).get();
      assert.deepEqual(headings, ['Modul 1: Første modul', 'Modul 2: Andre modul']);
      assert.equal(page.$('section.course-module strong').text(), 'tre');
      assert.equal(page.$('section.course-module script').length, 0, 'raw HTML is never rendered');
      const audited = await database.db.selectFrom('audit_log').select(['field_name']).where('resource_type', '=', 'network_course_module').execute();
      assert.ok(audited.some((a) => a.field_name === 'body'));
    });

    test('files: allowed types are kept and served as attachments; wrong types, renamed files and oversize files are refused', async () => {
      const course = '/nettverket/kurs/musikk-og-mestring-for-erfaringskonsulenter';
      const module = await database.db.selectFrom('network_course_module').select('id').where('title', '=', 'Første modul').executeTakeFirstOrThrow();
      const modulePage = `${course}/moduler/${module.id}`;
      await secretariat.get(modulePage);
      const uploaded = await secretariat.upload(`${modulePage}/filer`, [{ field: 'fil', name: 'Arbeidshefte æøå.pdf', content: PDF }]);
      assert.equal(uploaded.status, 303);

      for (const [name, content, message] of [
        ['virus.exe', Buffer.from('MZ....'), /Filtypen er ikke tillatt/],
        ['side.html', Buffer.from('<html></html>'), /Filtypen er ikke tillatt/],
        ['forkledd.pdf', Buffer.from('<html><script>alert(1)</script></html>'), /stemmer ikke med filtypen/],
        ['tom.txt', Buffer.alloc(0), /Velg en fil/],
      ] as const) {
        await secretariat.get(modulePage);
        const refused = await secretariat.upload(`${modulePage}/filer`, [{ field: 'fil', name, content }]);
        assert.equal(refused.status, 400, name);
        assert.match(refused.$('#fil-error').text(), message, name);
        assert.equal(refused.$('#tittel').val(), 'Første modul', 'the module form is still filled in');
      }
      await secretariat.get(modulePage);
      const large = await secretariat.upload(`${modulePage}/filer`, [{ field: 'fil', name: 'stor.pdf', content: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }]);
      assert.equal(large.status, 413);
      assert.match(large.$('#fil-error').text(), /høyst 10 MB/);
      const stored = await database.db.selectFrom('network_course_material').select(['id', 'file_name', 'media_type']).execute();
      assert.deepEqual(stored.map((s) => s.file_name), ['Arbeidshefte æøå.pdf']);

      const download = await app.inject({ method: 'GET', url: `/nettverket/kurs/filer/${stored[0]!.id}` });
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.match(String(download.headers['content-disposition']), /^attachment; filename="Arbeidshefte aeoa.pdf"; filename\*=UTF-8''Arbeidshefte%20/);
      assert.equal(download.headers['x-content-type-options'], 'nosniff');
      assert.deepEqual(download.rawPayload, PDF);

      // only the secretariat uploads
      const contact = await as('kontakt@nettverk.example');
      await contact.get(course);
      assert.equal((await contact.upload(`${modulePage}/filer`, [{ field: 'fil', name: 'a.pdf', content: PDF }])).status, 403);
      const refusedLarge = await contact.upload(`${modulePage}/filer`, [{ field: 'fil', name: 'stor.pdf', content: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }]);
      assert.equal(refusedLarge.status, 403, 'a large file from someone else is refused before it is read');
      assert.equal(refusedLarge.$('#tittel').length, 0);
    });
  });
}
