import { Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import type { LocalPicture } from '../planner/local.ts';
import type { PlanRow } from '../planner/queries.ts';
import { serviceLevelName } from '../planner/settings.ts';
import { PlanLayout } from './plan-layout.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';

const m = msg.handbook.planner.local;
const distance = (hit: { distanceKm: number | null; inPlaceMunicipality: boolean }) =>
  hit.inPlaceMunicipality ? m.inMunicipality : hit.distanceKm === null ? '–' : msg.finder.km(hit.distanceKm);

/** The finder's offers around the plan's municipality, as a table and a list (no map to stand in for). */
export function LocalPage({ plan, picture }: { plan: PlanRow; picture: LocalPicture }) {
  return (
    <PlanLayout plan={plan} tab="local" heading={m.title}>
      <Paragraph>{m.intro(plan.municipality_name)}</Paragraph>
      {picture.showsDemoData && <Paragraph className="subtle">{m.demoNote}</Paragraph>}
      <h2 className="ds-heading" data-size="sm">{m.nearestHeading}</h2>
      <DataTable caption={m.nearestCaption} rows={picture.nearest} rowKey={({ level }) => level} columns={[
        { header: m.level, rowHeader: true, cell: ({ level }) => serviceLevelName(level) },
        { header: m.offer, cell: ({ hit }) => (hit ? <><Link href={paths.service(hit.id)}>{hit.name}</Link><br /><span className="subtle">{hit.organizationName}</span></> : m.none) },
        { header: m.distance, cell: ({ hit }) => (hit ? distance(hit) : '–') },
      ]} />
      <h2 className="ds-heading" data-size="sm">{m.nearbyHeading(picture.radiusKm)}</h2>
      {picture.nearby.length === 0 ? <Paragraph>{m.noneNearby(picture.radiusKm)}</Paragraph> : (
        <ul className="nearby">
          {picture.nearby.map((hit) => (
            <li key={hit.id}>
              <Link href={paths.service(hit.id)}>{hit.name}</Link> – {hit.organizationName} ({distance(hit)}; {hit.terms.filter((t) => t.startsWith('niva:')).map((t) => serviceLevelName(t.slice(5))).join(', ')})
            </li>
          ))}
        </ul>
      )}
      <Paragraph><Link href={`${paths.finder}?kommune=${plan.municipality_number}`}>{m.finderLink}</Link></Paragraph>
    </PlanLayout>
  );
}
