import { sql, type RawBuilder } from 'kysely';
import { osloDate } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import { formatDate, msg } from '../platform/i18n/index.ts';
import { paths } from '../platform/paths.ts';
import { editorsOf, inLanguageOf } from '../accounts/index.ts';
import { queueMail } from '../platform/mail/outbox.ts';
import { type JobDefinition } from '../platform/jobs.ts';

/**
 * How fresh an entry is, measured from its last confirmation (assured_date; else from when it was
 * made). Past staleMonths it is marked "ikke bekreftet siste år" and ranks lower; past hiddenMonths
 * it leaves the finder until an editor confirms it. Editors are reminded a month before and at
 * staleMonths.
 */
export interface FreshnessSettings {
  staleMonths: number;
  hiddenMonths: number;
}
export const DEFAULT_FRESHNESS: FreshnessSettings = { staleMonths: 12, hiddenMonths: 18 };

// Set once at start from the configuration. The finder's routes and queries read it from here,
// so search and the service page need no extra parameter (tests use the defaults).
let current: FreshnessSettings = DEFAULT_FRESHNESS;
export const useFreshnessSettings = (settings: FreshnessSettings): void => { current = settings; };
export const freshnessSettings = (): FreshnessSettings => current;

export type Freshness = 'fresh' | 'stale' | 'hidden';

/** The first day that still counts as "within n months" before today (Europe/Oslo). */
export function cutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, lastDay));
  return date.toISOString().slice(0, 10);
}

/** Today in Norway, 'YYYY-MM-DD' (the day entries are confirmed on and judged by). */
export const osloToday = osloDate;

export function freshnessOf(confirmedOn: string | null, settings = current, today = osloToday()): Freshness {
  if (!confirmedOn) return 'stale';
  if (confirmedOn < cutoff(today, settings.hiddenMonths)) return 'hidden';
  if (confirmedOn < cutoff(today, settings.staleMonths)) return 'stale';
  return 'fresh';
}

/** SQL cut-off dates for search: before `stale` an entry is marked and ranked lower, before `hidden` it is not shown. */
export function freshnessCutoffs(settings = current, today = osloToday()): { stale: string; hidden: string } {
  return { stale: cutoff(today, settings.staleMonths), hidden: cutoff(today, settings.hiddenMonths) };
}

/**
 * The finder's rule on a service_search row, in SQL: shown when confirmed on or after `hiddenBefore`
 * (freshnessCutoffs().hidden), or never dated. The finder, and the atlas's supply, read it here.
 * `column` is the row's confirmed_on, qualified where the query joins other tables.
 */
export const shownInFinder = (hiddenBefore: string, column = 'confirmed_on'): RawBuilder<boolean> =>
  sql<boolean>`(${sql.ref(column)} is null or ${sql.ref(column)} >= ${hiddenBefore}::date)`;

/**
 * "Publicly visible" in SQL, for a service table aliased `alias`: confirmed (assured_date, else the
 * day it was made) on or after freshnessCutoffs().hidden, the cut-off the finder applies to
 * service_search.confirmed_on. Every open-data export (HSDS, FHIR) leaves the rest out, as the
 * finder and the service page do, until an editor confirms them.
 */
export function publiclyVisible(alias: string, settings = current, today = osloToday()): RawBuilder<boolean> {
  return sql<boolean>`(${confirmedOn(alias)} >= ${freshnessCutoffs(settings, today).hidden}::date)`;
}

/** The day a service (aliased `alias`) was last confirmed, in SQL: its assured_date, else the day (in Norway) it was made. */
export const confirmedOn = (alias = 's'): RawBuilder<string> =>
  sql<string>`coalesce(${sql.ref(`${alias}.assured_date`)}, (${sql.ref(`${alias}.created_at`)} at time zone 'Europe/Oslo')::date)`;

const REMINDER = msg.selfService.reminder;

/**
 * Mails the editors of every active entry that reached a reminder stage (staleMonths − 1 and
 * staleMonths without confirmation); an entry whose organisation has no editor yet waits for one. Each stage is mailed once per confirmation date, even if the
 * job runs again or on several instances (freshness_reminder's primary key decides).
 */
export async function sendFreshnessReminders(db: Db, config: Pick<Config, 'publicUrl'>, settings = current, today = osloToday()): Promise<number> {
  let sent = 0;
  for (const stage of [settings.staleMonths - 1, settings.staleMonths].filter((s) => s > 0)) {
    const due = await db.selectFrom('service as s')
      .select(['s.id', 's.name', 's.organization_id', sql<string>`${confirmedOn()}::text`.as('confirmed_on')])
      .where('s.status', 'in', ['active', 'temporarily closed'])
      .where(sql<boolean>`${confirmedOn()} <= ${cutoff(today, stage)}::date`)
      // an entry past the last stage gets only that one, not every stage at once
      .where(sql<boolean>`(${stage < settings.staleMonths} = false or ${confirmedOn()} > ${cutoff(today, settings.staleMonths)}::date)`)
      // no editor, no one to remind: such entries are left until someone becomes their editor (and
      // the demo data's thousands of editorless entries cost nothing; they held PGlite for 6 s)
      .where(({ exists, selectFrom }) => exists(selectFrom('organization_editor as e').select('e.user_id').whereRef('e.organization_id', '=', 's.organization_id')))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('freshness_reminder as r').select('r.service_id')
        .whereRef('r.service_id', '=', 's.id').where('r.stage', '=', stage)
        .where(sql<boolean>`r.confirmed_on = ${confirmedOn()}`))))
      .execute();
    for (const service of due) {
      await db.transaction().execute(async (trx) => {
        const claimed = await trx.insertInto('freshness_reminder').values({ service_id: service.id, stage, confirmed_on: service.confirmed_on })
          .onConflict((oc) => oc.doNothing()).returning('service_id').executeTakeFirst();
        if (!claimed) return;
        for (const editor of await editorsOf(trx, service.organization_id)) {
          await inLanguageOf(trx, editor.email, () => queueMail(trx, {
            to: editor.email, subject: REMINDER.subject(service.name),
            body: REMINDER.body(service.name, formatDate(service.confirmed_on), stage, `${config.publicUrl}${paths.selfService.mine}`, settings.hiddenMonths),
          }));
          sent++;
        }
      });
    }
  }
  return sent;
}

/** The nightly reminder job (see platform/jobs.ts for how it runs once across instances). */
export function freshnessJob(db: Db, config: Pick<Config, 'publicUrl'>, afterRun: () => Promise<unknown>): JobDefinition {
  return {
    kind: 'directory:freshness-reminders',
    run: async () => {
      await sendFreshnessReminders(db, config);
      await afterRun();
    },
    next: (now) => {
      const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 5, 0, 0));
      if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
      return next;
    },
  };
}
