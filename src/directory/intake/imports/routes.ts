import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { forbid, requireUser, type SessionUser } from '../../../accounts/index.ts';
import { MessagePage } from '../../../platform/views/message-page.tsx';
import type { App } from '../../../platform/http/app.ts';
import { sentValue } from '../../../platform/http/sent.ts';
import type { Config } from '../../../platform/config.ts';
import type { Db } from '../../../platform/db/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { paths } from '../../../platform/paths.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { directoryVersion } from '../../version.ts';
import { ImportJobs } from './jobs.ts';
import { AlreadyDecided, createRun, discardRun, rejectRun, SAFE_FILE_NAME, submitRun, UPLOAD_LIMITS, type ImportRun } from './service.ts';
import { findRun, listRuns } from './store.ts';
import type { UploadedFile } from './tables.ts';
import { FILE_FIELD, ImportPage } from './views/import-page.tsx';
import { REFRESH_SECONDS, RunPage, type ImportCheck, type RunPageProps } from './views/run-page.tsx';
import { isZip, unzipFiles } from './pipeline/zip.ts';

const m = msg.imports;
const MEGABYTE = 1024 * 1024;
const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);
const mayImport = (user: SessionUser) => user.isAdmin || user.editorOf.length > 0;
const mayView = (user: SessionUser, run: ImportRun) => user.isAdmin || run.createdBy === user.id;
/** How long a request waits for a check before it shows the run as being checked (the check goes on). */
const WAIT_FOR_CHECK_MS = 1500;
/** A run left 'checking' this long with no check running here was interrupted (a restart): it is checked on its next view. */
const ORPHANED_AFTER_MS = 2 * 60_000;
const waitFor = (done: Promise<void>) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, WAIT_FOR_CHECK_MS);
  void done.finally(() => { clearTimeout(timer); resolve(); });
});

/** Before any file is read: only signed-in admins and editors may send one. */
async function importers(request: FastifyRequest, reply: FastifyReply) {
  await requireUser(request, reply);
  if (reply.sent) return reply;
  if (!mayImport(request.user!)) {
    if (request.method !== 'GET') return forbid(request, reply);
    return sendPage(reply, MessagePage({ title: m.title, message: m.errors.notEditor, links: [{ href: paths.selfService.start, text: msg.selfService.start.title }] }), 403);
  }
}

/** A multipart part as @fastify/multipart attaches it to the body. */
interface Part { type: 'file' | 'field'; filename?: string; _buf?: Buffer; value?: unknown }

/** The uploaded files, or the Norwegian message that says what is wrong with them. */
function uploadedFiles(body: unknown): UploadedFile[] | string {
  const field = (body as Record<string, Part | Part[] | undefined> | undefined)?.[FILE_FIELD];
  const parts = (Array.isArray(field) ? field : field ? [field] : []).filter((p) => p.type === 'file' && p.filename && p._buf && p._buf.length > 0);
  if (parts.length === 0) return m.errors.noFile;
  if (parts.reduce((n, p) => n + p._buf!.length, 0) > UPLOAD_LIMITS.megabytes * MEGABYTE) return m.errors.tooLarge(UPLOAD_LIMITS.megabytes, UPLOAD_LIMITS.files);
  const files: UploadedFile[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const part of parts) {
    const name = part.filename!.split(/[\\/]/).pop()!;
    if (isZip(part._buf!)) {
      // a zip of a tabular package: its files join the upload by their own names
      const unzipped = unzipFiles(name, part._buf!);
      if ('error' in unzipped) return unzipped.error;
      for (const entry of unzipped.files) {
        const entryName = entry.name.split('/').pop()!;
        if (!SAFE_FILE_NAME.test(entryName) || files.some((f) => f.name === entryName)) return m.errors.badName(entryName);
        files.push({ name: entryName, text: entry.text });
      }
      continue;
    }
    if (!SAFE_FILE_NAME.test(name) || files.some((f) => f.name === name)) return m.errors.badName(name);
    try {
      files.push({ name, text: decoder.decode(part._buf!).replace(/^\uFEFF/, '') });
    } catch {
      return m.errors.notUtf8(name);
    }
  }
  return files;
}

async function importPage(db: Db, request: FastifyRequest, reply: FastifyReply, error?: string, status = 200) {
  const user = request.user!;
  const runs = await listRuns(db, user.isAdmin ? {} : { createdBy: user.id });
  return sendPage(reply, ImportPage({ isAdmin: user.isAdmin, runs, csrfToken: request.csrfToken, error }), status);
}

/** What the viewer may do with a run now (nothing but wait while it is being checked). */
function actionsFor(user: SessionUser, run: ImportRun, checking = false): RunPageProps['actions'] {
  if (checking || run.status === 'checking') return { apply: false, submit: false, discard: false, reject: false };
  const open = run.status === 'checked' || run.status === 'submitted';
  const ok = run.report.ok && run.report.problems.length === 0;
  const own = run.createdBy === user.id;
  return {
    apply: user.isAdmin && open && ok,
    submit: !user.isAdmin && own && run.status === 'checked' && ok,
    discard: open && (own || (user.isAdmin && run.status === 'checked')),
    reject: user.isAdmin && run.status === 'submitted' && !own,
  };
}

/**
 * The import page and its runs. An admin's import is written once they have seen what it
 * changes; an editor's import (only their organisations' entries) waits for an admin, like any
 * other change an editor makes. Every written import is audited field by field.
 */
