import { Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import type { EvidenceEntry } from '../model.ts';
import { GUIDELINES } from '../guidelines.ts';
import { Breadcrumbs, EvidenceNav, StatusTag } from './components.tsx';

export function GuidelinesPage({ entries, secretariat }: { entries: Map<string, EvidenceEntry>; secretariat: boolean }) {
  const m = msg.networkEvidence;
  const g = m.guidelines;
  return (
    <PageFrame title={g.title} className="stack detail evidence">
      <Breadcrumbs here={g.title} />
      <Paragraph>{g.intro}</Paragraph>
      <EvidenceNav secretariat={secretariat} />
      {GUIDELINES.map((guideline) => {
        const text = g.items[guideline.id];
        const entry = entries.get(guideline.key);
        return (
          <section key={guideline.id} aria-labelledby={`guideline-${guideline.id}`} className="evidence-guideline">
            <h2 id={`guideline-${guideline.id}`} className="ds-heading" data-size="sm">{text.name}</h2>
            <Paragraph>{text.summary}</Paragraph>
            <dl className="evidence-facts">
              <dt>{g.grade}</dt>
              <dd>{guideline.grade ? g.gradeValue(guideline.grade.recommendation, guideline.grade.evidenceLevel) : g.noGrade}</dd>
              <dt>{g.source}</dt>
              <dd>{entry?.url ? <Link href={entry.url}>{entry.url}</Link> : m.notRegistered}</dd>
              <dt>{g.libraryEntry}</dt>
              <dd>{entry ? <><Link href={paths.network.evidence.entry(entry.key)}>{entry.title}</Link> <StatusTag entry={entry} /></> : g.missingEntry}</dd>
            </dl>
          </section>
        );
      })}
    </PageFrame>
  );
}
