import { Tag } from '@digdir/designsystemet-react';
import { nb, formatDate } from '../../platform/i18n/nb.ts';
import { TERM_BY_KEY } from '../taxonomy.ts';

/** Human names of taxonomy keys, skipping parents when a child is present (DPS, not "Spesialisthelsetjeneste, DPS"). */
export function termNames(keys: string[], facetIds: string[]): string[] {
  const wanted = keys.filter((key) => facetIds.includes(key.split(':')[0]!));
  return wanted
    .filter((key) => !wanted.some((other) => other !== key && other.startsWith(`${key}:`)))
    .map((key) => TERM_BY_KEY.get(key)?.name ?? key);
}

export function TermTags({ keys, facets }: { keys: string[]; facets: string[] }) {
  const names = termNames(keys, facets);
  if (names.length === 0) return null;
  return (
    <ul className="tags">
      {names.map((name) => (
        <li key={name}><Tag data-color="neutral" data-size="sm">{name}</Tag></li>
      ))}
    </ul>
  );
}

export function Assured({ date, stale = false }: { date: string | null; stale?: boolean }) {
  return (
    <>
      <span>{date ? nb.finder.lastAssured(formatDate(date)) : nb.finder.notAssured}</span>
      {stale && <Tag data-color="warning" data-size="sm">{nb.selfService.staleLabel}</Tag>}
    </>
  );
}
