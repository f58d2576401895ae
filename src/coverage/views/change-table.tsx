import { Table } from '@digdir/designsystemet-react';
import { msg } from '../../platform/i18n/index.ts';
import { number, percent, signed } from './format.ts';
import { DataTable } from '../../platform/views/data-table.tsx';

const ch = msg.coverage.change;

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
  if (row.before === null || row.after === null) return msg.coverage.none;
  return row.share ? ch.points(signed((row.after - row.before) * 100, 1)) : signed(row.after - row.before, row.digits ?? 0);
}

/** Measure | before | after | change: the one shape every "what changed" on these pages uses. */
export function ChangeTable({ id, caption, beforeLabel, afterLabel, rows }: { id: string; caption: string; beforeLabel: string; afterLabel: string; rows: ChangeRow[] }) {
  return (
    <DataTable zebra border id={id} caption={caption} rows={rows} rowKey={(r) => r.label} columns={[
      { header: ch.measure, rowHeader: true, cell: (r) => r.label },
      { header: beforeLabel, cell: (r) => (r.before === null ? msg.coverage.none : show(r, r.before)) },
      { header: afterLabel, cell: (r) => (r.after === null ? msg.coverage.none : show(r, r.after)) },
      { header: ch.change, cell: (r) => change(r) },
    ]} />
  );
}
