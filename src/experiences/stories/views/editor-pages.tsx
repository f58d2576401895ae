// The network's pages for stories: the list, the form (new and edit, with status and the identifier
// check), the teller's receipt and the interview figures.
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { CheckboxInput, CsrfField, ErrorSummary, Select, TextArea, TextInput, type Errors } from '../../../platform/forms/index.ts';
import { PageFrame } from '../../../platform/views/page-frame.tsx';
import { DataTable } from '../../../platform/views/data-table.tsx';
import type { StoryStatus } from '../../../platform/db/index.ts';
import {
  AGE_BANDS, CURRENT_CONSENT_VERSION, EXCERPT_SLOTS, HEALTH_REGIONS, PURPOSES, SERVICE_LEVELS, SETTINGS, THEMES, TRANSITIONS,
  levelName, regionName, settingName,
} from '../model.ts';
import type { IdentifierFlag } from '../identifiers.ts';
import type { FigureCell, StoryReview, StoryRow } from '../queries.ts';
import { ReviewList } from './review-pages.tsx';
import { storyPaths } from '../paths.ts';
import { DemoTag } from './public-pages.tsx';
import type { StoryValues } from '../form.ts';

const m = msg.experienceStories;
const ed = m.editor;
const p = storyPaths.editor;

type ListRow = { id: string; pseudonym: string; status: StoryStatus; health_region_code: string; interview_year: number; is_demo: boolean };

export function StoryListPage({ stories }: { stories: ListRow[] }) {
  return (
    <PageFrame title={ed.listTitle}>
      <Paragraph>{ed.listIntro}</Paragraph>
      <Paragraph data-size="sm">{m.noTellerData}</Paragraph>
      <Paragraph><Link href={p.create}>{ed.newStory}</Link> · <Link href={p.figures}>{ed.figures}</Link></Paragraph>
      {stories.length === 0 ? <Paragraph>{ed.none}</Paragraph> : (
        <DataTable caption={ed.caption} rows={stories} rowKey={(s) => s.id} columns={[
          { header: ed.columns.pseudonym, rowHeader: true, cell: (s) => <><Link href={p.edit(s.id)}>{s.pseudonym || '–'}</Link> <DemoTag show={s.is_demo} /></> },
          { header: ed.columns.status, cell: (s) => m.statuses[s.status] },
          { header: ed.columns.region, cell: (s) => regionName(s.health_region_code) },
          { header: ed.columns.year, cell: (s) => s.interview_year },
        ]} />
      )}
    </PageFrame>
  );
}

