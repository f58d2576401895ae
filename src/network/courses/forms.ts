// The secretariat's and organisers' forms: body schemas (shape and lengths) and the checks a schema
// cannot say (a number written the Norwegian way, a date that exists, an end after the start).
// Values stay strings until they pass, so a form with errors comes back as it was typed.
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { FormBody, formErrors, normaliseDate, typed, type Errors } from '../../platform/forms/index.ts';
import { sentValue } from '../../platform/http/sent.ts';
import { formatNumber, msg } from '../../platform/i18n/index.ts';
import { hasTopLevelHeading, renderMarkdown } from '../../handbook/index.ts';
import type { CourseAudience, CourseFormat, CourseStatus, NetworkEventStatus } from '../../platform/db/index.ts';
import { fromOsloWallTime, normaliseTime, osloWallTime } from '../../platform/oslo-time.ts';

export const AUDIENCES: readonly CourseAudience[] = ['erfaringskonsulenter', 'kommune', 'spesialisthelsetjenesten', 'ledere'];
export const FORMATS: readonly CourseFormat[] = ['fysisk', 'digitalt', 'kombinert'];
export const RESERVED_SLUGS = new Set(['ny', 'mine', 'bevis', 'filer', 'kursrunder']);
const Text = (maxLength: number) => Type.String({ maxLength });
const Optional = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

