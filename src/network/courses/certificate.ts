// Course certificates. A participant whose completion is recorded downloads one as a PDF; the first
// download issues it: a random code (12 characters from an alphabet without look-alikes, about 60
// bits) and the name and course title as they are then. The public page /nettverket/kurs/bevis/:code
// says whether a code belongs to a certificate Samklang issued and shows only the name, the course,
// the run's dates, the responsible organisation and the issue date. Deleting the account deletes
// the certificate: its code then verifies as not found.
import { randomInt } from 'node:crypto';
import type { Db, Tx } from '../../platform/db/index.ts';
import { formatDate, msg } from '../../platform/i18n/index.ts';
import { newId } from '../../platform/ids.ts';
import { PdfWriter } from '../../handbook/index.ts';
import { formatHours } from './forms.ts';
import { runDates } from './views/format.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_PATTERN = '^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$';

export function newCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((group) => group.join('')).join('-');
}

/** A typed code as stored: upper case, dashes where they belong (the alphabet has no 0, 1, I or O to confuse). */
export function normaliseCode(text: string): string | null {
  const plain = text.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-HJ-NP-Z2-9]{12}$/.test(plain)) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}

export interface CertificateFacts {
  code: string;
  participant_name: string;
  course_title: string;
  issued_at: Date;
  starts_at: Date;
  ends_at: Date;
  length_hours: number;
  format: 'fysisk' | 'digitalt' | 'kombinert';
  organization_name: string;
  is_demo: boolean;
}

function certificateQuery(db: Tx) {
  return db.selectFrom('network_course_certificate as k').innerJoin('network_registration as r', 'r.id', 'k.registration_id')
    .innerJoin('network_event as e', 'e.id', 'r.event_id').innerJoin('network_course as c', 'c.id', 'e.course_id')
    .innerJoin('network_organization as o', 'o.id', 'c.organization_id')
    .select(['k.code', 'k.participant_name', 'k.course_title', 'k.issued_at', 'e.starts_at', 'e.ends_at', 'c.length_hours', 'c.format',
      'o.name as organization_name', 'c.is_demo']);
}

export async function findCertificate(db: Tx, code: string): Promise<CertificateFacts | undefined> {
  return certificateQuery(db).where('k.code', '=', code).executeTakeFirst();
}

export type IssueOutcome = { kind: 'issued'; certificate: CertificateFacts } | { kind: 'notCompleted' } | { kind: 'needName' };

/** The certificate of a completed registration of this account, issued now if it has none yet. */
export async function issueCertificate(db: Db, registrationId: string, userId: string, now: Date): Promise<IssueOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('network_registration as r').innerJoin('network_course_participation as p', 'p.registration_id', 'r.id')
      .innerJoin('network_event as e', 'e.id', 'r.event_id').innerJoin('network_course as c', 'c.id', 'e.course_id')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .select(['r.id', 'u.name', 'c.title', 'p.completed_at'])
      .where('r.id', '=', registrationId).where('r.user_id', '=', userId).where('r.status', '=', 'registered').executeTakeFirst();
    if (!row?.completed_at) return { kind: 'notCompleted' };
    const existing = await certificateQuery(trx).where('k.registration_id', '=', registrationId).executeTakeFirst();
    if (existing) return { kind: 'issued', certificate: existing };
    const name = row.name?.trim();
    if (!name) return { kind: 'needName' };
    let code = newCode();
    // a clash of two random codes is all but impossible; a unique index settles it if it happens
    while (await trx.selectFrom('network_course_certificate').select('id').where('code', '=', code).executeTakeFirst()) code = newCode();
    // two downloads at once: the second finds the first one's certificate
    await trx.insertInto('network_course_certificate').values({ id: newId(), registration_id: registrationId, code, participant_name: name, course_title: row.title, issued_at: now })
      .onConflict((oc) => oc.column('registration_id').doNothing()).execute();
    return { kind: 'issued', certificate: (await certificateQuery(trx).where('k.registration_id', '=', registrationId).executeTakeFirstOrThrow()) };
  });
}

/** The certificate as an A4 PDF (title and language set, as the planner's documents are). */
export async function certificatePdf(certificate: CertificateFacts, verifyUrl: string): Promise<Buffer> {
  const m = msg.networkCourses.certificate;
  const c = msg.networkCourses;
  const pdf = new PdfWriter(`${m.pdfTitle}: ${certificate.course_title}`);
  pdf.title(m.pdfTitle, m.issuer);
  pdf.paragraph(m.pdfIntro);
  pdf.heading(certificate.participant_name);
  pdf.paragraph(m.pdfCompleted);
  pdf.heading(certificate.course_title);
  pdf.facts([
    [m.facts.dates, runDates(certificate.starts_at, certificate.ends_at)],
    [m.facts.length, c.hours(formatHours(certificate.length_hours))],
    [m.facts.format, c.formats[certificate.format]],
    [m.facts.organization, certificate.organization_name],
    [m.facts.issued, formatDate(certificate.issued_at)],
    [m.facts.code, certificate.code],
  ]);
  if (certificate.is_demo) pdf.paragraph(m.demoNote);
  pdf.paragraph(m.verifyAt(verifyUrl), { subtle: true });
  return pdf.finish(() => m.verifyAt(verifyUrl));
}
