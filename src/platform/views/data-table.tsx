import type { HTMLAttributes, Key, ReactNode, ThHTMLAttributes } from 'react';
import { Table, type TableProps } from '@digdir/designsystemet-react';

/** One column: its heading and what each row shows in it. */
export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** the cell names its row: rendered as `<th scope="row">` */
  rowHeader?: boolean;
  /** attributes of the column's `<th>`, e.g. `aria-sort` of a sortable column */
  headerProps?: ThHTMLAttributes<HTMLTableCellElement> & Record<`data-${string}`, string | undefined>;
}

/**
 * A table of rows with a caption (say what the table holds; `captionClassName="visually-hidden"`
 * where a heading above already says it), a header row of `<th scope="col">`, and one `<tr>` per
 * row, and `last` after them (a total row). The other props go to Designsystemet's Table (zebra,
 * border, id, className).
 */
export function DataTable<Row>({ caption, captionClassName, columns, rows, rowKey, rowProps, last, ...table }: TableProps & {
  caption?: ReactNode;
  captionClassName?: string;
  columns: readonly (Column<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  /** attributes of a row's `<tr>`, e.g. `data-*` for scripts and styles */
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  last?: ReactNode;
}) {
  const shown = columns.filter((column): column is Column<Row> => column !== false);
  return (
    <Table {...table}>
      {caption !== undefined && <caption className={captionClassName}>{caption}</caption>}
      <thead>
        <tr>{shown.map((column, index) => <th key={index} scope="col" {...column.headerProps}>{column.header}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} {...rowProps?.(row)}>
            {shown.map((column, at) => (column.rowHeader
              ? <th key={at} scope="row">{column.cell(row)}</th>
              : <td key={at}>{column.cell(row)}</td>))}
          </tr>
        ))}
        {last}
      </tbody>
    </Table>
  );
}
