import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { ItemStatus } from '../tables.ts';
import type { ItemState, PlanItem } from './checklist.ts';
import { STATEMENTS } from './readiness.ts';
import { normaliseDate } from '../../platform/forms/index.ts';

/** The fields of one schema that fail it, by name (the first path segment of each error). */
export function failingFields(schema: TObject, body: unknown): Set<string> {
  return new Set([...Value.Errors(schema, body ?? {})].map((error) => error.path.split('/')[1] ?? '').filter(Boolean));
}

const text = (body: unknown, name: string) => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

const Optional = (schema: TSchema) => Type.Optional(schema);
const STATUS = Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('not_relevant')]);

/** One phase's form: per item a status, an owner, a due date and a comment. */
export function checklistSchema(items: PlanItem[]): TObject {
  return Type.Object(Object.fromEntries(items.flatMap((item) => [
    [`${item.id}-status`, STATUS],
    [`${item.id}-ansvarlig`, Optional(Type.String({ maxLength: 200 }))],
    [`${item.id}-frist`, Optional(Type.String({ maxLength: 10, pattern: '^(\\s*|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})$' }))],
    [`${item.id}-kommentar`, Optional(Type.String({ maxLength: 2000 }))],
  ])), { additionalProperties: true });
}

export interface ReadChecklist {
  typed: Map<string, { status: string; owner: string; due: string; comment: string }>;
  /** field name → which kind of problem */
  errors: Map<string, 'status' | 'owner' | 'due' | 'comment'>;
  states: { itemId: string; state: ItemState }[];
}

export function readChecklist(items: PlanItem[], body: unknown): ReadChecklist {
  const failing = failingFields(checklistSchema(items), body);
  const typed: ReadChecklist['typed'] = new Map();
  const errors: ReadChecklist['errors'] = new Map();
  const states: ReadChecklist['states'] = [];
  for (const item of items) {
    const t = { status: text(body, `${item.id}-status`), owner: text(body, `${item.id}-ansvarlig`), due: text(body, `${item.id}-frist`), comment: text(body, `${item.id}-kommentar`) };
    typed.set(item.id, t);
    if (failing.has(`${item.id}-status`)) errors.set(`${item.id}-status`, 'status');
    if (failing.has(`${item.id}-ansvarlig`)) errors.set(`${item.id}-ansvarlig`, 'owner');
    if (failing.has(`${item.id}-kommentar`)) errors.set(`${item.id}-kommentar`, 'comment');
    const due = failing.has(`${item.id}-frist`) ? undefined : normaliseDate(t.due);
    if (due === undefined) errors.set(`${item.id}-frist`, 'due');
    states.push({ itemId: item.id, state: { status: t.status as ItemStatus, owner: t.owner.trim() || null, dueDate: due ?? null, comment: t.comment.trim() || null } });
  }
  return { typed, errors, states };
}

/** Readiness answers: each statement 1–5 or not answered. */
export const ReadinessSchema = Type.Object(
  Object.fromEntries(STATEMENTS.map((s) => [s.id, Optional(Type.Union(['', '1', '2', '3', '4', '5'].map((v) => Type.Literal(v))))])),
  { additionalProperties: true },
);

export function readReadiness(body: unknown): { answers: Record<string, number>; typed: Record<string, string>; invalid: string[] } {
  const failing = failingFields(ReadinessSchema, body);
  const typed = Object.fromEntries(STATEMENTS.map((s) => [s.id, text(body, s.id)]));
  const answers = Object.fromEntries(STATEMENTS.filter((s) => !failing.has(s.id) && typed[s.id]).map((s) => [s.id, Number(typed[s.id])]));
  return { answers, typed, invalid: [...failing] };
}

export const MEMO_FIELDS = ['bakgrunn', 'behov', 'forslag', 'risiko', 'evaluering', 'oppgaver'] as const;
export const MemoSchema = Type.Object(Object.fromEntries(MEMO_FIELDS.map((name) => [name, Optional(Type.String({ maxLength: 5000 }))])), { additionalProperties: true });

export function readMemo(body: unknown): { values: Record<string, string>; invalid: string[] } {
  const values = Object.fromEntries(MEMO_FIELDS.map((name) => [name, text(body, name).replace(/\r\n/g, '\n')]));
  return { values, invalid: [...failingFields(MemoSchema, body)] };
}
