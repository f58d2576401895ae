import { Link, Table } from '@digdir/designsystemet-react';
import { nb } from '../../platform/i18n/nb.ts';
import { paths } from '../../platform/paths.ts';
import type { SortKey } from '../params.ts';
import type { UnitFigures } from '../present.ts';
import { distance, number, percent, ratio } from './format.ts';
import { DataTable } from '../../platform/views/data-table.tsx';

const t = nb.coverage.table;
const g = nb.coverage.groups;
const c = nb.coverage;

/** A figure, "mangler" when it needs a population figure that is missing, "–" when there is none. */
export function cell(value: number | null, populationMissing: boolean, show: (x: number) => string): string {
  if (value !== null) return show(value);
  return populationMissing ? c.missing : c.none;
}

interface Column {
  key: SortKey;
  label: string;
  numeric: boolean;
}

export interface SortState {
  key: SortKey;
  descending: boolean;
  /** URL that sorts by a column (toggling the direction when it is the current one). */
  href: (key: SortKey) => string;
}

function SortHeader({ column, sort }: { column: Column; sort: SortState }) {
  const current = sort.key === column.key;
  const ariaSort = current ? (sort.descending ? 'descending' : 'ascending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} data-sorter={column.key}>
      <a href={sort.href(column.key)} aria-label={t.sortBy(column.label)}>{column.label}</a>
      {current && <span className="visually-hidden">{`, ${sort.descending ? t.sortedDescending : t.sortedAscending}`}</span>}
    </th>
  );
}

export function MunicipalityTable({ rows, unit, sort, caption }: { rows: readonly UnitFigures[]; unit: 'km' | 'min'; sort: SortState; caption: string }) {
  const columns: Column[] = [
    { key: 'kommune', label: t.municipality, numeric: false },
    { key: 'fylke', label: t.county, numeric: false },
    { key: 'folketall', label: t.population, numeric: true },
    { key: 'arsverk', label: t.fte, numeric: true },
    { key: 'per10k', label: t.per10k, numeric: true },
    { key: 'innbyggere', label: t.perFte, numeric: true },
    { key: 'tilgang', label: t.access, numeric: true },
    { key: 'avstand', label: t.nearest(unit), numeric: true },
    { key: 'mangel', label: t.shortage, numeric: false },
  ];
  return (
    <Table zebra border id="kommunetabell">
      <caption>{caption}</caption>
      <thead>
        <tr>{columns.map((column) => <SortHeader key={column.key} column={column} sort={sort} />)}</tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const missing = r.population === null;
          return (
            <tr key={r.id} data-kommune={r.id}>
              <th scope="row"><Link href={paths.coverage.municipality(r.id)}>{r.name}</Link></th>
              <td>{r.county_name}</td>
              <td>{cell(r.population, true, number)}</td>
              <td>{number(r.fte, 1)}</td>
              <td>{cell(r.fte_per_10k, missing, ratio)}</td>
              <td>{cell(r.population_per_fte, missing, number)}</td>
              <td>{cell(r.accessibility, missing, ratio)}</td>
              <td>{cell(r.nearest_distance, false, (x) => distance(x, unit).replace(/ (km|min)$/, ''))}</td>
              <td>{r.shortage ? c.shortage[r.shortage] : c.none}</td>
            </tr>
          );
        })}
      </tbody>
    </Table>
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
