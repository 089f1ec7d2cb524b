import type { AccessLogPage } from '../../../shared/contract'
import { actionLabels, roleLabel } from './labels'

const when = (at: string) => new Date(at).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })

/** The town's access log, newest first: opaque ids and codes only, as the edge keeps them. */
export function AccessLogTable({ entries }: { entries: AccessLogPage['entries'] }) {
  if (entries.length === 0) return <p>記録はありません / No entries</p>
  return (
    <div style={{ overflowX: 'auto' }}>
      <table>
        <thead>
          <tr>
            <th>日時 / When</th>
            <th>職員 / Staff user</th>
            <th>役割 / Role</th>
            <th>操作 / Action</th>
            <th>世帯 / Household</th>
            <th>条件 / Filter</th>
            <th>件数 / Count</th>
            <th>理由 / Reason</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td>{when(e.at)}</td>
              <td>{e.staffUser}</td>
              <td>{roleLabel[e.role] ?? e.role}</td>
              <td>{actionLabels[e.action] ?? e.action}</td>
              <td>
                <code>{e.household ?? '—'}</code>
              </td>
              <td>
                <code>{e.filter ?? '—'}</code>
              </td>
              <td>{e.count}</td>
              <td>{e.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
