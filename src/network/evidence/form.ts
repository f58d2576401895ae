// The entry form: what it sends, and its check into entry values with a Norwegian message per field.
import { Type } from '@sinclair/typebox';
import { FormBody, type Errors } from '../../platform/forms/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import { authorLine, isDesign, isKind, isOutcome, isPopulation, maxYear, normaliseDoi, parseAuthors, validDoi, validUrl, validYear, type EvidenceEntry } from './model.ts';
import type { EntryValues } from './queries.ts';
import type { FormValues } from './views/form-page.tsx';
import { FORM_FIELDS } from './views/form-page.tsx';
import { typed } from '../../platform/forms/index.ts';

const Text = (maxLength: number) => Type.String({ maxLength });
export const EntryBody = FormBody({
  kind: Text(20), title: Text(1000), authors: Text(12_000), year: Text(10), container: Text(500), doi: Text(300), url: Text(2000),
  authorsIncomplete: Type.Optional(Text(10)),
  design: Text(40), population: Text(40), setting: Text(500),
  outcomes: Type.Optional(Type.Union([Text(40), Type.Array(Text(40), { maxItems: 20 })])),
  mainFinding: Text(4000), effectSize: Text(1000), effectSizeSource: Text(500),
});

/** The form as sent, as strings (after an error the body need not match its schema). */
export function sentForm(body: unknown): FormValues {
  const outcomes = (body as Record<string, unknown> | undefined)?.outcomes;
  return { ...typed(body, FORM_FIELDS), authorsIncomplete: typed(body, ['authorsIncomplete']).authorsIncomplete === 'ja', outcomes: (Array.isArray(outcomes) ? outcomes : [outcomes]).filter((o): o is string => typeof o === 'string') };
}

export function formOf(entry: EvidenceEntry): FormValues {
  return {
    kind: entry.kind, title: entry.title, authors: entry.authors.map(authorLine).join('\n'), authorsIncomplete: entry.authors_incomplete, year: entry.year === null ? '' : String(entry.year),
    container: entry.container_title, doi: entry.doi ?? '', url: entry.url ?? '', design: entry.design ?? '', population: entry.population ?? '',
    setting: entry.setting, outcomes: entry.outcomes, mainFinding: entry.main_finding, effectSize: entry.effect_size, effectSizeSource: entry.effect_size_source,
  };
}

export const EMPTY_FORM: FormValues = { ...Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as Record<(typeof FORM_FIELDS)[number], string>, kind: 'study', authorsIncomplete: false, outcomes: [] };

/** Every field checked; values only when there is nothing to fix. */
export function checkForm(form: FormValues, schemaErrors: Errors, now: Date): { errors: Errors; values: EntryValues | null } {
  const e = msg.networkEvidence.form.errors;
  const errors: Errors = {};
  const fail = (field: string, message: string) => { errors[field] ??= message; };
  for (const field of Object.keys(schemaErrors)) {
    const message = field === 'year' ? e.year(maxYear(now)) : (e as Record<string, unknown>)[field];
    fail(field, typeof message === 'string' ? message : e.form);
  }
  const title = form.title.trim().replace(/\s+/g, ' ');
  if (!title || title.length > 1000) fail('title', e.title);
  if (!isKind(form.kind)) fail('kind', e.kind);
  const authors = parseAuthors(form.authors);
  if (authors.length > 50 || authors.some((a) => authorLine(a).length > 200)) fail('authors', e.authors);
  let year: number | null = null;
  if (form.year.trim()) {
    year = /^\d{4}$/.test(form.year.trim()) ? Number(form.year.trim()) : Number.NaN;
    if (!validYear(year, now)) fail('year', e.year(maxYear(now)));
  }
  const doi = normaliseDoi(form.doi);
  if (doi !== null && !validDoi(doi)) fail('doi', e.doi);
  const url = form.url.trim() || null;
  if (url !== null && !validUrl(url)) fail('url', e.url);
  if (form.design && !isDesign(form.design)) fail('design', e.design);
  if (form.population && !isPopulation(form.population)) fail('population', e.population);
  if (!form.outcomes.every(isOutcome)) fail('outcomes', e.outcomes);
  if (form.effectSize.trim() && !form.effectSizeSource.trim()) fail('effectSizeSource', e.effectSizeSource);
  if (Object.keys(errors).length > 0) return { errors, values: null };
  return {
    errors,
    values: {
      kind: form.kind as EntryValues['kind'], title, authors, authorsIncomplete: form.authorsIncomplete && authors.length > 0, year, containerTitle: form.container.trim(), doi, url,
      design: (form.design || null) as EntryValues['design'], population: (form.population || null) as EntryValues['population'], setting: form.setting.trim(),
      outcomes: [...new Set(form.outcomes)] as EntryValues['outcomes'], mainFinding: form.mainFinding.trim(),
      effectSize: form.effectSize.trim(), effectSizeSource: form.effectSize.trim() ? form.effectSizeSource.trim() : '',
    },
  };
}
