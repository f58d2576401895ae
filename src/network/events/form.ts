// The event form: what the secretariat types, checked field by field, and turned into an EventInput.
import type { Errors } from '../../platform/forms/index.ts';
import { msg } from '../../platform/i18n/index.ts';
import { hasControlCharacter } from '../../platform/text.ts';
import { EVENT_KINDS, EVENT_STATUSES, type EventInput, type EventKind } from './queries.ts';
import { dateShape, fromOsloWallTime, isRealDate, normaliseTime, osloWallTime } from '../../platform/oslo-time.ts';

export const EVENT_FIELDS = [
  'kind', 'title', 'purpose', 'startDate', 'startTime', 'endDate', 'endTime', 'place', 'onlineUrl', 'organizerId', 'capacity',
  'deadlineDate', 'deadlineTime', 'accessibility', 'agenda', 'status',
] as const;
export type EventValues = Record<(typeof EVENT_FIELDS)[number], string>;

export const LIMITS = { title: 200, purpose: 4000, place: 500, onlineUrl: 500, accessibility: 2000, agenda: 20_000, agendaTitle: 300 } as const;

export const emptyEventValues = (): EventValues => ({
  kind: 'arbeidsseminar', title: '', purpose: '', startDate: '', startTime: '', endDate: '', endTime: '', place: '', onlineUrl: '',
  organizerId: '', capacity: '', deadlineDate: '', deadlineTime: '', accessibility: '', agenda: '', status: 'draft',
});

/** '2026-03-04' → '04.03.2026', as the form shows dates. */
const shownDate = (iso: string) => iso.split('-').reverse().join('.');

/** The stored event as the form shows it (Norwegian wall time). */
export function valuesOf(input: EventInput): EventValues {
  const start = osloWallTime(input.startsAt);
  const end = osloWallTime(input.endsAt);
  const deadline = input.registrationDeadline ? osloWallTime(input.registrationDeadline) : null;
  return {
    kind: input.kind, title: input.title, purpose: input.purpose, startDate: shownDate(start.date), startTime: start.time,
    endDate: end.date === start.date ? '' : shownDate(end.date), endTime: end.time,
    place: input.place, onlineUrl: input.onlineUrl ?? '', organizerId: input.organizerId ?? '', capacity: input.capacity === null ? '' : String(input.capacity),
    deadlineDate: deadline ? shownDate(deadline.date) : '', deadlineTime: deadline?.time ?? '', accessibility: input.accessibility, status: input.status,
    agenda: input.agenda.map((item) => agendaLine(item, start.date)).join('\n'),
  };
}

function agendaLine(item: EventInput['agenda'][number], eventDate: string): string {
  const from = osloWallTime(item.startsAt);
  const to = item.endsAt ? osloWallTime(item.endsAt) : null;
  const date = from.date === eventDate ? '' : `${from.date} `;
  return `${date}${from.time}${to ? `–${to.time}` : ''} ${item.title}`;
}

const AGENDA_LINE = /^(?:(\d{4}-\d{2}-\d{2})\s+)?(\d{1,2}[:.]\d{2})(?:\s*[-–—]\s*(\d{1,2}[:.]\d{2}))?\s+(.+)$/;

