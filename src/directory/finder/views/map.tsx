import { norwayMap } from '../../../reference/index.ts';
import { msg } from '../../../platform/i18n/index.ts';

export interface MapPoint {
  id: string;
  label: string;
  lat: number;
  lon: number;
}

/** Norway with the page's hits as dots; decorative beside the list, which says the same in words. */
export function HitMap({ points }: { points: MapPoint[] }) {
  const map = norwayMap();
  const dots = points.flatMap((p) => {
    const xy = map.project(p.lat, p.lon);
    return xy ? [{ ...p, x: xy[0], y: xy[1] }] : [];
  });
  return (
    <figure className="map-figure">
      <svg className="map" viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-labelledby="map-title map-desc">
        <title id="map-title">{msg.finder.mapTitle}</title>
        <desc id="map-desc">{msg.finder.mapDescription(dots.length)}</desc>
        {map.counties.map((county) => (
          <path key={county.id} className="county" d={county.d} />
        ))}
        {dots.map((dot) => (
          <circle key={dot.id} className="hit-dot" cx={dot.x} cy={dot.y} r={4}>
            <title>{dot.label}</title>
          </circle>
        ))}
      </svg>
      <figcaption>{msg.finder.mapDescription(dots.length)}</figcaption>
    </figure>
  );
}
