import { Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { formatDate, msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import type { EvidenceEntry } from '../model.ts';

const m = () => msg.networkEvidence;

/** The library's own links: list, map, guidelines; for the secretariat also add and import. */
export function EvidenceNav({ secretariat }: { secretariat: boolean }) {
  const p = paths.network.evidence;
  const links = [
    { href: p.index, text: m().nav.list },
    { href: p.map, text: m().nav.map },
    { href: p.guidelines, text: m().nav.guidelines },
    ...(secretariat ? [{ href: p.add, text: m().nav.add }, { href: p.import, text: m().nav.import }] : []),
  ];
  return (
    <nav aria-label={m().sectionNav} className="evidence-nav">
      <ul>{links.map((link) => <li key={link.href}><Link href={link.href}>{link.text}</Link></li>)}</ul>
    </nav>
  );
}

export function Breadcrumbs({ here }: { here?: string }) {
  return (
    <nav aria-label={m().breadcrumbs} className="breadcrumbs">
      <ol>
        <li><Link href={paths.network.index}>{m().network}</Link></li>
        {here ? <li><Link href={paths.network.evidence.index}>{m().title}</Link></li> : <li aria-current="page">{m().title}</li>}
        {here && <li aria-current="page">{here}</li>}
      </ol>
    </nav>
  );
}

export function StatusTag({ entry }: { entry: Pick<EvidenceEntry, 'checked_at'> }) {
  return entry.checked_at
    ? <Tag data-color="success" data-size="sm">{m().checkedOn(formatDate(entry.checked_at))}</Tag>
    : <Tag data-color="warning" data-size="sm">{m().unchecked}</Tag>;
}

export const designLabel = (entry: Pick<EvidenceEntry, 'design'>) => (entry.design ? m().designs[entry.design] : m().notRegistered);
export const populationLabel = (entry: Pick<EvidenceEntry, 'population'>) => (entry.population ? m().populations[entry.population] : m().notRegistered);
export const outcomesLabel = (entry: Pick<EvidenceEntry, 'outcomes'>) => (entry.outcomes.length > 0 ? entry.outcomes.map((o) => m().outcomes[o]).join(', ') : m().notRegistered);

export function OpenDataLinks() {
  const api = paths.network.evidence.api;
  return (
    <section aria-labelledby="evidence-open-data" className="evidence-open-data">
      <h2 id="evidence-open-data" className="ds-heading" data-size="xs">{m().openData.heading}</h2>
      <Paragraph data-size="sm">
        <Link href={api.json}>{m().openData.json}</Link>{' · '}
        <Link href={api.csl}>{m().openData.csl}</Link>{' · '}
        <Link href={api.csv}>{m().openData.csv}</Link>
      </Paragraph>
    </section>
  );
}
