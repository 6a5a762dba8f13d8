import type { Key, ReactNode } from 'react';

export type Column<Row> = { header: ReactNode; cell: (row: Row) => ReactNode };

type DataTableProps<Row> = {
  /** Read by screen readers only: what the rows are and in which order. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => Key;
};

/** The newsroom's table: the first column names the row (a row header), the others describe it. */
export function DataTable<Row>({ caption, columns, rows, rowKey }: DataTableProps<Row>) {
  const [first, ...rest] = columns;
  return (
    <table className="editor-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {first ? <th scope="row">{first.cell(row)}</th> : null}
            {rest.map((column, index) => (
              <td key={index}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
