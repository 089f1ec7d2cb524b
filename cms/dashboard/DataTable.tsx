import type { Table } from './table'

/** The figures of a chart as a table (what a screen reader reads and what the CSV holds). */
export function DataTable({ table, csvHref }: { table: Table; csvHref?: string }) {
  return (
    <div className="table" style={{ overflowX: 'auto' }}>
      <table data-table={table.key}>
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>
          {table.title}
          {csvHref ? (
            <>
              {' '}
              <a className="btn btn--style-secondary btn--size-small" href={csvHref} download>
                CSV
              </a>
            </>
          ) : null}
        </caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.map(String).join('\u0000')}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={table.columns[i]} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={table.columns[i]} style={{ textAlign: 'right' }}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note ? <p style={{ fontSize: '0.85em' }}>{table.note}</p> : null}
    </div>
  )
}
