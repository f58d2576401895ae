import { Table } from '@digdir/designsystemet-react';
import { nb } from '../../platform/i18n/nb.ts';
import { number, percent, signed } from './format.ts';

const ch = nb.coverage.change;

export interface ChangeRow {
  label: string;
  before: number | null;
  after: number | null;
  /** A share (0–1): shown as a percentage, its change in percentage points. */
  share?: boolean;
  digits?: number;
}

function show(row: ChangeRow, value: number): string {
  return row.share ? percent(value) : number(value, row.digits ?? 0);
}

function change(row: ChangeRow): string {
  if (row.before === null || row.after === null) return nb.coverage.none;
  return row.share ? ch.points(signed((row.after - row.before) * 100, 1)) : signed(row.after - row.before, row.digits ?? 0);
}

/** Measure | before | after | change: the one shape every "what changed" on these pages uses. */
export function ChangeTable({ id, caption, beforeLabel, afterLabel, rows }: { id: string; caption: string; beforeLabel: string; afterLabel: string; rows: ChangeRow[] }) {
  return (
    <Table zebra border id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">{ch.measure}</th><th scope="col">{beforeLabel}</th><th scope="col">{afterLabel}</th><th scope="col">{ch.change}</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.before === null ? nb.coverage.none : show(r, r.before)}</td>
            <td>{r.after === null ? nb.coverage.none : show(r, r.after)}</td>
            <td>{change(r)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
