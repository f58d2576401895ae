import { BokmalContent } from '../../platform/views/bokmal-content.tsx';
import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { RenderedSection } from '../markdown.ts';
import type { SectionRow } from '../queries.ts';
import { CsrfField } from '../../platform/forms/index.ts';
import type { CitedSource } from '../../platform/views/source-list.tsx';
import { ReviewStatus, SourceList, partLabel } from './components.tsx';

export interface SectionPageProps {
  section: SectionRow;
  /** the section's sources, library citations resolved to links */
  sources: CitedSource[];
  rendered: RenderedSection;
  previous: SectionRow | undefined;
  next: SectionRow | undefined;
  /** set for admins: the page offers editing, history and review */
  admin: { csrfToken: string } | null;
  /** "Erfaringer fra brukere": quotes the tellers let the handbook use (from experiences/) */
  experiences?: React.ReactNode;
}

export function SectionPage({ section, sources, rendered, previous, next, admin, experiences }: SectionPageProps) {
  const m = msg.handbook;
  return (
    <Layout title={section.title}>
      <nav aria-label={m.breadcrumbs} className="breadcrumbs">
        <ol>
          <li><Link href={paths.handbook.index}>{m.title}</Link></li>
          <li>{partLabel(section.sort_order, section.part)}</li>
        </ol>
      </nav>
      <article className="handbook-section">
        <Heading level={1} data-size="xl">{section.title}</Heading>
        <Paragraph className="lead">{section.summary}</Paragraph>
        <ReviewStatus status={section.status} lastReviewed={section.last_reviewed} />
        {admin && (
          <div className="admin-actions">
            <Link href={paths.handbook.edit(section.slug)}>{m.edit}</Link>
            <Link href={paths.handbook.history(section.slug)}>{m.history}</Link>
            {section.status === 'utkast' && (
              <form method="post" noValidate action={paths.handbook.review(section.slug)}>
                <CsrfField token={admin.csrfToken} />
                <Button type="submit" variant="secondary" data-size="sm">{m.markReviewed}</Button>
              </form>
            )}
          </div>
        )}
        <div className="handbook-layout">
          {rendered.toc.length > 0 && (
            <nav aria-labelledby="toc-heading" className="toc">
              <h2 id="toc-heading" className="ds-heading" data-size="2xs">{m.toc}</h2>
              <ol>
                {rendered.toc.map((entry) => (
                  <li key={entry.id} className={entry.level === 3 ? 'toc__sub' : undefined}><a href={`#${entry.id}`}>{entry.text}</a></li>
                ))}
              </ol>
            </nav>
          )}
          <BokmalContent html={rendered.html} />
        </div>
        {experiences}
        <SourceList sources={sources} />
        {section.checklist.length > 0 && (
          <section aria-labelledby="checklist-heading" className="section-checklist">
            <h2 id="checklist-heading" className="ds-heading" data-size="xs">{m.checklistHeading}</h2>
            <ul>{section.checklist.map((item) => <li key={item.id}>{item.text} <span className="phase-name">({m.phases[item.phase]})</span></li>)}</ul>
            <Paragraph data-size="sm"><Link href={paths.handbook.planner.index}>{m.checklistInPlanner}</Link></Paragraph>
          </section>
        )}
      </article>
      <nav aria-label={m.pager} className="pager">
        {previous && <Link href={paths.handbook.section(previous.slug)} rel="prev">{m.previous(previous.title)}</Link>}
        {next && <Link href={paths.handbook.section(next.slug)} rel="next">{m.next(next.title)}</Link>}
      </nav>
    </Layout>
  );
}
