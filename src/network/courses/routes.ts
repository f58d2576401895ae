// The course catalogue and the secretariat's editing of courses, modules and their files.
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { msg } from '../../platform/i18n/index.ts';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { renderMarkdown } from '../../handbook/index.ts';
import { mayApproveFor, networkGuards, networkRoles } from '../roles.ts';
import { attachmentHeader, checkFile, MAX_FILE_BYTES, MAX_FILE_MEGABYTES } from './files.ts';
import { checkCourse, checkModule, CourseBody, formatHours, ModuleBody, type ModuleValues } from './forms.ts';
import { findCourse, findMaterial, findModule, listCourses, listModules, listOrganizations, listRuns, type CourseRow } from './queries.ts';
import { addMaterial, createCourse, createModule, deleteMaterial, deleteModule, updateCourse, updateModule } from './writes.ts';
import { CataloguePage } from './views/catalogue-page.tsx';
import { CourseFormPage, emptyCourse } from './views/course-form.tsx';
import { CoursePage } from './views/course-page.tsx';
import { FILE_FIELD, ModulePage, type ModulePageProps } from './views/module-page.tsx';

export const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });
export const Id = Type.String({ pattern: UUID_PATTERN });
const SlugParams = Type.Object({ slug: Slug });
const ModuleParams = Type.Object({ slug: Slug, id: Id });
const IdParams = Type.Object({ id: Id });
const NoticeQuery = Type.Object({ melding: Type.Optional(Type.String({ maxLength: 20 })) });
const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT']);

/** A multipart part as @fastify/multipart attaches it to the body. */
interface Part { type: 'file' | 'field'; filename?: string; _buf?: Buffer }

