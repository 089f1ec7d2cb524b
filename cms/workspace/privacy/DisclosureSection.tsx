import type { Disclosure } from '../../../shared/contract'
import { tableLabels } from './labels'

const shown = (value: unknown) => (value === null || value === undefined ? '—' : String(value))

/**
 * The lookup for a disclosure request (開示請求) and, once found, everything held as a readable
 * page: each table's rows with every column. The JSON file is the endpoint's download.
 */
export function DisclosureSection({
  action,
  tenant,
  asked,
  found,
  problem,
  download,
}: {
  action: string
  tenant: string
  asked: { subscriber?: string; household?: string }
  found: Disclosure | null
  problem: string | null
  download: string | null
}) {
  return (
    <section aria-labelledby="disclosure-title" style={{ marginTop: '2rem' }}>
      <h2 id="disclosure-title">開示請求 / Disclosure request</h2>
      <p>
        住民ID（登録ID）または世帯IDで、エッジに保存されているすべての情報を表示します。表示と書き出しは、アクセス記録に残ります。
        / Shows everything held at the edge on one resident (registration id) or household; every lookup and
        download is written to the access log.
      </p>
      <form
        method="get"
        action={action}
        style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'end' }}
      >
        <input type="hidden" name="tenant" value={tenant} />
        <label>
          住民ID / Subscriber id <input name="subscriber" defaultValue={asked.subscriber ?? ''} />
        </label>
        <label>
          世帯ID / Household id <input name="household" defaultValue={asked.household ?? ''} />
        </label>
        <button type="submit">表示 / Look up</button>
      </form>
      {problem ? <p role="alert">{problem}</p> : null}
      {found ? (
        <div data-disclosure>
          <p>
            作成日時 / Made at:{' '}
            {new Date(found.generatedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })} ・ 住民 /
            Residents: {found.subject.subscribers.join(', ')} ・ 世帯 / Households:{' '}
            {found.subject.households.join(', ')}
          </p>
          {download ? (
            <p>
              <a href={download}>JSON をダウンロード / Download JSON</a>
            </p>
          ) : null}
          {Object.entries(found.tables)
            .filter(([, rows]) => rows.length > 0)
            .map(([table, rows]) => (
              <section key={table} data-table={table}>
                <h3>
                  {tableLabels[table] ?? table} <small>（{rows.length}）</small>
                </h3>
                {rows.map((row, i) => (
                  <table key={`${table}-${String(i)}`} style={{ marginBottom: '0.75rem' }}>
                    <tbody>
                      {Object.entries(row).map(([column, value]) => (
                        <tr key={column}>
                          <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>
                            <code>{column}</code>
                          </th>
                          <td style={{ whiteSpace: 'pre-wrap' }}>{shown(value)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ))}
              </section>
            ))}
        </div>
      ) : null}
    </section>
  )
}
