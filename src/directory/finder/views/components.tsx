import { Link, Tag } from '@digdir/designsystemet-react';
import { msg, formatDate } from '../../../platform/i18n/index.ts';
import { isEmailAddress, isWebUrl } from '../../model.ts';
import { TERM_BY_KEY } from '../../taxonomy.ts';
import { termLabel } from '../../taxonomy-labels.ts';

/** The href for stored data, or null when it is not safe to link: only http(s) addresses, and mailto: for an email address. */
export function safeHref(kind: 'web' | 'email', value: string): string | null {
  if (kind === 'web') return isWebUrl(value) ? value : null;
  return isEmailAddress(value) ? `mailto:${value}` : null;
}

/**
 * A tel: href for a phone number as people write it ("+47 22 33 44 55", "22 33 44 55", "0047 …",
 * "116 117"), or null when it is not a number a phone can dial. Eight-digit Norwegian numbers get
 * +47, so the link works from a foreign phone too; short codes (113, 116 117) stay as they are.
 */
export function telHref(number: string): string | null {
  const compact = number.replace(/[\s().\-\u00a0]/g, '').replace(/^00/, '+');
  if (!/^\+?\d{3,15}$/.test(compact)) return null;
  return `tel:${/^\d{8}$/.test(compact) ? `+47${compact}` : compact}`;
}

/**
 * A link to a stored address. Data imported or stored before the input rules may hold any scheme
 * (javascript:, data:, vbscript:): such a value is shown as text, never as a link.
 */
export function StoredLink({ kind, value }: { kind: 'web' | 'email'; value: string }) {
  const href = safeHref(kind, value);
  return href ? <Link href={href}>{value}</Link> : <span>{value}</span>;
}

/** The most specific of the keys of the given facets: a parent is skipped when a child is present (DPS, not "Spesialisthelsetjeneste, DPS"). */
function specificKeys(keys: string[], facetIds: string[]): string[] {
  const wanted = keys.filter((key) => facetIds.includes(key.split(':')[0]!));
  return wanted.filter((key) => !wanted.some((other) => other !== key && other.startsWith(`${key}:`)));
}

/** The canonical (bokmål) names of taxonomy keys, for exports such as the CSV. */
export function termNames(keys: string[], facetIds: string[]): string[] {
  return specificKeys(keys, facetIds).map((key) => TERM_BY_KEY.get(key)?.name ?? key);
}

/** The names of taxonomy keys in the reader's language, for pages. */
export function termLabels(keys: string[], facetIds: string[]): string[] {
  return specificKeys(keys, facetIds).map(termLabel);
}

export function TermTags({ keys, facets }: { keys: string[]; facets: string[] }) {
  const names = termLabels(keys, facets);
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
      <span>{date ? msg.finder.lastAssured(formatDate(date)) : msg.finder.notAssured}</span>
      {stale && <Tag data-color="warning" data-size="sm">{msg.selfService.staleLabel}</Tag>}
    </>
  );
}
