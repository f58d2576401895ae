import { norwayMap } from '../../reference/index.ts';
import { nb } from '../../platform/i18n/nb.ts';
import { PAGE_BACKGROUND, PATTERN_INK } from '../scale.ts';

export interface MapCategory {
  key: string;
  label: string;
  /** A colour, or the id of one of the patterns below. */
  fill: string;
  count: number;
}

export interface ChoroplethProps {
  title: string;
  /** Category key per municipality number. */
  categoryOf: ReadonlyMap<string, string>;
  categories: MapCategory[];
  /** Municipalities outside the drill-down selection are drawn pale. */
  selected: (id: string) => boolean;
}

const m = nb.coverage.map;
export const NO_VALUE = 'ingen-verdi';
export const MISSING = 'mangler';

/**
 * Fills are SVG presentation attributes, not style attributes, so the strict CSP
 * (style-src 'self') allows them. The legend is a list, the table below is the full text form.
 */
export function Choropleth({ title, categoryOf, categories, selected }: ChoroplethProps) {
  const map = norwayMap();
  const fillOf = new Map(categories.map((c) => [c.key, c.fill]));
  return (
    <figure className="map-figure">
      <svg className="map" viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-labelledby="kart-svg-tittel kart-svg-beskrivelse">
        <title id="kart-svg-tittel">{title}</title>
        <desc id="kart-svg-beskrivelse">{m.description}</desc>
        <defs>
          <pattern id={MISSING} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill={PAGE_BACKGROUND} />
            <line x1="0" y1="0" x2="0" y2="4" stroke={PATTERN_INK} strokeWidth="1.5" />
          </pattern>
          <pattern id={NO_VALUE} width="3" height="3" patternUnits="userSpaceOnUse">
            <rect width="3" height="3" fill={PAGE_BACKGROUND} />
            <circle cx="1.5" cy="1.5" r="0.7" fill={PATTERN_INK} />
          </pattern>
        </defs>
        {map.municipalities.map((shape) => {
          const key = categoryOf.get(shape.id) ?? MISSING;
          const fill = fillOf.get(key) ?? `url(#${MISSING})`;
          const inside = selected(shape.id);
          return (
            <path key={shape.id} d={shape.d} fill={fill} fillOpacity={inside ? 1 : 0.25} stroke={PATTERN_INK} strokeWidth={0.25} data-kommune={shape.id}>
              <title>{`${shape.name}: ${categories.find((c) => c.key === key)?.label ?? m.missingPopulation}`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <h3 className="ds-heading" data-size="2xs">{m.legend}</h3>
        <ul className="map-legend">
          {categories.map((c) => (
            <li key={c.key} data-kategori={c.key}>
              <svg width="18" height="14" aria-hidden="true" focusable="false">
                <rect width="18" height="14" fill={c.fill} stroke={PATTERN_INK} strokeWidth="1" />
              </svg>{' '}
              {c.label} {m.count(c.count)}
            </li>
          ))}
        </ul>
        <p className="ds-paragraph" data-size="sm">{m.darker} {m.breaks}</p>
        <p className="ds-paragraph" data-size="sm">{m.description}</p>
      </figcaption>
    </figure>
  );
}
