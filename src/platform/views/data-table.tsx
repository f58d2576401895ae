import { useId, type HTMLAttributes, type Key, type ReactNode, type ThHTMLAttributes } from 'react';
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
 *
 * The table sits in its own scrolling box, so a wide table never widens the page (WCAG 1.4.10):
 * a region named by the caption (or `label`) that keyboard users can focus and scroll.
 */
export function DataTable<Row>({ caption, captionClassName, label, columns, rows, rowKey, rowProps, last, ...table }: TableProps & {
  caption?: ReactNode;
  /** names the scrolling region when the table has no caption */
  label?: string;
  captionClassName?: string;
  columns: readonly (Column<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  /** attributes of a row's `<tr>`, e.g. `data-*` for scripts and styles */
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  last?: ReactNode;
}) {
  const shown = columns.filter((column): column is Column<Row> => column !== false);
  const captionId = useId();
  const named = caption !== undefined || label !== undefined;
  return (
    <div className="table-region" tabIndex={0} {...(named ? { role: 'region', ...(label !== undefined ? { 'aria-label': label } : { 'aria-labelledby': captionId }) } : {})}>
    <Table {...table}>
      {caption !== undefined && <caption id={captionId} className={captionClassName}>{caption}</caption>}
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
    </div>
  );
}
