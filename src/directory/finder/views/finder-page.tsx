import { Alert, Button, Field, Heading, Input, Label, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { msg } from '../../../platform/i18n/index.ts';
import { paths } from '../../../platform/paths.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { assetUrl } from '../../../platform/http/assets.ts';
import { ErrorSummary } from '../../../platform/forms/index.ts';
import type { SearchResult } from '../search.ts';
import type { ShownText } from '../../queries.ts';
import type { PlaceOrigin } from '../../../reference/index.ts';
import { FACETS, LANGUAGE_FACET, LANGUAGES, TERMS } from '../../taxonomy.ts';
import { facetLabel, languageLabel, termLabel } from '../../taxonomy-labels.ts';
import { Assured, TermTags } from './components.tsx';
import { SearchFields, finderUrl, type FieldErrors, type FormValues } from './finder-form.tsx';
import { HitMap } from './map.tsx';
import { PlaceChip, SearchNotes } from './search-notes.tsx';

export interface FinderPageProps {
  values: FormValues;
  /** raw query parameters, for links that change one thing */
  params: Record<string, string[]>;
  errors: FieldErrors;
  /** extra help under the place field, e.g. the municipalities to choose between */
  placeChoices: { label: string; href: string }[];
  placeLabel: string | null;
  /** what distances are measured from, stated on the page */
  placeOrigin: PlaceOrigin | null;
  placeMunicipality: string | null;
  /** the place searched from, with a link to the same search without it */
  placeChip: { name: string; removeHref: string; fromText: string | null } | null;
  /** the free text searched (without the words that named a place) */
  searchText: string;
  result: SearchResult | null;
  /** per hit: its name and description in the reader's language where the offer has them, else bokmål, with the language each is in */
  texts: Map<string, { name: ShownText; description: ShownText }>;
  page: number;
  perPage: number;
}

const m = msg.finder;

function withParams(params: Record<string, string[]>, change: Record<string, string[] | undefined>): string {
  return finderUrl({ ...params, ...change });
}

function Filters({ params, result }: { params: Record<string, string[]>; result: SearchResult | null }) {
  const groups = [
    ...FACETS.map((facet) => ({ id: facet.id, name: facetLabel(facet.id), options: TERMS.filter((t) => t.facet === facet).map((t) => ({ code: t.code, key: t.key, name: termLabel(t.key), child: t.parentKey !== null })) })),
    { id: LANGUAGE_FACET, name: m.languageFacet, options: Object.keys(LANGUAGES).map((code) => ({ code, key: `${LANGUAGE_FACET}:${code}`, name: languageLabel(code), child: false })) },
  ];
  const chosen = groups.reduce((sum, group) => sum + (params[group.id]?.length ?? 0), 0);
  return (
    <aside className="filters" aria-labelledby="filters-heading">
      {/* on small screens a closed disclosure ("Filtrer") so the hits come first; on large screens always open beside the list (app.css) */}
      <details className="filter-disclosure">
        <summary className="filter-disclosure__toggle">
          {m.filterToggle}
          {chosen > 0 && <span className="filter-disclosure__chosen">{` (${m.filtersChosen(chosen)})`}</span>}
        </summary>
      <Heading level={2} data-size="xs" id="filters-heading">{m.filtersHeading}</Heading>
      {groups.map((group) => {
        const selected = params[group.id] ?? [];
        return (
          <fieldset key={group.id} className="ds-fieldset">
            <legend className="ds-label">{group.name}</legend>
            {group.options.map((option) => {
              const id = `${group.id}-${option.code.replace(/:/g, '-')}`;
              const count = result?.facetCounts[group.id]?.[option.key] ?? 0;
              return (
                <Field key={option.key} className={option.child ? 'child-option' : undefined}>
                  <Input type="checkbox" id={id} name={group.id} value={option.code} defaultChecked={selected.includes(option.code)} />
                  <Label htmlFor={id} data-weight="regular">
                    {option.name} <span className="count">({count})</span>
                  </Label>
                </Field>
              );
            })}
          </fieldset>
        );
      })}
      <Button type="submit" variant="secondary" className="filters__apply">{m.applyFilters}</Button>
      {result && <Button type="submit" variant="primary" className="filters__show" data-module="hit-count">{m.showHits(result.total)}</Button>}
      <Paragraph data-size="sm"><Link className="filters__clear" href={finderUrl({ q: params.q, sted: params.sted })}>{m.clearAll}</Link></Paragraph>
      </details>
    </aside>
  );
}

function NoHits({ params }: { params: Record<string, string[]> }) {
  const hasFilters = Object.keys(params).some((key) => [...FACETS.map((f) => f.id), LANGUAGE_FACET].includes(key));
  const suggestions = [
    params.q?.[0] ? { href: withParams(params, { q: undefined, side: undefined }), text: m.loosen.text(params.q[0]) } : null,
    params.innen?.[0] ? { href: withParams(params, { innen: undefined, side: undefined }), text: m.loosen.radius } : null,
    hasFilters ? { href: finderUrl({ q: params.q, sted: params.sted, innen: params.innen, alder: params.alder }), text: m.loosen.filters } : null,
    params.alder?.[0] ? { href: withParams(params, { alder: undefined, side: undefined }), text: m.loosen.age } : null,
  ].filter((s): s is { href: string; text: string } => s !== null);
  return (
    <div className="no-hits">
      <Heading level={2} data-size="sm">{m.noHitsHeading}</Heading>
      {suggestions.length > 0 && (
        <>
          <Paragraph>{m.noHitsIntro}</Paragraph>
          <ul>{suggestions.map((s) => <li key={s.href}><Link href={s.href}>{s.text}</Link></li>)}</ul>
        </>
      )}
    </div>
  );
}

/** The start of a description for a hit: whole words up to about a line and a half, the rest on the offer's page. */
export function excerpt(text: string, length = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length + 1);
  const end = cut.lastIndexOf(' ');
  return `${(end > length / 2 ? cut.slice(0, end) : flat.slice(0, length)).replace(/[\s,.;:–-]+$/, '')}…`;
}

