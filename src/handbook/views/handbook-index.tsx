import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { SectionRow } from '../queries.ts';
import { DraftTag, HandbookSearchForm, partLabel } from './components.tsx';

/** The handbook's front page: what it is, a search, the planner, and every section by part. */
export function HandbookIndexPage({ sections }: { sections: SectionRow[] }) {
  const m = msg.handbook;
  const parts = [...new Set(sections.map((s) => Math.floor(s.sort_order / 100)))];
  const anyDraft = sections.some((s) => s.status === 'utkast');
  return (
    <Layout title={m.title} description={m.lead}>
      <Heading level={1} data-size="xl">{m.title}</Heading>
      <Paragraph className="lead">{m.lead}</Paragraph>
      {anyDraft && <Alert data-color="warning" className="draft-banner"><strong>{m.draftTitle}</strong> {m.draftIndex}</Alert>}
      <HandbookSearchForm value="" />
      <section aria-labelledby="planner-heading" className="planner-teaser">
        <Heading level={2} data-size="md" id="planner-heading">{m.plannerTeaserHeading}</Heading>
        <Paragraph>{m.plannerTeaser}</Paragraph>
        <Paragraph><Link href={paths.handbook.planner.index}>{m.plannerTeaserLink}</Link></Paragraph>
      </section>
      {parts.map((part) => {
        const inPart = sections.filter((s) => Math.floor(s.sort_order / 100) === part);
        const first = inPart[0]!;
        return (
          <section key={part} aria-labelledby={`part-${part}`}>
            <Heading level={2} data-size="md" id={`part-${part}`}>{partLabel(first.sort_order, first.part)}</Heading>
            <ol className="section-list">
              {inPart.map((section) => (
                <li key={section.slug}>
                  <Link href={paths.handbook.section(section.slug)}>{section.title}</Link> <DraftTag status={section.status} />
                  <Paragraph data-size="sm">{section.summary}</Paragraph>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </Layout>
  );
}
