// Course runs: creating and editing them (the course's organisers), the run page with sign-up,
// attendance and completion (organisers), a person's own courses, certificates and their public check.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbid, requireUser } from '../../accounts/index.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import { FormBody, type Errors } from '../../platform/forms/index.ts';
import type { App } from '../../platform/http/app.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { mayApproveFor, networkRoles } from '../roles.ts';
import { certificatePdf, findCertificate, issueCertificate, normaliseCode } from './certificate.ts';
import { cancelEnrolment, closedReason, enrol, waitingPosition } from './enrolment.ts';
import { checkRun, RunBody, runValues, type RunValues } from './forms.ts';
import { myCourses } from './mine.ts';
import { findCourse, findCourseById, findRun, listParticipants, type CourseRow, type RunRow } from './queries.ts';
import { Id, Slug } from './routes.ts';
import { createRun, saveAttendance, updateRun, type AttendanceMark } from './writes.ts';
import { MyCoursesPage } from './views/my-courses.tsx';
import { RunFormPage, emptyRun } from './views/run-form.tsx';
import { RunPage } from './views/run-page.tsx';
import { VerifyPage } from './views/verify-page.tsx';

const IdParams = Type.Object({ id: Id });
const NoticeQuery = Type.Object({ melding: Type.Optional(Type.String({ maxLength: 20 })) });

