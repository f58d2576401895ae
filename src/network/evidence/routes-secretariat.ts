// The secretariat's pages: add and change entries, mark them checked, and import citations.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { App } from '../../platform/http/app.ts';
import { sentValue } from '../../platform/http/sent.ts';
import { FormBody, formErrors } from '../../platform/forms/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { sendPage } from '../../platform/views/render.ts';
import { networkGuards } from '../roles.ts';
import { titleWithAuthorYear } from './csl.ts';
import { checkForm, EMPTY_FORM, EntryBody, formOf, sentForm } from './form.ts';
import { previewRows, writeImport } from './import.ts';
import { KEY_PATTERN, keyFor, uniqueKey } from './model.ts';
import { IMPORT_FORMATS, MAX_IMPORT_BYTES, parseImport, type ImportFormat } from './parse.ts';
import { doiIndex, findEntry, insertEntry, markChecked, takenKeys, updateEntry } from './queries.ts';
import { EntryFormPage } from './views/form-page.tsx';
import { ImportPage, ImportPreviewPage } from './views/import-pages.tsx';

const KeyParams = Type.Object({ key: Type.String({ pattern: KEY_PATTERN }) });
const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);
/** PostgreSQL's unique_violation: another write got there first. */
const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';
const formatOf = (value: unknown): ImportFormat | null => (IMPORT_FORMATS as readonly unknown[]).includes(value) ? value as ImportFormat : null;

/** A multipart part as @fastify/multipart attaches it to the body. */
interface Part { type?: 'file' | 'field'; filename?: string; _buf?: Buffer; value?: unknown }
const partValue = (body: unknown, name: string): unknown => {
  const part = sentValue(body, name) as Part | undefined;
  return part && typeof part === 'object' && 'value' in part ? part.value : part;
};