function Hits({ result, texts, placeLabel, placeMunicipality }: { result: SearchResult; texts: FinderPageProps['texts']; placeLabel: string | null; placeMunicipality: string | null }) {
  return (
    <ol className="hits">
      {result.hits.map((hit) => {
        const text = texts.get(hit.id);
        const name = text?.name ?? { text: hit.name, language: 'nb' };
        return (
        <li key={hit.id} className="hit">
          <h3><Link href={paths.service(hit.id)} lang={name.language}>{name.text}</Link></h3>
          {text && text.description.text && <p className="hit__summary" lang={text.description.language}>{excerpt(text.description.text)}</p>}
          <div className="meta">
            <span>{hit.organizationName}</span>
            {hit.isDigital && <span>{m.digital}</span>}
            {placeLabel && !hit.isDigital && hit.distanceKm !== null && (
              <>
                {hit.inPlaceMunicipality && placeMunicipality && <span>{m.inMunicipality(placeMunicipality)}</span>}
                <span>{m.km(hit.distanceKm)}</span>
              </>
            )}
            <Assured date={hit.assuredDate} stale={hit.stale} />
            {hit.status === 'temporarily closed' && <Tag data-color="warning" data-size="sm">{m.temporarilyClosed}</Tag>}
            {hit.isDemo && <Tag data-color="info" data-size="sm">{m.demoTag}</Tag>}
          </div>
          <TermTags keys={hit.terms} facets={['niva', 'arena', 'tilgang', 'format']} />
        </li>
        );
      })}
    </ol>
  );
}

function Pagination({ params, page, perPage, total }: { params: Record<string, string[]>; page: number; perPage: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav aria-label={m.pagination}>
      <ul className="pagination">
        {page > 1 && <li><Link href={withParams(params, { side: page === 2 ? undefined : [String(page - 1)] })} rel="prev">{m.previous}</Link></li>}
        <li aria-current="page">{m.page(page, pages)}</li>
        {page < pages && <li><Link href={withParams(params, { side: [String(page + 1)] })} rel="next">{m.next}</Link></li>}
      </ul>
    </nav>
  );
}

