import { Alert, Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { CsrfField } from '../../../platform/forms/index.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { authorsText, citationText, titleWithAuthorYear } from '../csl.ts';
import type { EvidenceEntry } from '../model.ts';
import { Breadcrumbs, StatusTag, designLabel, outcomesLabel, populationLabel } from './components.tsx';

export function EntryPage({ entry, checkerName, secretariat, notice, experiences }: {
  entry: EvidenceEntry; checkerName: string | null; secretariat: { csrfToken: string } | null; notice?: string | undefined;
  /** "Erfaringer fra brukere" on the same outcomes (from experiences/) */
  experiences?: React.ReactNode;
}) {
  const m = msg.networkEvidence;
  const e = m.entry;
  const note = typeof entry.csl.note === 'string' ? entry.csl.note : '';
  const row = (label: string, value: React.ReactNode) => <><dt>{label}</dt><dd>{value}</dd></>;
  return (
    <PageFrame title={titleWithAuthorYear(entry)} heading={entry.title} className="stack detail evidence-entry">
      <Breadcrumbs here={entry.title} />
      {notice && <Alert data-color="info">{notice}</Alert>}
      <Paragraph><StatusTag entry={entry} />{checkerName && entry.checked_at ? ` ${checkerName}` : ''}</Paragraph>
      {!entry.checked_at && <Alert data-color="warning">{e.uncheckedText}</Alert>}
      <section aria-labelledby="citation-heading">
        <h2 id="citation-heading" className="ds-heading" data-size="xs">{e.citation}</h2>
        <Paragraph className="evidence-citation">{citationText(entry)}</Paragraph>
        <dl className="evidence-facts">
          {row(e.kind, m.kinds[entry.kind])}
          {row(e.authors, authorsText(entry.authors, entry.csl, entry.authors_incomplete) || m.notRegistered)}
          {row(e.year, entry.year ?? m.notRegistered)}
          {row(e.container, entry.container_title || m.notRegistered)}
          {row(e.doi, entry.doi ? <Link href={`https://doi.org/${entry.doi}`}>{entry.doi}</Link> : m.notRegistered)}
          {row(e.url, entry.url ? <Link href={entry.url}>{entry.url}</Link> : m.notRegistered)}
        </dl>
      </section>
      <section aria-labelledby="content-heading">
        <h2 id="content-heading" className="ds-heading" data-size="xs">{m.form.contentLegend}</h2>
        <dl className="evidence-facts">
          {row(e.design, designLabel(entry))}
          {row(e.population, populationLabel(entry))}
          {row(e.setting, entry.setting || m.notRegistered)}
          {row(e.outcomes, outcomesLabel(entry))}
          {row(e.mainFinding, entry.main_finding || m.notRegistered)}
          {row(e.effectSize, entry.effect_size
            ? <>{entry.effect_size}<br />{e.effectSizeSource(entry.effect_size_source)}</>
            : e.noEffectSize)}
        </dl>
      </section>
      {experiences}
      {note && (
        <section aria-labelledby="provenance-heading">
          <h2 id="provenance-heading" className="ds-heading" data-size="xs">{e.provenance}</h2>
          <Paragraph data-size="sm" lang="en" className="evidence-note">{note}</Paragraph>
        </section>
      )}
      <section aria-labelledby="cite-heading">
        <h2 id="cite-heading" className="ds-heading" data-size="xs">{e.cite}</h2>
        <Paragraph data-size="sm">{e.citeHint(entry.key)}</Paragraph>
      </section>
      {secretariat && (
        <div className="admin-actions">
          <Link href={paths.network.evidence.edit(entry.key)}>{e.edit}</Link>
          {!entry.checked_at && (
            <form method="post" noValidate action={paths.network.evidence.check(entry.key)}>
              <CsrfField token={secretariat.csrfToken} />
              <Paragraph data-size="sm">{e.markCheckedHint}</Paragraph>
              <Button type="submit" variant="secondary" data-size="sm">{e.markChecked}</Button>
            </form>
          )}
        </div>
      )}
    </PageFrame>
  );
}