export async function courseRunRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const m = msg.networkCourses;
  const c = paths.network.courses;
  const now = () => config.clock.now();
  const NOTICES: Record<string, string> = { pameldt: m.run.registeredNotice, venteliste: m.run.waitingNotice, avmeldt: m.run.cancelledNotice, oppmote: m.run.attendanceSaved };

  const mayOrganise = async (request: FastifyRequest, course: CourseRow) => mayApproveFor(await networkRoles(db, request), course.organization_id);

  /** The run and its course as the viewer may see them: drafts (and draft courses) only for organisers. */
  async function visibleRun(request: FastifyRequest, id: string): Promise<{ run: RunRow; course: CourseRow; organiser: boolean } | undefined> {
    const run = await findRun(db, id);
    const course = run && await findCourseById(db, run.course_id);
    if (!run || !course) return undefined;
    const organiser = await mayOrganise(request, course);
    if ((run.status === 'draft' || course.status === 'draft') && !organiser) return undefined;
    return { run, course, organiser };
  }

  // ---- creating and editing runs: the secretariat and the course organisation's member contacts ----
  async function organisedCourse(request: FastifyRequest, reply: FastifyReply, slug: string): Promise<CourseRow | undefined> {
    if (!request.user) {
      await requireUser(request, reply);
      return undefined;
    }
    const course = await findCourse(db, slug);
    if (!course) {
      await reply.callNotFound();
      return undefined;
    }
    if (!(await mayOrganise(request, course))) {
      await forbid(request, reply);
      return undefined;
    }
    return course;
  }

  const runForm = (reply: FastifyReply, request: FastifyRequest, course: CourseRow, run: RunRow | null, values: RunValues, errors: Errors, status = 200) =>
    sendPage(reply, RunFormPage({
      title: run ? m.runForm.editTitle(course.title) : m.runForm.createTitle(course.title), action: run ? c.editRun(run.id) : c.newRun(course.slug),
      submit: run ? m.runForm.submitEdit : m.runForm.submitCreate, values, errors, csrfToken: request.csrfToken,
    }), status);

  const SlugParams = Type.Object({ slug: Slug });
  app.get(c.newRun(), { schema: { params: SlugParams }, attachValidation: true }, async (request, reply) => {
    if (request.validationError) return reply.callNotFound();
    const course = await organisedCourse(request, reply, request.params.slug);
    if (!course) return reply;
    return runForm(reply, request, course, null, emptyRun(), {});
  });

  app.post(c.newRun(), { schema: { params: SlugParams, body: RunBody }, attachValidation: true }, async (request, reply) => {
    const course = await organisedCourse(request, reply, request.params.slug);
    if (!course) return reply;
    const { values, errors, input } = checkRun(request);
    if (!input) return runForm(reply, request, course, null, values, errors, 400);
    const id = await createRun(db, course, input, request.user!.id);
    return reply.redirect(c.run(id), 303);
  });

  async function organisedRun(request: FastifyRequest, reply: FastifyReply, id: string) {
    if (!request.user) {
      await requireUser(request, reply);
      return undefined;
    }
    const found = await visibleRun(request, id);
    if (!found) {
      await reply.callNotFound();
      return undefined;
    }
    if (!found.organiser) {
      await forbid(request, reply);
      return undefined;
    }
    return found;
  }

  app.get(c.editRun(), { schema: { params: IdParams }, attachValidation: true }, async (request, reply) => {
    if (request.validationError) return reply.callNotFound();
    const found = await organisedRun(request, reply, request.params.id);
    if (!found) return reply;
    return runForm(reply, request, found.course, found.run, runValues(found.run), {});
  });

  app.post(c.editRun(), { schema: { params: IdParams, body: RunBody }, attachValidation: true }, async (request, reply) => {
    const found = await organisedRun(request, reply, request.params.id);
    if (!found) return reply;
    const { values, errors, input } = checkRun(request);
    if (!input) return runForm(reply, request, found.course, found.run, values, errors, 400);
    await updateRun(db, found.run, input, request.user!.id, { now: now(), publicUrl: config.publicUrl });
    return reply.redirect(c.run(found.run.id), 303);
  });

  // ---- the run page ----
  async function runPage(request: FastifyRequest, reply: FastifyReply, found: { run: RunRow; course: CourseRow; organiser: boolean }, extra: { notice?: string | undefined; errors?: Errors; marks?: Record<string, { attendance: string; completed: boolean }> } = {}, status = 200) {
    const { run, course, organiser } = found;
    let me = null;
    if (request.user) {
      const own = await db.selectFrom('network_registration').select('status').where('event_id', '=', run.id).where('user_id', '=', request.user.id).executeTakeFirst();
      const state = own?.status === 'registered' || own?.status === 'waiting' ? own.status : 'none';
      me = { status: state, waitingPosition: state === 'waiting' ? await waitingPosition(db, run.id, request.user.id) : null } as const;
    }
    const participants = organiser ? await listParticipants(db, run.id) : [];
    return sendPage(reply, RunPage({
      course, run, me, closed: closedReason(run, now()), notice: extra.notice, csrfToken: request.csrfToken,
      loginUrl: `${paths.accounts.login}?neste=${encodeURIComponent(c.run(run.id))}`,
      organiser: organiser ? { participants, marks: extra.marks ?? {}, errors: extra.errors ?? {}, mayMark: run.starts_at <= now(), canEdit: true } : null,
    }), status);
  }

  app.get(c.run(), { schema: { params: IdParams, querystring: NoticeQuery }, attachValidation: true }, async (request, reply) => {
    const found = request.validationError ? undefined : await visibleRun(request, request.params.id);
    if (!found) return reply.callNotFound();
    return runPage(request, reply, found, { notice: NOTICES[request.query.melding ?? ''] });
  });

  app.post(c.register(), { preHandler: requireUser, schema: { params: IdParams } }, async (request, reply) => {
    const found = await visibleRun(request, request.params.id);
    if (!found) return reply.callNotFound();
    const outcome = await enrol(db, found.run.id, request.user!.id, now(), config.publicUrl);
    if (outcome.kind === 'notFound') return reply.callNotFound();
    // a closed run: the page says why, with the state it is in
    if (outcome.kind === 'closed') return runPage(request, reply, found, {}, 409);
    return reply.redirect(`${c.run(found.run.id)}?melding=${outcome.kind === 'registered' ? 'pameldt' : 'venteliste'}`, 303);
  });

  app.post(c.cancel(), { preHandler: requireUser, schema: { params: IdParams } }, async (request, reply) => {
    const found = await visibleRun(request, request.params.id);
    if (!found) return reply.callNotFound();
    const cancelled = await cancelEnrolment(db, found.run.id, request.user!.id, now(), config.publicUrl);
    return reply.redirect(cancelled ? `${c.run(found.run.id)}?melding=avmeldt` : c.run(found.run.id), 303);
  });

  // ---- attendance and completion: the run's organisers, once it has started ----
  app.post(c.attendance(), { schema: { params: IdParams, body: FormBody({}) } }, async (request, reply) => {
    const found = await organisedRun(request, reply, request.params.id);
    if (!found) return reply;
    const body = request.body as Record<string, unknown>;
    const participants = (await listParticipants(db, found.run.id)).filter((p) => p.status === 'registered');
    const marks: AttendanceMark[] = participants.map((p) => {
      const attendance = body[`oppmote-${p.registration_id}`];
      return {
        registrationId: p.registration_id,
        attendance: attendance === 'attended' || attendance === 'absent' ? attendance : null,
        completed: body[`fullfort-${p.registration_id}`] === 'ja',
      };
    });
    const errors: Errors = {};
    if (found.run.starts_at > now()) errors.form = m.run.attendanceTooEarly;
    for (const mark of marks) {
      const p = participants.find((x) => x.registration_id === mark.registrationId)!;
      if (mark.completed && mark.attendance !== 'attended') errors[`fullfort-${mark.registrationId}`] = m.run.completedNeedsAttendance(p.name || p.email);
    }
    if (Object.keys(errors).length > 0) {
      const typed = Object.fromEntries(marks.map((mark) => [mark.registrationId, { attendance: mark.attendance ?? '', completed: mark.completed }]));
      return runPage(request, reply, found, { errors, marks: typed }, 400);
    }
    await saveAttendance(db, found.run.id, marks, request.user!.id, now());
    return reply.redirect(`${c.run(found.run.id)}?melding=oppmote#participants-heading`, 303);
  });

  // ---- a person's own courses and certificates ----
  const hasName = async (userId: string) => !!(await db.selectFrom('app_user').select('name').where('id', '=', userId).executeTakeFirst())?.name?.trim();

  app.get(c.mine, { preHandler: requireUser }, async (request, reply) =>
    sendPage(reply, MyCoursesPage({ rows: await myCourses(db, request.user!.id), hasName: await hasName(request.user!.id) })));

  app.get(c.certificate(), { preHandler: requireUser, schema: { params: IdParams }, attachValidation: true }, async (request, reply) => {
    if (request.validationError) return reply.callNotFound();
    // only the participant: another account's registration is not found, whoever asks
    const outcome = await issueCertificate(db, request.params.id, request.user!.id, now());
    if (outcome.kind === 'notCompleted') return reply.callNotFound();
    if (outcome.kind === 'needName') {
      return sendPage(reply, MessagePage({ title: m.certificate.needNameTitle, message: m.certificate.needName, links: [{ href: paths.accounts.changeName, text: m.certificate.setName }] }), 409);
    }
    const pdf = await certificatePdf(outcome.certificate, `${config.publicUrl}${c.verify(outcome.certificate.code)}`);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${m.certificate.fileName}"`).header('cache-control', 'private, no-store').send(pdf);
  });

  // ---- the public check of a certificate ----
  app.get(c.verifyForm, { schema: { querystring: Type.Object({ kode: Type.Optional(Type.String({ maxLength: 40 })) }) }, attachValidation: true }, async (request, reply) => {
    const typed = typeof (request.query as { kode?: unknown }).kode === 'string' ? (request.query as { kode: string }).kode : '';
    if (!request.validationError && typed.trim() === '') return sendPage(reply, VerifyPage({ code: '', result: null }));
    const code = request.validationError ? null : normaliseCode(typed);
    if (!code) return sendPage(reply, VerifyPage({ code: typed.slice(0, 40), error: m.verify.badCode, result: null }), 400);
    return reply.redirect(c.verify(code), 303);
  });

  app.get(c.verify(), { schema: { params: Type.Object({ code: Type.String({ maxLength: 40 }) }) }, attachValidation: true }, async (request, reply) => {
    const code = request.validationError ? null : normaliseCode(request.params.code);
    if (!code) return sendPage(reply, VerifyPage({ code: '', result: 'notFound' }), 404);
    if (code !== request.params.code) return reply.redirect(c.verify(code), 301);
    const certificate = await findCertificate(db, code);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, VerifyPage({ code, result: certificate ?? 'notFound' }), certificate ? 200 : 404);
  });
}
