import { Alert, Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { Select } from '../../../platform/forms/index.ts';
import { DataTable } from '../../../platform/views/data-table.tsx';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { citationText } from '../csl.ts';
import { DESIGNS, OUTCOMES, POPULATIONS, type EvidenceEntry } from '../model.ts';
import { Breadcrumbs, EvidenceNav, OpenDataLinks, StatusTag, designLabel, outcomesLabel, populationLabel } from './components.tsx';

export interface ListFilterValues { design: string; populasjon: string; utfall: string }

export function ListPage({ entries, filter, error, notice, secretariat }: {
  entries: EvidenceEntry[]; filter: ListFilterValues; error?: string | undefined; notice?: string | undefined; secretariat: boolean;
}) {
  const m = msg.networkEvidence;
  const all = { value: '', label: m.list.all };
  return (
    <PageFrame title={m.title} className="stack evidence">
      <Breadcrumbs />
      <Paragraph>{m.intro}</Paragraph>
      <EvidenceNav secretariat={secretariat} />
      {notice && <Alert data-color="success">{notice}</Alert>}
      <form method="get" action={paths.network.evidence.index} className="evidence-filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="ds-heading" data-size="xs">{m.list.filters}</h2>
        {error && <Alert data-color="danger">{error}</Alert>}
        <div className="evidence-filters__fields">
          <Select id="design" label={m.list.design} value={filter.design} options={[all, ...DESIGNS.map((d) => ({ value: d, label: m.designs[d] }))]} />
          <Select id="populasjon" label={m.list.population} value={filter.populasjon} options={[all, ...POPULATIONS.map((p) => ({ value: p, label: m.populations[p] }))]} />
          <Select id="utfall" label={m.list.outcome} value={filter.utfall} options={[all, ...OUTCOMES.map((o) => ({ value: o, label: m.outcomes[o] }))]} />
        </div>
        <div className="actions">
          <Button type="submit" variant="secondary">{m.list.show}</Button>
          <Link href={paths.network.evidence.index}>{m.list.reset}</Link>
        </div>
      </form>
      <Paragraph role="status" id="evidence-count">{m.list.count(entries.length)}</Paragraph>
      {entries.length === 0
        ? <Paragraph>{m.list.empty}</Paragraph>
        : (
          <DataTable caption={m.list.caption} captionClassName="visually-hidden" rows={entries} rowKey={(entry) => entry.id} className="evidence-table"
            columns={[
              { header: m.list.columns.source, rowHeader: true, cell: (entry) => <Link href={paths.network.evidence.entry(entry.key)}>{citationText(entry)}</Link> },
              { header: m.list.columns.design, cell: designLabel },
              { header: m.list.columns.population, cell: populationLabel },
              { header: m.list.columns.outcomes, cell: outcomesLabel },
              { header: m.list.columns.status, cell: (entry) => <StatusTag entry={entry} /> },
            ]} />
        )}
      <OpenDataLinks />
    </PageFrame>
  );
}