// ---- courses ----
export const CourseBody = FormBody({
  tittel: Type.String({ maxLength: 200, pattern: '\\S' }),
  sammendrag: Optional(1000),
  malgrupper: Type.Optional(Type.Union([Text(40), Type.Array(Text(40), { maxItems: 10 })])),
  laeringsmal: Optional(4000),
  kursform: Type.Optional(Text(20)),
  omfang: Optional(20),
  organisasjon: Type.Optional(Text(40)),
  status: Type.Optional(Text(20)),
});
export const COURSE_FIELDS = ['tittel', 'sammendrag', 'laeringsmal', 'kursform', 'omfang', 'organisasjon', 'status'] as const;
export type CourseValues = Record<(typeof COURSE_FIELDS)[number], string> & { malgrupper: string[] };
export interface CourseInput {
  title: string;
  summary: string;
  audiences: CourseAudience[];
  learningGoals: string;
  format: CourseFormat;
  lengthHours: number;
  organizationId: string;
  status: CourseStatus;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

export function courseValues(body: unknown): CourseValues {
  return { ...typed(body, COURSE_FIELDS), malgrupper: list(sentValue(body, 'malgrupper')) };
}

/** "7,5" or "7.5" or "6" → 7.5; anything else, or outside 0.5–1000, → null. One decimal at most. */
export function parseHours(text: string): number | null {
  const match = /^(\d{1,4})(?:[.,](\d))?$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(`${match[1]}.${match[2] ?? '0'}`);
  return hours >= 0.5 && hours <= 1000 ? hours : null;
}

/** Hours in the reader's style (7,5 / 7.5), without grouping so the edit form's value reads back through parseHours. */
export const formatHours = (hours: number) => formatNumber(hours, { maximumFractionDigits: 1, useGrouping: false });

export function checkCourse(request: FastifyRequest, organizations: { id: string }[]): { values: CourseValues; errors: Errors; input: CourseInput | null } {
  const m = msg.networkCourses.courseForm.errors;
  const values = courseValues(request.body);
  const errors = formErrors(request, m, m.form);
  const audiences = values.malgrupper.filter((a): a is CourseAudience => (AUDIENCES as string[]).includes(a));
  if (!errors.malgrupper && (audiences.length === 0 || audiences.length !== values.malgrupper.length)) errors.malgrupper = m.malgrupper;
  if (!errors.kursform && !(FORMATS as string[]).includes(values.kursform)) errors.kursform = m.kursform;
  const hours = parseHours(values.omfang);
  if (!errors.omfang && hours === null) errors.omfang = m.omfang;
  if (!errors.organisasjon && !organizations.some((o) => o.id === values.organisasjon)) errors.organisasjon = m.organisasjon;
  if (!errors.status && values.status !== 'draft' && values.status !== 'published') errors.status = m.status;
  if (Object.keys(errors).length > 0) return { values, errors, input: null };
  return {
    values, errors, input: {
      title: values.tittel.trim(), summary: values.sammendrag.trim(), audiences: AUDIENCES.filter((a) => audiences.includes(a)),
      learningGoals: goalLines(values.laeringsmal).join('\n'), format: values.kursform as CourseFormat, lengthHours: hours!,
      organizationId: values.organisasjon, status: values.status as CourseStatus,
    },
  };
}

export const goalLines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

// ---- modules ----
export const ModuleBody = FormBody({
  tittel: Type.String({ maxLength: 200, pattern: '\\S' }),
  nummer: Type.String({ pattern: '^\\s*\\d{1,4}\\s*$' }),
  innhold: Optional(100_000),
});
export const MODULE_FIELDS = ['tittel', 'nummer', 'innhold'] as const;
export type ModuleValues = Record<(typeof MODULE_FIELDS)[number], string>;

export function checkModule(request: FastifyRequest): { values: ModuleValues; errors: Errors; input: { title: string; position: number; body: string } | null } {
  const m = msg.networkCourses.moduleForm.errors;
  const values = typed(request.body, MODULE_FIELDS);
  const errors = formErrors(request, m, m.form);
  const position = Number(values.nummer.trim());
  if (!errors.nummer && !(Number.isInteger(position) && position >= 1 && position <= 1000)) errors.nummer = m.nummer;
  // the course page's h1 and the module's h2 come first: a module's own headings start at ###
  if (!errors.innhold && (hasTopLevelHeading(values.innhold) || renderMarkdown(values.innhold).toc.some((entry) => entry.level === 2))) errors.innhold = m.innholdH1;
  if (Object.keys(errors).length > 0) return { values, errors, input: null };
  return { values, errors, input: { title: values.tittel.trim(), position, body: values.innhold.replace(/\r\n/g, '\n') } };
}

// ---- runs ----
export const RunBody = FormBody({
  startdato: Text(20), starttid: Text(10), sluttdato: Text(20), slutttid: Text(10),
  sted: Optional(500), lenke: Optional(500), plasser: Optional(10), frist: Optional(20), tilgjengelighet: Optional(2000),
  status: Text(20),
});
export const RUN_FIELDS = ['startdato', 'starttid', 'sluttdato', 'slutttid', 'sted', 'lenke', 'plasser', 'frist', 'tilgjengelighet', 'status'] as const;
export type RunValues = Record<(typeof RUN_FIELDS)[number], string>;
export interface RunInput {
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string | null;
  capacity: number | null;
  deadline: Date | null;
  accessibility: string;
  status: NetworkEventStatus;
}

export function checkRun(request: FastifyRequest): { values: RunValues; errors: Errors; input: RunInput | null } {
  const m = msg.networkCourses.runForm.errors;
  const values = typed(request.body, RUN_FIELDS);
  const errors = formErrors(request, m, m.form);
  const startDate = normaliseDate(values.startdato);
  const startTime = normaliseTime(values.starttid);
  const endDate = normaliseDate(values.sluttdato);
  const endTime = normaliseTime(values.slutttid);
  if (!startDate) errors.startdato ??= m.startdato;
  if (!startTime) errors.starttid ??= m.starttid;
  if (!endDate) errors.sluttdato ??= m.sluttdato;
  if (!endTime) errors.slutttid ??= m.slutttid;
  const url = values.lenke.trim();
  if (!errors.lenke && url && !isHttpsUrl(url)) errors.lenke = m.lenke;
  const capacity = values.plasser.trim() === '' ? null : Number(values.plasser.trim());
  if (!errors.plasser && capacity !== null && !(Number.isInteger(capacity) && capacity >= 1 && capacity <= 10_000)) errors.plasser = m.plasser;
  const deadlineDate = normaliseDate(values.frist);
  if (!errors.frist && values.frist.trim() !== '' && !deadlineDate) errors.frist = m.frist;
  if (!errors.status && !['draft', 'published', 'cancelled'].includes(values.status)) errors.status = m.status;
  // a time the clock skips (the hour summer time begins) names no instant
  const startsAt = startDate && startTime ? fromOsloWallTime(startDate, startTime) : null;
  const endsAt = endDate && endTime ? fromOsloWallTime(endDate, endTime) : null;
  if (startDate && startTime && !startsAt) errors.starttid ??= m.starttid;
  if (endDate && endTime && !endsAt) errors.slutttid ??= m.slutttid;
  if (startsAt && endsAt && endsAt < startsAt) errors.sluttdato ??= m.endBeforeStart;
  // the deadline is a whole day: sign-ups close at its end, which must come before the start
  const deadline = deadlineDate ? new Date(fromOsloWallTime(deadlineDate, '23:59')!.getTime() + 59_999) : null;
  if (deadline && startsAt && deadline >= startsAt && !errors.frist) errors.frist = m.deadlineAfterStart;
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { values, errors, input: null };
  return {
    values, errors, input: {
      startsAt, endsAt, place: values.sted.trim(), onlineUrl: url || null, capacity, deadline,
      accessibility: values.tilgjengelighet.trim(), status: values.status as NetworkEventStatus,
    },
  };
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && !!url.hostname && !/\s/.test(text);
  } catch {
    return false;
  }
}

/** The run as its form shows it, times in Norway. */
export function runValues(run: { starts_at: Date; ends_at: Date; place: string; online_url: string | null; capacity: number | null; registration_deadline: Date | null; accessibility: string; status: string }): RunValues {
  const start = osloWallTime(run.starts_at);
  const end = osloWallTime(run.ends_at);
  return {
    startdato: start.date, starttid: start.time, sluttdato: end.date, slutttid: end.time, sted: run.place, lenke: run.online_url ?? '',
    plasser: run.capacity === null ? '' : String(run.capacity), frist: run.registration_deadline ? osloWallTime(run.registration_deadline).date : '',
    tilgjengelighet: run.accessibility, status: run.status,
  };
}
