import { Link } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { paths } from '../../platform/paths.ts';
import type { SortKey } from '../params.ts';
import type { UnitFigures } from '../present.ts';
import { distance, number, percent, ratio } from './format.ts';
import { DataTable } from '../../platform/views/data-table.tsx';

const t = msg.coverage.table;
const g = msg.coverage.groups;
const c = msg.coverage;

/** A figure, "mangler" when it needs a population figure that is missing, "–" when there is none. */
export function cell(value: number | null, populationMissing: boolean, show: (x: number) => string): string {
  if (value !== null) return show(value);
  return populationMissing ? c.missing : c.none;
}

interface SortColumn {
  key: SortKey;
  label: string;
}

export interface SortState {
  key: SortKey;
  descending: boolean;
  /** URL that sorts by a column (toggling the direction when it is the current one). */
  href: (key: SortKey) => string;
}

/**
 * A column that sorts the table: its heading is a link to the page sorted by it, styled as
 * Designsystemet's sort button (assets/atlas.css). Every sortable heading carries aria-sort, and the
 * sorted one also says its direction in text for screen readers that do not read aria-sort.
 */
function sortable(column: SortColumn, sort: SortState) {
  const current = sort.key === column.key;
  return {
    headerProps: { 'aria-sort': current ? (sort.descending ? 'descending' : 'ascending') : 'none', 'data-sorter': column.key } as const,
    header: (
      <a className="sort-link" href={sort.href(column.key)}>
        {column.label}
        <span className="visually-hidden">{current ? `, ${sort.descending ? t.sortedDescending : t.sortedAscending}` : `, ${t.sortable}`}</span>
      </a>
    ),
  };
}

export function MunicipalityTable({ rows, unit, sort, caption }: { rows: readonly UnitFigures[]; unit: 'km' | 'min'; sort: SortState; caption: string }) {
  const by = (key: SortKey, label: string) => sortable({ key, label }, sort);
  return (
    <DataTable zebra border id="kommunetabell" caption={caption} rows={rows} rowKey={(r) => r.id} rowProps={(r) => ({ 'data-kommune': r.id })} columns={[
      { ...by('kommune', t.municipality), rowHeader: true, cell: (r) => <Link href={paths.coverage.municipality(r.id)}>{r.name}</Link> },
      { ...by('fylke', t.county), cell: (r) => r.county_name },
      { ...by('folketall', t.population), cell: (r) => cell(r.population, true, number) },
      { ...by('arsverk', t.fte), cell: (r) => number(r.fte, 1) },
      { ...by('per10k', t.per10k), cell: (r) => cell(r.fte_per_10k, r.population === null, ratio) },
      { ...by('innbyggere', t.perFte), cell: (r) => cell(r.population_per_fte, r.population === null, number) },
      { ...by('tilgang', t.access), cell: (r) => cell(r.accessibility, r.population === null, ratio) },
      { ...by('avstand', t.nearest(unit)), cell: (r) => cell(r.nearest_distance, false, (x) => distance(x, unit).replace(/ (km|min)$/, '')) },
      { ...by('mangel', t.shortage), cell: (r) => (r.shortage ? c.shortage[r.shortage] : c.none) },
    ]} />
  );
}

export function GroupTable({ id, rows, caption, unit, drillHref }: {
  id: string;
  rows: readonly UnitFigures[];
  caption: string;
  unit: 'km' | 'min';
  drillHref: (row: UnitFigures) => string;
}) {
  return (
    <DataTable zebra border id={id} caption={caption} rows={rows} rowKey={(r) => r.id} columns={[
      { header: g.name, rowHeader: true, cell: (r) => <Link href={drillHref(r)} aria-label={g.show(r.name)}>{r.name}</Link> },
      { header: g.members, cell: (r) => number(r.members) },
      { header: t.population, cell: (r) => <>{number(r.population ?? 0)}{r.members_missing_population > 0 ? ` (${c.figures.populationMissing(r.members_missing_population)})` : ''}</> },
      { header: t.fte, cell: (r) => number(r.fte, 1) },
      { header: t.per10k, cell: (r) => cell(r.fte_per_10k, false, ratio) },
      { header: g.meanScore, cell: (r) => cell(r.accessibility, false, ratio) },
      { header: g.gini, cell: (r) => cell(r.gini, false, (x) => number(x, 3, true)) },
      { header: g.without60(unit), cell: (r) => cell(r.without_offer?.find((w) => w.threshold === 60)?.share ?? null, false, percent) },
      { header: g.severe, cell: (r) => number(r.shortage_counts?.severe ?? 0) },
    ]} />
  );
}