export async function evidenceSecretariatRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  const { requireSecretariat } = networkGuards(db);
  const m = msg.networkEvidence;
  const actor = (request: FastifyRequest) => request.user!.id;

  app.get(paths.network.evidence.add, { preHandler: requireSecretariat }, async (request, reply) =>
    sendPage(reply, EntryFormPage({ entryKey: null, values: EMPTY_FORM, errors: {}, csrfToken: request.csrfToken })));

  app.post(paths.network.evidence.add, { preHandler: requireSecretariat, schema: { body: EntryBody }, attachValidation: true }, async (request, reply) => {
    const form = sentForm(request.body);
    const { errors, values } = checkForm(form, formErrors(request, {}, m.form.errors.form), config.clock.now());
    if (values?.doi && (await doiIndex(db, [values.doi])).size > 0) errors.doi = m.form.errors.doiTaken;
    if (!values || Object.keys(errors).length > 0) return sendPage(reply, EntryFormPage({ entryKey: null, values: form, errors, csrfToken: request.csrfToken }), 400);
    try {
      const key = await db.transaction().execute(async (trx) => {
        const key = uniqueKey(keyFor(values), await takenKeys(trx));
        await insertEntry(trx, { key, values, csl: {}, origin: 'form', actor: actor(request) });
        return key;
      });
      return reply.redirect(paths.network.evidence.entry(key), 303);
    } catch (error) {
      // another request took the DOI (or the key) between the check and the write
      if (!isUniqueViolation(error)) throw error;
      return sendPage(reply, EntryFormPage({ entryKey: null, values: form, errors: { doi: m.form.errors.doiTaken }, csrfToken: request.csrfToken }), 409);
    }
  });

  app.get(paths.network.evidence.edit(), { preHandler: requireSecretariat, schema: { params: KeyParams }, attachValidation: true }, async (request, reply) => {
    const entry = request.validationError ? undefined : await findEntry(db, request.params.key);
    if (!entry) return reply.callNotFound();
    return sendPage(reply, EntryFormPage({ entryKey: entry.key, entryTitle: titleWithAuthorYear(entry), values: formOf(entry), errors: {}, csrfToken: request.csrfToken }));
  });

  app.post(paths.network.evidence.edit(), { preHandler: requireSecretariat, schema: { params: KeyParams, body: EntryBody }, attachValidation: true }, async (request, reply) => {
    const entry = await findEntry(db, sentValue(request.params, 'key') as string);
    if (!entry) return reply.callNotFound();
    const form = sentForm(request.body);
    const { errors, values } = checkForm(form, formErrors(request, {}, m.form.errors.form), config.clock.now());
    const holder = values?.doi ? (await doiIndex(db, [values.doi])).get(values.doi) : undefined;
    if (holder !== undefined && holder !== entry.key) errors.doi = m.form.errors.doiTaken;
    if (!values || Object.keys(errors).length > 0) {
      return sendPage(reply, EntryFormPage({ entryKey: entry.key, entryTitle: titleWithAuthorYear(entry), values: form, errors, csrfToken: request.csrfToken }), 400);
    }
    try {
      await db.transaction().execute((trx) => updateEntry(trx, entry, values, actor(request)));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return sendPage(reply, EntryFormPage({ entryKey: entry.key, entryTitle: titleWithAuthorYear(entry), values: form, errors: { doi: m.form.errors.doiTaken }, csrfToken: request.csrfToken }), 409);
    }
    return reply.redirect(paths.network.evidence.entry(entry.key), 303);
  });

  app.post(paths.network.evidence.check(), { preHandler: requireSecretariat, schema: { params: KeyParams, body: FormBody({}) }, attachValidation: true }, async (request, reply) => {
    const entry = request.validationError ? undefined : await findEntry(db, request.params.key);
    if (!entry) return reply.callNotFound();
    await db.transaction().execute((trx) => markChecked(trx, entry, actor(request), config.clock.now()));
    return reply.redirect(paths.network.evidence.entry(entry.key), 303);
  });

  // importing: read and check the whole file, show what would happen, write only on confirmation
  const importError = (request: FastifyRequest, reply: FastifyReply, error: string, extra: { text?: string; format?: string; status?: 'upload' | 'paste' } = {}, code = 400) =>
    sendPage(reply, ImportPage({ csrfToken: request.csrfToken, error, ...extra }), code);

  async function preview(request: FastifyRequest, reply: FastifyReply, text: string, chosen: string, fileName: string, status: 'upload' | 'paste') {
    const parsed = await parseImport(text, formatOf(chosen), config.clock.now(), fileName);
    if (!parsed.ok) return importError(request, reply, parsed.error, { text: status === 'paste' ? text : '', format: chosen, status }, 422);
    const rows = await previewRows(db, parsed.records);
    const payload = Buffer.from(text, 'utf8').toString('base64');
    return sendPage(reply, ImportPreviewPage({ csrfToken: request.csrfToken, format: parsed.format, rows, payload }));
  }

  app.get(paths.network.evidence.import, { preHandler: requireSecretariat }, async (request, reply) => sendPage(reply, ImportPage({ csrfToken: request.csrfToken })));

  app.post(paths.network.evidence.import, {
    preHandler: requireSecretariat,
    config: { multipartOptions: { limits: { files: 1, fileSize: MAX_IMPORT_BYTES } } },
    errorHandler: (error: FastifyError, request, reply) => {
      if (TOO_LARGE.has(error.code)) return importError(request, reply, m.import.errors.tooLarge, {}, 413);
      throw error;
    },
  }, async (request, reply) => {
    const file = sentValue(request.body, 'file') as Part | undefined;
    const chosen = String(partValue(request.body, 'format') ?? '');
    if (!file || file.type !== 'file' || !file._buf || file._buf.length === 0) return importError(request, reply, m.import.errors.noInput, { format: chosen, status: 'upload' });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file._buf).replace(/^\uFEFF/, '');
    } catch {
      return importError(request, reply, m.import.errors.notUtf8, { format: chosen, status: 'upload' });
    }
    return preview(request, reply, text, chosen, file.filename ?? '', 'upload');
  });

  const PasteBody = FormBody({ format: Type.Optional(Type.String({ maxLength: 20 })), text: Type.String({ maxLength: MAX_IMPORT_BYTES }) });
  app.post(paths.network.evidence.importPaste, { preHandler: requireSecretariat, schema: { body: PasteBody }, attachValidation: true }, async (request, reply) => {
    const text = String(sentValue(request.body, 'text') ?? '');
    const chosen = String(sentValue(request.body, 'format') ?? '');
    if (request.validationError) return importError(request, reply, text.length > 0 ? m.import.errors.tooLarge : m.import.errors.noInput, { text, format: chosen, status: 'paste' });
    if (!text.trim()) return importError(request, reply, m.import.errors.noInput, { format: chosen, status: 'paste' });
    return preview(request, reply, text.replace(/\r\n/g, '\n'), chosen, '', 'paste');
  });

  const ConfirmBody = FormBody({ format: Type.String({ maxLength: 20 }), data: Type.String({ maxLength: Math.ceil(MAX_IMPORT_BYTES * 1.4) }) });
  app.post(paths.network.evidence.importConfirm, { preHandler: requireSecretariat, schema: { body: ConfirmBody }, attachValidation: true }, async (request, reply) => {
    if (request.validationError) return importError(request, reply, m.import.errors.noInput);
    const text = Buffer.from(request.body.data, 'base64').toString('utf8');
    const parsed = await parseImport(text, formatOf(request.body.format), config.clock.now());
    if (!parsed.ok) return importError(request, reply, parsed.error, {}, 422);
    // one transaction: every new record is written, or none; a DOI another request added meanwhile refuses it whole
    let outcome: { written: number; skipped: number };
    try {
      outcome = await db.transaction().execute((trx) => writeImport(trx, parsed.records, actor(request)));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return importError(request, reply, m.import.errors.changed, {}, 409);
    }
    const { written, skipped } = outcome;
    return reply.redirect(`${paths.network.evidence.index}?${new URLSearchParams({ importert: String(written), hoppet: String(skipped) })}`, 303);
  });
}