export async function courseRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const m = msg.networkCourses;
  const c = paths.network.courses;
  const { requireSecretariat } = networkGuards(db);
  const now = () => config.clock.now();
  const actor = (request: FastifyRequest) => request.user!.id;

  /** A course the viewer may see: drafts only for the secretariat. */
  async function visibleCourse(request: FastifyRequest, slug: string): Promise<CourseRow | undefined> {
    const course = await findCourse(db, slug);
    if (!course) return undefined;
    if (course.status === 'draft' && !(await networkRoles(db, request)).secretariat) return undefined;
    return course;
  }

  app.get(c.index, async (request, reply) => {
    const roles = await networkRoles(db, request);
    return sendPage(reply, CataloguePage({ courses: await listCourses(db, { drafts: roles.secretariat, now: now() }), secretariat: roles.secretariat }));
  });

  app.get(c.course(), { schema: { params: SlugParams }, attachValidation: true }, async (request, reply) => {
    const course = request.validationError ? undefined : await visibleCourse(request, request.params.slug);
    if (!course) return reply.callNotFound();
    const roles = await networkRoles(db, request);
    const organiser = mayApproveFor(roles, course.organization_id);
    const modules = (await listModules(db, course.id)).map((module) => ({ ...module, html: renderMarkdown(module.body).html }));
    return sendPage(reply, CoursePage({ course, modules, runs: await listRuns(db, course.id, { drafts: organiser }), secretariat: roles.secretariat, organiser }));
  });

  // ---- courses: the secretariat only ----
  app.get(c.create, { preHandler: requireSecretariat }, async (request, reply) =>
    sendPage(reply, CourseFormPage({ title: m.courseForm.createTitle, action: c.create, submit: m.courseForm.submitCreate, values: emptyCourse(), errors: {}, organizations: await listOrganizations(db), csrfToken: request.csrfToken })));

  app.post(c.create, { preHandler: requireSecretariat, schema: { body: CourseBody }, attachValidation: true }, async (request, reply) => {
    const organizations = await listOrganizations(db);
    const { values, errors, input } = checkCourse(request, organizations);
    if (!input) return sendPage(reply, CourseFormPage({ title: m.courseForm.createTitle, action: c.create, submit: m.courseForm.submitCreate, values, errors, organizations, csrfToken: request.csrfToken }), 400);
    const slug = await createCourse(db, input, actor(request));
    return reply.redirect(c.course(slug), 303);
  });

  app.get(c.edit(), { preHandler: requireSecretariat, schema: { params: SlugParams }, attachValidation: true }, async (request, reply) => {
    const course = request.validationError ? undefined : await findCourse(db, request.params.slug);
    if (!course) return reply.callNotFound();
    const values = {
      tittel: course.title, sammendrag: course.summary, malgrupper: course.audiences, laeringsmal: course.learning_goals, kursform: course.format,
      omfang: formatHours(course.length_hours), organisasjon: course.organization_id, status: course.status,
    };
    return sendPage(reply, CourseFormPage({ title: m.courseForm.editTitle(course.title), action: c.edit(course.slug), submit: m.courseForm.submitEdit, values, errors: {}, organizations: await listOrganizations(db), csrfToken: request.csrfToken }));
  });

  app.post(c.edit(), { preHandler: requireSecretariat, schema: { params: SlugParams, body: CourseBody }, attachValidation: true }, async (request, reply) => {
    const course = await findCourse(db, request.params.slug);
    if (!course) return reply.callNotFound();
    const organizations = await listOrganizations(db);
    const { values, errors, input } = checkCourse(request, organizations);
    if (!input) return sendPage(reply, CourseFormPage({ title: m.courseForm.editTitle(course.title), action: c.edit(course.slug), submit: m.courseForm.submitEdit, values, errors, organizations, csrfToken: request.csrfToken }), 400);
    await updateCourse(db, course, input, actor(request));
    return reply.redirect(c.course(course.slug), 303);
  });

  // ---- modules and files: the secretariat only ----
  const modulePage = (reply: FastifyReply, props: Omit<ModulePageProps, 'values' | 'errors'> & { values?: ModuleValues; errors?: ModulePageProps['errors'] }, status = 200) => {
    const values = props.values ?? { tittel: '', nummer: '', innhold: '' };
    return sendPage(reply, ModulePage({ ...props, values, errors: props.errors ?? {} }), status);
  };
  const moduleValues = (module: { title: string; position: number; body: string }): ModuleValues => ({ tittel: module.title, nummer: String(module.position), innhold: module.body });

  app.get(c.newModule(), { preHandler: requireSecretariat, schema: { params: SlugParams }, attachValidation: true }, async (request, reply) => {
    const course = request.validationError ? undefined : await findCourse(db, request.params.slug);
    if (!course) return reply.callNotFound();
    const next = (await listModules(db, course.id)).reduce((max, module) => Math.max(max, module.position), 0) + 1;
    return modulePage(reply, { course, module: null, values: { tittel: '', nummer: String(Math.min(next, 1000)), innhold: '' }, csrfToken: request.csrfToken });
  });

  app.post(c.newModule(), { preHandler: requireSecretariat, schema: { params: SlugParams, body: ModuleBody }, attachValidation: true }, async (request, reply) => {
    const course = await findCourse(db, request.params.slug);
    if (!course) return reply.callNotFound();
    const { values, errors, input } = checkModule(request);
    if (!input) return modulePage(reply, { course, module: null, values, errors, csrfToken: request.csrfToken }, 400);
    const id = await createModule(db, course.id, input, actor(request));
    return reply.redirect(`${c.module(course.slug, id)}?melding=lagret`, 303);
  });

  const NOTICES: Record<string, string> = { lagret: m.moduleForm.saved, 'lastet-opp': m.moduleForm.uploaded, slettet: m.moduleForm.deleted };

  app.get(c.module(), { preHandler: requireSecretariat, schema: { params: ModuleParams, querystring: NoticeQuery }, attachValidation: true }, async (request, reply) => {
    const course = request.validationError ? undefined : await findCourse(db, request.params.slug);
    const module = course && await findModule(db, course.id, request.params.id);
    if (!course || !module) return reply.callNotFound();
    return modulePage(reply, { course, module, values: moduleValues(module), notice: NOTICES[request.query.melding ?? ''], csrfToken: request.csrfToken });
  });

  app.post(c.module(), { preHandler: requireSecretariat, schema: { params: ModuleParams, body: ModuleBody }, attachValidation: true }, async (request, reply) => {
    const course = await findCourse(db, request.params.slug);
    const module = course && await findModule(db, course.id, request.params.id);
    if (!course || !module) return reply.callNotFound();
    const { values, errors, input } = checkModule(request);
    if (!input) return modulePage(reply, { course, module, values, errors, csrfToken: request.csrfToken }, 400);
    await updateModule(db, module, input, actor(request));
    return reply.redirect(`${c.module(course.slug, module.id)}?melding=lagret`, 303);
  });

  app.post(c.deleteModule(), { preHandler: requireSecretariat, schema: { params: ModuleParams } }, async (request, reply) => {
    const course = await findCourse(db, request.params.slug);
    const module = course && await findModule(db, course.id, request.params.id);
    if (!course || !module) return reply.callNotFound();
    await deleteModule(db, module, actor(request));
    return reply.redirect(c.course(course.slug), 303);
  });

  // the guard runs before the body is read, so nobody else's upload is read or answered with the module page
  app.post(c.upload(), {
    onRequest: requireSecretariat,
    schema: { params: ModuleParams },
    config: { multipartOptions: { limits: { files: 1, fileSize: MAX_FILE_BYTES } } },
    errorHandler: async (error: FastifyError, request, reply) => {
      if (!TOO_LARGE.has(error.code)) throw error;
      const { slug, id } = request.params as { slug: string; id: string };
      const course = await findCourse(db, slug);
      const module = course && await findModule(db, course.id, id);
      if (!course || !module) return reply.callNotFound();
      return modulePage(reply, { course, module, values: moduleValues(module), fileError: m.moduleForm.fileErrors.tooLarge(MAX_FILE_MEGABYTES), csrfToken: request.csrfToken }, 413);
    },
  }, async (request, reply) => {
    const course = await findCourse(db, request.params.slug);
    const module = course && await findModule(db, course.id, request.params.id);
    if (!course || !module) return reply.callNotFound();
    const part = (request.body as Record<string, Part | Part[] | undefined> | undefined)?.[FILE_FIELD];
    const file = Array.isArray(part) ? part[0] : part;
    const checked = file?.type === 'file' && file.filename && file._buf ? checkFile(file.filename, file._buf) : { ok: false as const, problem: 'none' as const };
    if (!checked.ok) {
      const e = m.moduleForm.fileErrors;
      const fileError = checked.problem === 'tooLarge' ? e.tooLarge(MAX_FILE_MEGABYTES) : e[checked.problem];
      return modulePage(reply, { course, module, values: moduleValues(module), fileError, csrfToken: request.csrfToken }, checked.problem === 'tooLarge' ? 413 : 400);
    }
    await addMaterial(db, module.id, { name: checked.name, mediaType: checked.mediaType, content: file!._buf! }, actor(request));
    return reply.redirect(`${c.module(course.slug, module.id)}?melding=lastet-opp`, 303);
  });

  app.post(c.deleteMaterial(), { preHandler: requireSecretariat, schema: { params: IdParams } }, async (request, reply) => {
    const material = await findMaterial(db, request.params.id);
    if (!material) return reply.callNotFound();
    await deleteMaterial(db, material, actor(request));
    const course = await findCourse(db, material.slug);
    return reply.redirect(`${c.module(course!.slug, material.module_id)}?melding=slettet`, 303);
  });

  // a download, never shown in the page: the stored type, an attachment, and no sniffing
  app.get(c.material(), { schema: { params: IdParams }, attachValidation: true }, async (request, reply) => {
    const material = request.validationError ? undefined : await findMaterial(db, request.params.id);
    if (!material) return reply.callNotFound();
    if (material.status === 'draft' && !(await networkRoles(db, request)).secretariat) return reply.callNotFound();
    return reply.type(material.media_type).header('content-disposition', attachmentHeader(material.file_name))
      .header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store').send(material.content);
  });
}