function StoryFormFields({ values, errors }: { values: StoryValues; errors: Errors }) {
  const f = ed.fields;
  const v = (name: string) => values[name] ?? '';
  const choose = { value: '', label: f.choose };
  return (
    <>
      <TextInput id="pseudonym" label={f.pseudonym} hint={f.pseudonymHint} value={v('pseudonym')} error={errors.pseudonym} maxLength={80} autoComplete="off" />
      <Select id="alder" label={f.ageBand} value={v('alder')} error={errors.alder} options={[choose, ...AGE_BANDS.map((a) => ({ value: a, label: m.ageBands[a] }))]} />
      <Select id="region" label={f.region} value={v('region')} error={errors.region} options={[choose, ...HEALTH_REGIONS.map((r) => ({ value: r.code, label: r.name }))]} />
      <Select id="tjenestested" label={f.setting} value={v('tjenestested')} error={errors.tjenestested} options={[choose, ...SETTINGS.map((s) => ({ value: s.code, label: s.name }))]} />
      <Select id="niva" label={f.level} value={v('niva')} error={errors.niva} options={[choose, ...SERVICE_LEVELS.map((l) => ({ value: l, label: levelName(l) }))]} />
      <TextInput id="aar" label={f.year} value={v('aar')} error={errors.aar} maxLength={4} inputMode="numeric" />
      <TextArea id="tekst" label={f.body} value={v('tekst')} error={errors.tekst} rows={14} maxLength={20000} />
      <fieldset className="stack">
        <legend>{f.excerptsLegend}</legend>
        <Paragraph data-size="sm">{f.excerptsHint}</Paragraph>
        {Array.from({ length: EXCERPT_SLOTS }, (_, i) => i + 1).map((n) => (
          <div key={n} className="stack">
            <TextArea id={`utdrag-${n}`} label={f.excerpt(n)} value={v(`utdrag-${n}`)} error={errors[`utdrag-${n}`]} rows={2} maxLength={1000} />
            <Select id={`tema-${n}`} label={f.excerptTheme(n)} value={v(`tema-${n}`)} options={[choose, ...THEMES.map((t) => ({ value: t, label: m.themes[t] }))]} />
          </div>
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>{f.consentLegend}</legend>
        <Paragraph data-size="sm">{f.consentHint(CURRENT_CONSENT_VERSION)}</Paragraph>
        <ConsentText />
        {PURPOSES.map((purpose) => (
          <div key={purpose} className="stack">
            <CheckboxInput id={`samtykke-${purpose}`} name={`samtykke-${purpose}`} value="ja" label={f.consentGiven(m.purposes[purpose])} checked={v(`samtykke-${purpose}`) === 'ja'} />
            <TextInput id={`dato-${purpose}`} label={f.consentDate(m.purposes[purpose])} value={v(`dato-${purpose}`)} error={errors[`dato-${purpose}`]} maxLength={10} />
          </div>
        ))}
      </fieldset>
    </>
  );
}

/** The consent text of the current version, as the teller was shown it. */
function ConsentText() {
  const text = m.consentTexts[CURRENT_CONSENT_VERSION];
  return (
    <div className="consent-text">
      <Paragraph data-size="sm">{ed.fields.consentVersion(CURRENT_CONSENT_VERSION)}: {text.intro}</Paragraph>
      <ul>{PURPOSES.map((purpose) => <li key={purpose}>{m.purposes[purpose]}: {text.purposes[purpose]}</li>)}</ul>
    </div>
  );
}

export function StoryFormPage({ story, values, errors, csrfToken, notice, flags = [], isAuthor = false, statusError, reviews = [], reviewUrl = '' }: {
  story?: StoryRow; values: StoryValues; errors: Errors; csrfToken: string; notice?: string | undefined;
  flags?: IdentifierFlag[]; isAuthor?: boolean; statusError?: string | undefined;
  /** the teller's responses to the drafts, and where the teller reads them */
  reviews?: StoryReview[]; reviewUrl?: string;
}) {
  const title = story ? ed.editTitle(story.pseudonym) : ed.createTitle;
  const failed = Object.keys(errors).length > 0 || !!statusError;
  return (
    <PageFrame title={title} failed={failed} className="stack detail">
      {notice && <Alert data-color="info">{notice}</Alert>}
      {story?.is_demo && <Alert data-color="info">{m.demo}</Alert>}
      <Paragraph>{ed.formIntro}</Paragraph>
      <Paragraph data-size="sm">{m.noTellerData}</Paragraph>
      {story && <StatusPanel story={story} flags={flags} isAuthor={isAuthor} csrfToken={csrfToken} error={statusError} />}
      {story && (
        <section aria-labelledby="teller-heading" className="stack">
          <Heading level={2} data-size="sm" id="teller-heading">{m.review.editorHeading}</Heading>
          <Paragraph data-size="sm">{m.review.editorHint(reviewUrl)}</Paragraph>
          {reviews.length === 0 ? <Paragraph data-size="sm">{m.review.editorNone}</Paragraph> : <ReviewList reviews={reviews} />}
        </section>
      )}
      {story && <FlagsPanel story={story} flags={flags} csrfToken={csrfToken} />}
      <ErrorSummary errors={errors} />
      <form method="post" action={story ? p.edit(story.id) : p.create} noValidate className="stack">
        <CsrfField token={csrfToken} />
        <StoryFormFields values={values} errors={errors} />
        <div className="actions"><Button type="submit">{ed.save}</Button></div>
      </form>
      {story && (
        <form method="post" action={p.receipt(story.id)} className="stack">
          <CsrfField token={csrfToken} />
          <Paragraph data-size="sm">{ed.receipt.newCodeHint}</Paragraph>
          <div className="actions"><Button type="submit" variant="secondary">{ed.receipt.newCode}</Button></div>
        </form>
      )}
      <Paragraph data-size="sm"><Link href={p.index}>{ed.listTitle}</Link></Paragraph>
    </PageFrame>
  );
}

const ACTION_LABEL: Record<StoryStatus, (from: StoryStatus) => string> = {
  utkast: () => ed.status.backToDraft,
  til_gjennomlesing: () => ed.status.toReview,
  godkjent: (from) => (from === 'publisert' ? ed.status.unpublish : ed.status.approved),
  publisert: () => ed.status.publish,
};

function StatusPanel({ story, flags, isAuthor, csrfToken, error }: { story: StoryRow; flags: IdentifierFlag[]; isAuthor: boolean; csrfToken: string; error?: string | undefined }) {
  const open = flags.filter((f) => !story.cleared.includes(f.token));
  const hasWebsite = story.consents.some((c) => c.purpose === 'nettside');
  return (
    <section aria-labelledby="status-heading" className="stack">
      <Heading level={2} data-size="sm" id="status-heading">{ed.status.heading}</Heading>
      <Paragraph>{ed.status.current(m.statuses[story.status])}</Paragraph>
      {error && <Alert data-color="danger" id="status-error">{error}</Alert>}
      {TRANSITIONS[story.status].map((to) => {
        if (to === 'publisert' && isAuthor) return <Paragraph key={to} data-size="sm">{ed.status.notYourOwn}</Paragraph>;
        if (to === 'publisert' && !hasWebsite) return <Paragraph key={to} data-size="sm">{ed.status.needsWebsiteConsent}</Paragraph>;
        return (
          <form key={to} method="post" action={p.status(story.id)} className="stack">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="til" value={to} />
            {to === 'publisert' && open.length > 0 && (
              <CheckboxInput id="bekreft" name="bekreft" value="ja" label={ed.status.confirmFlags} checked={false} />
            )}
            <div className="actions"><Button type="submit" variant={to === 'publisert' ? 'primary' : 'secondary'}>{ACTION_LABEL[to](story.status)}</Button></div>
          </form>
        );
      })}
      {story.consents.length > 0 && (
        <ul>{story.consents.map((c) => <li key={c.purpose}>{m.purposes[c.purpose]}: {c.given_on} ({c.text_version})</li>)}</ul>
      )}
    </section>
  );
}

function FlagsPanel({ story, flags, csrfToken }: { story: StoryRow; flags: IdentifierFlag[]; csrfToken: string }) {
  const f = ed.flags;
  return (
    <section aria-labelledby="flags-heading" className="stack">
      <Heading level={2} data-size="sm" id="flags-heading">{f.heading}</Heading>
      {flags.length === 0 ? <Paragraph data-size="sm">{f.none}</Paragraph> : (
        <>
          <Paragraph data-size="sm">{f.intro}</Paragraph>
          <ul className="identifier-flags">
            {flags.map((flag) => (
              <li key={flag.token} data-kind={flag.kind}>
                {f.kinds[flag.kind]}: <strong>{flag.token}</strong>{' '}
                {story.cleared.includes(flag.token) ? <span>({f.cleared})</span> : (
                  <form method="post" action={p.clear(story.id)} className="inline-form">
                    <CsrfField token={csrfToken} />
                    <input type="hidden" name="token" value={flag.token} />
                    <Button type="submit" variant="tertiary" data-size="sm">{f.clear(flag.token)}</Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function ReceiptPage({ story, code, publicUrl }: { story: StoryRow; code: string; publicUrl: string }) {
  const r = ed.receipt;
  return (
    <PageFrame title={r.title}>
      <Paragraph>{r.intro}</Paragraph>
      <section className="receipt stack" aria-labelledby="receipt-code">
        <Paragraph>{r.pseudonym}: {story.pseudonym}</Paragraph>
        <Heading level={2} data-size="sm" id="receipt-code">{r.code}</Heading>
        <Paragraph data-size="lg" className="receipt-code"><strong>{code}</strong></Paragraph>
        <Paragraph>{r.how(`${publicUrl}${storyPaths.withdraw}`)}</Paragraph>
        <Paragraph>{r.review(`${publicUrl}${storyPaths.review}`)}</Paragraph>
        <Paragraph>{r.what}</Paragraph>
        <Paragraph>{r.consents}:</Paragraph>
        {story.consents.length === 0 ? <Paragraph>{r.noConsents}</Paragraph>
          : <ul>{story.consents.map((c) => <li key={c.purpose}>{m.purposes[c.purpose]} ({c.given_on})</li>)}</ul>}
        <Paragraph data-size="sm">{m.noTellerData}</Paragraph>
      </section>
      <Paragraph data-size="sm">{r.print}</Paragraph>
      <Paragraph data-size="sm"><Link href={p.edit(story.id)}>{r.toStory}</Link></Paragraph>
    </PageFrame>
  );
}

export function FiguresPage({ figures }: { figures: { total: number | null; region: FigureCell[]; setting: FigureCell[]; level: FigureCell[]; year: FigureCell[] } }) {
  const f = m.figures;
  const shown = (n: number | null) => (n === null ? f.fewer : String(n));
  const table = (caption: string, cells: FigureCell[], name: (key: string) => string) => (
    <DataTable caption={caption} rows={cells} rowKey={(c) => c.key} columns={[
      { header: caption, rowHeader: true, cell: (c) => name(c.key) },
      { header: f.count, cell: (c) => shown(c.n) },
    ]} />
  );
  return (
    <PageFrame title={f.title}>
      <Paragraph>{f.intro}</Paragraph>
      <Paragraph><strong>{f.total}: {shown(figures.total)}</strong></Paragraph>
      {table(f.byRegion, figures.region, regionName)}
      {table(f.bySetting, figures.setting, settingName)}
      {table(f.byLevel, figures.level, levelName)}
      {table(f.byYear, figures.year, (k) => k)}
      <Paragraph data-size="sm"><Link href={p.index}>{ed.listTitle}</Link></Paragraph>
    </PageFrame>
  );
}
