import { Alert, Button, Field, Input, Label, Link, Paragraph, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { formatDate, msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import type { SectionStatus } from '../tables.ts';
import { describedBy } from '../../platform/forms/index.ts';
import { SourceList as PlatformSourceList, type CitedSource } from '../../platform/views/source-list.tsx';

const m = () => msg.handbook;

/** "Del 2: Planlegging": parts are numbered by the hundreds of the section order. */
export const partLabel = (order: number, part: string) => m().partLabel(Math.floor(order / 100), part);

/** Every section is a draft for professional review until an admin marks it reviewed. */
export function ReviewStatus({ status, lastReviewed }: { status: SectionStatus; lastReviewed: string | null }) {
  if (status === 'gjennomgått' && lastReviewed) return <Paragraph data-size="sm" className="review-status">{m().reviewedOn(formatDate(lastReviewed))}</Paragraph>;
  return (
    <Alert data-color="warning" className="draft-banner">
      <strong>{m().draftTitle}</strong> {m().draftText}
    </Alert>
  );
}

export function DraftTag({ status }: { status: SectionStatus }) {
  return status === 'utkast' ? <Tag data-color="warning" data-size="sm">{m().draftTag}</Tag> : null;
}

/** The section's sources; a line "@key" cites an entry of the evidence library (resolved by the route). */
export function SourceList({ sources }: { sources: CitedSource[] }) {
  return <PlatformSourceList heading={m().sourcesHeading} empty={m().noSources} sources={sources} />;
}

export function HandbookSearchForm({ value, error }: { value: string; error?: string | undefined }) {
  return (
    <form method="get" action={paths.handbook.search} role="search" aria-label={m().searchLabel} className="handbook-search">
      <Field>
        <Label htmlFor="q">{m().searchLabel}</Label>
        <div className="handbook-search__row">
          <Input id="q" name="q" type="search" defaultValue={value} maxLength={200} aria-describedby={describedBy('q', false, error)} aria-invalid={error ? true : undefined} />
          <Button type="submit" variant="secondary">{m().searchButton}</Button>
        </div>
        {error && <ValidationMessage id="q-error">{error}</ValidationMessage>}
      </Field>
    </form>
  );
}

export function SectionLink({ slug, title }: { slug: string; title: string }) {
  return <Link href={paths.handbook.section(slug)}>{title}</Link>;
}
