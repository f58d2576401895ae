import { Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { DataTable } from '../../../platform/views/data-table.tsx';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { DESIGNS, OUTCOMES, type EvidenceDesign, type EvidenceOutcome } from '../model.ts';
import { Breadcrumbs, EvidenceNav } from './components.tsx';

/** The list filtered to one cell of the map. */
export const cellHref = (outcome: EvidenceOutcome, design: EvidenceDesign) => `${paths.network.evidence.index}?${new URLSearchParams({ design, utfall: outcome })}`;

export function MapPage({ cells, unclassified, secretariat }: { cells: Map<string, number>; unclassified: number; secretariat: boolean }) {
  const m = msg.networkEvidence;
  return (
    <PageFrame title={m.map.title} className="stack evidence">
      <Breadcrumbs here={m.map.title} />
      <Paragraph>{m.map.intro}</Paragraph>
      <EvidenceNav secretariat={secretariat} />
      <DataTable caption={m.map.caption} rows={OUTCOMES} rowKey={(outcome) => outcome} className="evidence-map"
        columns={[
          { header: m.map.outcome, rowHeader: true, cell: (outcome) => m.outcomes[outcome] },
          ...DESIGNS.map((design) => ({
            header: m.designs[design],
            cell: (outcome: EvidenceOutcome) => {
              const count = cells.get(`${outcome}|${design}`) ?? 0;
              return count === 0
                ? <span className="evidence-map__zero">0</span>
                : <Link href={cellHref(outcome, design)} aria-label={m.map.cellLabel(count, m.outcomes[outcome], m.designs[design])}>{count}</Link>;
            },
          })),
        ]} />
      {unclassified > 0 && <Paragraph data-size="sm">{m.map.unclassified(unclassified)}</Paragraph>}
    </PageFrame>
  );
}
