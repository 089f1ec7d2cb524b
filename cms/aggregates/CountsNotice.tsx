/** What a dashboard notice of counts says: a title, why it matters and what to do, a table, a link. */
export interface CountsNoticeProps {
  title: string
  text: string
  columns: readonly string[]
  rows: readonly { key: string; cells: readonly (string | number)[] }[]
  /** How long the oldest has waited, a sentence per tenant, shown after the text. */
  waiting?: readonly string[]
  href: string
}

/** A notice on the dashboard that asks someone to act, with the days and towns it is about. */
export function CountsNotice({ title, text, columns, rows, waiting = [], href }: CountsNoticeProps) {
  return (
    <section role="alert" style={{ border: '2px solid #b42318', padding: '1rem', marginBottom: '1.5rem' }}>
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      <p>{text}</p>
      {waiting.map((line) => (
        <p key={line}>
          <strong>{line}</strong>
        </p>
      ))}
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                {r.cells.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are fixed columns
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={href}>一覧を開く / Open the list</a>
      </p>
    </section>
  )
}