/** Checks the form; the input when all is well, else a message per field. */
export function parseEventForm(values: EventValues, organisationIds: string[]): { input: EventInput | null; errors: Errors } {
  const m = msg.networkEvents.form.errors;
  const errors: Errors = {};
  const text = (field: keyof EventValues, max: number, required: boolean) => {
    const value = values[field].trim();
    if (required && !value) errors[field] = field === 'title' ? m.title : m.required;
    else if (value.length > max) errors[field] = m.tooLong(max);
    else if (field !== 'purpose' && field !== 'accessibility' && field !== 'agenda' && hasControlCharacter(value)) errors[field] = m.control;
    return value;
  };
  const kind = (EVENT_KINDS as readonly string[]).includes(values.kind) ? values.kind as EventKind : null;
  if (!kind) errors.kind = m.kind;
  const status = (EVENT_STATUSES as readonly string[]).includes(values.status) ? values.status as EventInput['status'] : null;
  if (!status) errors.status = m.status;
  const title = text('title', LIMITS.title, true);
  const purpose = text('purpose', LIMITS.purpose, false);
  const place = text('place', LIMITS.place, false);
  const accessibility = text('accessibility', LIMITS.accessibility, false);
  const onlineUrl = text('onlineUrl', LIMITS.onlineUrl, false);
  if (onlineUrl && !errors.onlineUrl && !isHttpsUrl(onlineUrl)) errors.onlineUrl = m.onlineUrl;
  if (!place && !onlineUrl && !errors.place && !errors.onlineUrl) errors.place = m.placeOrLink;
  const organizerId = values.organizerId.trim();
  if (organizerId && !organisationIds.includes(organizerId)) errors.organizerId = m.organizerId;

  const startsAt = moment(values, 'startDate', 'startTime', errors, true);
  let endsAt: Date | null = null;
  if (values.endDate.trim()) endsAt = moment(values, 'endDate', 'endTime', errors, true);
  else {
    // no end date: the same day as the start, so only the time is checked here
    const time = values.endTime.trim();
    if (!time) errors.endTime = m.timeMissing;
    else if (!normaliseTime(time)) errors.endTime = m.timeFormat;
    else if (startsAt) {
      endsAt = fromOsloWallTime(osloWallTime(startsAt).date, time);
      if (!endsAt) errors.endTime = m.timeSkipped;
    }
  }
  if (startsAt && endsAt && endsAt.getTime() < startsAt.getTime()) errors.endTime = m.endBeforeStart;
  let registrationDeadline: Date | null = null;
  if (values.deadlineDate.trim() || values.deadlineTime.trim()) {
    registrationDeadline = moment({ ...values, deadlineTime: values.deadlineTime.trim() || '23:59' }, 'deadlineDate', 'deadlineTime', errors, true);
    if (registrationDeadline && startsAt && registrationDeadline.getTime() > startsAt.getTime()) errors.deadlineDate = m.deadlineAfterStart;
  }

  let capacity: number | null = null;
  const capacityText = values.capacity.trim();
  if (capacityText) {
    capacity = /^\d{1,5}$/.test(capacityText) ? Number(capacityText) : NaN;
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10_000) errors.capacity = m.capacity;
  }

  const agenda = parseAgenda(values.agenda, startsAt, endsAt, errors);
  if (Object.keys(errors).length > 0 || !kind || !status || !startsAt || !endsAt) return { input: null, errors };
  return {
    input: {
      kind, title, purpose, startsAt, endsAt, place, onlineUrl: onlineUrl || null, organizerId: organizerId || null, capacity,
      registrationDeadline, accessibility, status, agenda,
    },
    errors,
  };
}

const isHttpsUrl = (value: string) => {
  try {
    return new URL(value).protocol === 'https:' && !/\s/.test(value);
  } catch {
    return false;
  }
};

/** A date and time field pair in Norwegian time; a message on the field that is wrong. */
function moment(values: EventValues, dateField: 'startDate' | 'endDate' | 'deadlineDate', timeField: 'startTime' | 'endTime' | 'deadlineTime', errors: Errors, required: boolean): Date | null {
  const m = msg.networkEvents.form.errors;
  const typedDate = values[dateField].trim();
  const time = values[timeField].trim();
  if (!typedDate) {
    if (required) errors[dateField] = m.dateMissing;
    return null;
  }
  const date = dateShape(typedDate);
  if (!date) {
    errors[dateField] = m.dateFormat;
    return null;
  }
  if (!isRealDate(date)) {
    errors[dateField] = m.dateImpossible(typedDate);
    return null;
  }
  if (!time) {
    errors[timeField] = m.timeMissing;
    return null;
  }
  if (!normaliseTime(time)) {
    errors[timeField] = m.timeFormat;
    return null;
  }
  const at = fromOsloWallTime(date, time);
  if (!at) errors[timeField] = m.timeSkipped;
  return at;
}

function parseAgenda(text: string, startsAt: Date | null, endsAt: Date | null, errors: Errors): EventInput['agenda'] {
  const m = msg.networkEvents.form.errors;
  if (text.length > LIMITS.agenda) {
    errors.agenda = m.tooLong(LIMITS.agenda);
    return [];
  }
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.length > 100) {
    errors.agenda = m.agendaTooMany;
    return [];
  }
  const items: EventInput['agenda'] = [];
  const eventDate = startsAt ? osloWallTime(startsAt).date : null;
  for (const [index, line] of lines.entries()) {
    const match = AGENDA_LINE.exec(line);
    const date = match?.[1] ?? eventDate;
    const title = match?.[4]?.trim() ?? '';
    if (!match || !date || title.length > LIMITS.agendaTitle || hasControlCharacter(title)) {
      errors.agenda ??= m.agendaLine(index + 1, line.slice(0, 60));
      continue;
    }
    const from = fromOsloWallTime(date, match[2]!);
    const to = match[3] ? fromOsloWallTime(date, match[3]) : null;
    if (!from || (match[3] && !to)) {
      errors.agenda ??= m.agendaTime(index + 1);
      continue;
    }
    if (to && to.getTime() < from.getTime()) {
      errors.agenda ??= m.agendaEndBeforeStart(index + 1);
      continue;
    }
    if (startsAt && endsAt && (from.getTime() < startsAt.getTime() || (to ?? from).getTime() > endsAt.getTime())) {
      errors.agenda ??= m.agendaOutside(index + 1);
      continue;
    }
    items.push({ startsAt: from, endsAt: to, title });
  }
  return items;
}
