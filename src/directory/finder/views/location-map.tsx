import { Link } from '@digdir/designsystemet-react';
import { municipalityMap } from '../../../reference/index.ts';
import { msg } from '../../../platform/i18n/index.ts';
import type { PublicLocation } from '../../queries.ts';

const m = msg.service;

/** OpenStreetMap centred on the point, marked; the page links to it, never loads anything from it (CSP). */
export const openStreetMapUrl = (lat: number, lon: number): string =>
  `https://www.openstreetmap.org/?mlat=${lat.toFixed(5)}&mlon=${lon.toFixed(5)}#map=16/${lat.toFixed(5)}/${lon.toFixed(5)}`;

/**
 * A location's small map: its municipality's outline (the reference boundaries, drawn inline, so
 * nothing is fetched from elsewhere) with a dot where it is, and a link to a full map. Nothing for a
 * confidential location: the read model has already removed its point, and this checks again.
 */
export function LocationMap({ location }: { location: PublicLocation }) {
  if (location.isConfidential) return null;
  const hasPoint = location.latitude !== null && location.longitude !== null;
  const outline = location.municipalityNumber ? municipalityMap(location.municipalityNumber) : undefined;
  const municipality = location.municipalityName ?? outline?.name ?? null;
  const dot = hasPoint && outline ? outline.project(location.latitude!, location.longitude!) : null;
  if (!hasPoint && !outline) return null;
  const id = `map-${location.id}`;
  return (
    <div className="location-map">
      {outline && municipality && (
        <figure className="location-map__figure">
          <svg className="location-map__svg" viewBox={`0 0 ${outline.size} ${outline.size}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
            <title id={`${id}-title`}>{m.mapTitle(municipality)}</title>
            <desc id={`${id}-desc`}>{dot ? m.mapDescription(location.name ?? m.thisPlace, municipality) : m.mapDescriptionNoPoint(municipality)}</desc>
            <path className="location-map__area" d={outline.d} />
            {dot && <circle className="location-map__dot" cx={dot[0]} cy={dot[1]} r={6} />}
          </svg>
          <figcaption>{m.mapCaption}</figcaption>
        </figure>
      )}
      {hasPoint && (
        <p className="ds-paragraph" data-size="sm">
          <Link href={openStreetMapUrl(location.latitude!, location.longitude!)} rel="external noopener">
            {m.showOnMap} <span className="subtle">{m.externalMap}</span>
          </Link>
        </p>
      )}
    </div>
  );
}
