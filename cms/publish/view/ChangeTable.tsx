import type React from 'react'

export interface Column<Row> {
  header: string
  cell: (row: Row) => React.ReactNode
}

/** One list of changes as a table with a counted caption; nothing when the list is empty. */
export function ChangeTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string
  columns: readonly Column<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string
}) {
  if (rows.length === 0) return null
  return (
    <table>
      <caption style={{ textAlign: 'left', fontWeight: 'bold' }}>
        {caption}（{rows.length}）
      </caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header}>{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => (
              <td key={column.header}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