/** What a distance on this page is measured from: a postal code's point, a municipality's population centre, or a position. */
function distanceOrigin(origin: PlaceOrigin, label: string, municipality: string | null): string {
  switch (origin) {
    case 'postal_code_point': return m.distanceFrom.postal_code_point(label);
    // a municipality always has its name; a postal code without a point of its own is measured from its municipality
    case 'municipality_centre': return m.distanceFrom.municipality_centre(municipality ?? label);
    case 'position': return m.distanceFrom.position(label);
    case 'postal_place_points': return m.distanceFrom.postal_place_points(label);
  }
}

export function FinderPage(props: FinderPageProps) {
  const { result, errors, params } = props;
  const errorEntries = Object.entries(errors).filter(([, message]) => message);
  const digitalHits = result?.facetCounts.format?.['format:digital'] ?? 0;
  const showsDemoData = result?.hits.some((h) => h.isDemo) ?? false;
  const title = errorEntries.length > 0 ? msg.errors.titlePrefix(m.title) : result ? `${m.resultsTitle(result.total)} – ${m.title}` : m.title;
  return (
    <Layout title={title} description={m.metaDescription} showsDemoData={showsDemoData}>
      <Heading level={1} data-size="lg">{m.title}</Heading>
      <ErrorSummary errors={errors} heading={msg.errors.summaryHeading} anchor={(field) => (field === 'filter' ? 'filters-heading' : field)} />
      {/* assets/finder.js updates the results in place when a filter changes; without it this is a plain GET form */}
      <form method="get" action={paths.finder} data-module="finder" role="search" aria-label={m.title}>
        <SearchFields values={props.values} errors={errors} />
        {props.placeChoices.length > 0 && (
          <ul className="place-choices">
            {props.placeChoices.map((choice) => <li key={choice.href}><Link href={choice.href}>{choice.label}</Link></li>)}
          </ul>
        )}
        <a className="skip-to-results" href="#resultater">{m.skipToResults}</a>
        {/* the one live region: empty when the page loads, the script puts the new count here after an update in place */}
        <p className="visually-hidden" role="status" aria-live="polite" data-module="finder-status" data-announce={result ? m.hitsAnnounced(result.total) : ''} />
        <div className="finder">
          <Filters params={params} result={result} />
          <section aria-labelledby="results-heading" className="results" id="resultater" tabIndex={-1}>
            {result && (
              <>
                <div className="results-head">
                  <Heading level={2} data-size="sm" id="results-heading">{m.resultsTitle(result.total)}</Heading>
                </div>
                {props.placeLabel && props.placeOrigin && (
                  <Paragraph data-size="sm" className="source" id="distance-origin">
                    {distanceOrigin(props.placeOrigin, props.placeLabel, props.placeMunicipality)}
                  </Paragraph>
                )}
                {props.placeChip && <PlaceChip {...props.placeChip} />}
                <SearchNotes result={result} params={params} text={props.searchText} />
                {digitalHits > 0 && props.placeLabel && <Alert data-color="info" data-size="sm">{m.digitalNote(digitalHits)}</Alert>}
                {result.total === 0 ? (
                  <NoHits params={params} />
                ) : (
                  <div className="results-body">
                    <div>
                      <Hits result={result} texts={props.texts} placeLabel={props.placeLabel} placeMunicipality={props.placeMunicipality} />
                      <Pagination params={params} page={props.page} perPage={props.perPage} total={result.total} />
                    </div>
                    <HitMap points={result.hits.filter((h) => h.lat !== null && h.lon !== null).map((h) => ({ id: h.id, label: h.name, lat: h.lat!, lon: h.lon! }))} />
                  </div>
                )}
              </>
            )}
            {!result && <Heading level={2} data-size="sm" id="results-heading">{m.noHitsHeading}</Heading>}
          </section>
        </div>
      </form>
      <script src={assetUrl('finder.js')} defer />
    </Layout>
  );
}
