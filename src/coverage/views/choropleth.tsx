import { msg } from '../../platform/i18n/index.ts';
import { PAGE_BACKGROUND, PATTERN_INK } from '../scale.ts';
import { mapGeometry } from './map-geometry.ts';
import { mapLabels, type LabelPlace } from './map-labels.ts';

export interface MapCategory {
  key: string;
  label: string;
  /** A colour, or the id of one of the patterns below. */
  fill: string;
  /** Municipalities shown on the map with this category. */
  count: number;
}

export interface ChoroplethProps {
  title: string;
  /** Category key per municipality number. */
  categoryOf: ReadonlyMap<string, string>;
  categories: MapCategory[];
  kind: 'categorical' | 'numeric';
  /** Each municipality's value as text: its link's name says it. */
  valueText: ReadonlyMap<string, string>;
  /** The chosen health region and/or county: the map zooms to it, the rest is grey context. */
  selected: (id: string) => boolean;
  /** Name of the chosen area, or null for all of Norway. */
  selectionName: string | null;
  /** Where each municipality's name goes on the map (its population centre) and its size; none: no labels. */
  places?: ReadonlyMap<string, LabelPlace>;
  /** Each municipality's page. */
  hrefOf: (id: string) => string;
  /** Where the method is explained (the categorical legend points there). */
  methodHref: string;
}

const m = msg.coverage.map;
export const NO_VALUE = 'ingen-verdi';
export const MISSING = 'mangler';

/** The key of the map's view: the chosen municipalities, or "norge" when all are chosen. */
function viewKey(ids: readonly string[], total: number): string {
  return ids.length === total ? 'norge' : ids.join(',');
}

/**
 * Each municipality is a link to its page, named by its name and value. Fills are SVG presentation
 * attributes (the strict CSP allows them). The script assets/atlas-map.js adds zoom, pan and a
 * tooltip to this same SVG; without it the map is complete. The table below says the same in text.
 */
export function Choropleth({ title, categoryOf, categories, kind, valueText, selected, selectionName, places, hrefOf, methodHref }: ChoroplethProps) {
  const ids = [...categoryOf.keys()];
  const chosen = ids.filter(selected);
  const geometry = mapGeometry(viewKey(chosen, ids.length), chosen.length === ids.length ? null : selected);
  const fillOf = new Map(categories.map((c) => [c.key, c.fill]));
  const outside = geometry.shapes.filter((s) => !s.inside);
  const inside = geometry.shapes.filter((s) => s.inside).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const labels = places ? mapLabels(geometry, inside, places, chosen.length === ids.length) : [];
  return (
    <>
    <figure className="atlas-map" data-module="atlas-map" aria-labelledby="kart-tittel">
      <a className="skip-to-results" href="#etter-kartet">{m.skip}</a>
      <p className="atlas-map__title" id="kart-tittel">{title}</p>
      <div className="atlas-map__controls" hidden>
        <button type="button" className="ds-button" data-variant="secondary" data-size="sm" data-zoom="in">{m.zoomIn}</button>
        <button type="button" className="ds-button" data-variant="secondary" data-size="sm" data-zoom="out">{m.zoomOut}</button>
        <button type="button" className="ds-button" data-variant="tertiary" data-size="sm" data-zoom="reset">{m.zoomReset}</button>
        <span className="atlas-map__keys">{m.keys}</span>
      </div>
      <div className="atlas-map__frame">
        <svg className="atlas-map__svg" viewBox={geometry.viewBox} width={geometry.width} height={geometry.height} role="group" aria-labelledby="kart-tittel">
          <defs>
            <pattern id={MISSING} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="8" height="8" fill={PAGE_BACKGROUND} />
              <line x1="0" y1="0" x2="0" y2="8" stroke={PATTERN_INK} strokeWidth="3" />
            </pattern>
            <pattern id={NO_VALUE} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill={PAGE_BACKGROUND} />
              <circle cx="3" cy="3" r="1.4" fill={PATTERN_INK} />
            </pattern>
          </defs>
          {outside.length > 0 && (
            <g className="atlas-map__outside" aria-hidden="true">
              {outside.map((shape) => <path key={shape.id} d={shape.d} />)}
            </g>
          )}
          {inside.map((shape) => {
            const key = categoryOf.get(shape.id) ?? MISSING;
            return (
              <a key={shape.id} href={hrefOf(shape.id)} aria-label={m.linkName(shape.name, valueText.get(shape.id) ?? m.missingPopulation)}>
                <path d={shape.d} fill={fillOf.get(key) ?? `url(#${MISSING})`} data-kommune={shape.id} />
              </a>
            );
          })}
          {labels.length > 0 && (
            // Names only, for sighted readers: the links above already name each municipality.
            <g className="atlas-map__labels" aria-hidden="true" textAnchor="middle" dominantBaseline="central">
              {labels.map((l) => <text key={l.id} x={l.x} y={l.y} className={l.major ? 'is-major' : undefined}>{l.name}</text>)}
            </g>
          )}
        </svg>
        <div className="atlas-map__tip" hidden aria-hidden="true" />
      </div>
      <figcaption>
        <h3 className="ds-heading" data-size="2xs">{m.legend}</h3>
        <ul className="map-legend" data-kind={kind}>
          {categories.map((c) => (
            <li key={c.key} data-kategori={c.key}>
              <svg width="18" height="14" aria-hidden="true" focusable="false">
                <rect width="18" height="14" fill={c.fill} stroke={PATTERN_INK} strokeWidth="1" />
              </svg>{' '}
              {c.label} {m.count(c.count)}
            </li>
          ))}
        </ul>
        {kind === 'categorical'
          ? <p className="ds-paragraph" data-size="sm">{m.categorical} <a className="ds-link" href={methodHref}>{m.categoricalLink}</a></p>
          : <p className="ds-paragraph" data-size="sm">{m.breaks}</p>}
        <p className="ds-paragraph" data-size="sm">{selectionName ? m.zoomed(selectionName, chosen.length) : m.description}</p>
      </figcaption>
    </figure>
    <span id="etter-kartet" />
    </>
  );
}