export async function importRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const runLink = (id: string) => `${config.publicUrl}${paths.imports.run(id)}`;
  const jobs = new ImportJobs(db, app.log);
  app.addHook('onClose', () => jobs.close());

  /**
   * A run as it stands, checked in the background when it must be: a new upload, or a waiting run
   * whose report was made before the directory last changed. Never a full check on every view.
   */
  async function current(run: ImportRun): Promise<{ run: ImportRun; checking: ImportCheck | null }> {
    const waiting = run.status === 'checked' || run.status === 'submitted';
    let state = jobs.state(run.id);
    // a run still 'checking' that no job here knows of was left by a restart (its upload request
    // starts the check once the files are stored; until then they may be incomplete)
    const orphaned = run.status === 'checking' && Date.now() - run.createdAt.getTime() > ORPHANED_AFTER_MS;
    if (!state && (orphaned || (waiting && run.checkedVersion !== await directoryVersion(db)))) state = jobs.check(run.id);
    if (!state && run.status === 'checking') return { run, checking: { queued: true, progress: null, recheck: false } };
    if (!state) return { run, checking: null };
    await waitFor(state.done);
    const fresh = (await findRun(db, run.id)) ?? run;
    const still = jobs.state(run.id);
    return { run: fresh, checking: still ? { queued: still.queued, progress: still.progress, recheck: fresh.status !== 'checking' } : null };
  }
  const params = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });

  async function showRun(request: FastifyRequest, reply: FastifyReply, run: ImportRun, extra: Partial<RunPageProps> = {}, status = 200) {
    const checking = extra.checking ?? null;
    const autoRefresh = checking !== null && sentValue(request.query, 'oppdater') !== 'nei';
    if (autoRefresh) reply.header('refresh', String(REFRESH_SECONDS));
    return sendPage(reply, RunPage({ run, actions: actionsFor(request.user!, run, checking !== null), csrfToken: request.csrfToken, autoRefresh, ...extra }), status);
  }

  app.get(paths.imports.index, { onRequest: importers }, async (request, reply) => importPage(db, request, reply));

  app.post(paths.imports.index, {
    onRequest: importers,
    config: { multipartOptions: { limits: { files: UPLOAD_LIMITS.files, fileSize: UPLOAD_LIMITS.megabytes * MEGABYTE } } },
    errorHandler: (error: FastifyError, request, reply) => {
      if (TOO_LARGE.has(error.code)) return importPage(db, request, reply, m.errors.tooLarge(UPLOAD_LIMITS.megabytes, UPLOAD_LIMITS.files), 413);
      throw error;
    },
  }, async (request, reply) => {
    const files = uploadedFiles(request.body);
    if (typeof files === 'string') return importPage(db, request, reply, files, 400);
    const id = await createRun(db, request.user!, files);
    // small files are checked by the time the page is shown; larger ones show their progress
    await waitFor(jobs.check(id).done);
    return reply.redirect(paths.imports.run(id), 303);
  });

  app.get(paths.imports.run(), {
    onRequest: requireUser,
    schema: { params, querystring: Type.Object({ oppdater: Type.Optional(Type.String({ maxLength: 10 })) }) },
  }, async (request, reply) => {
    const found = await findRun(db, request.params.id);
    if (!found || !mayView(request.user!, found)) return reply.callNotFound();
    // a waiting run is shown as it would apply to the directory now, not as it was at upload
    const { run, checking } = await current(found);
    return showRun(request, reply, run, { checking });
  });

  app.post(paths.imports.run(), {
    onRequest: requireUser,
    schema: {
      params,
      body: Type.Object({
        handling: Type.Union([Type.Literal('importer'), Type.Literal('send'), Type.Literal('forkast'), Type.Literal('avvis')]),
        reason: Type.Optional(Type.String({ maxLength: 2000 })),
      }, { additionalProperties: true }),
    },
  }, async (request, reply) => {
    const user = request.user!;
    const run = await findRun(db, request.params.id);
    if (!run || !mayView(user, run)) return reply.callNotFound();
    const { handling, reason = '' } = request.body;
    const allowed = actionsFor(user, run, jobs.state(run.id) !== undefined);
    const back = () => reply.redirect(paths.imports.run(run.id), 303);
    // the run as the decision left it, with what happened said on top
    const decided = async (notice: string) => showRun(request, reply, (await findRun(db, run.id))!, { notice });
    try {
      if (handling === 'importer' && allowed.apply) {
        const outcome = await jobs.apply(run.id, user, runLink(run.id));
        if (outcome.kind !== 'applied') return back();
        const report = outcome.report;
        if (!report.ok) return showRun(request, reply, { ...run, report }, { notice: m.run.notices.changedSince }, 409);
        app.mailer.kick();
        return decided(m.run.notices.applied(report.reindexed));
      }
      if (handling === 'send' && allowed.submit) {
        await submitRun(db, run.id);
        return decided(m.run.notices.submitted);
      }
      if (handling === 'forkast' && allowed.discard) {
        await discardRun(db, run.id, user.id);
        return decided(m.run.notices.discarded);
      }
      if (handling === 'avvis' && allowed.reject) {
        if (!reason.trim()) return showRun(request, reply, run, { reasonError: m.run.reasonRequired, reason }, 400);
        await rejectRun(db, run, user, reason.trim(), `${config.publicUrl}${paths.imports.index}`);
        app.mailer.kick();
        return decided(m.run.notices.rejected);
      }
    } catch (error) {
      if (error instanceof AlreadyDecided) return back();
      throw error;
    }
    // the action is not (or no longer) open to this viewer: show the run as it is
    return back();
  });
}
