'use client'
import { useState } from 'react'
import type { FamilyRow } from '../../../shared/contract'
import { attentionOf, stateOf } from './labels'

export interface FamiliesTableProps {
  families: FamilyRow[]
  nurses: { user: string; name: string }[]
  tenant: string
  /** POST here to assign: /api/workspace/families/assign */
  assignUrl: string
  adminRoute: string
}

/** The families of one page, with checkboxes to assign one nurse to one or many at once. */
export function FamiliesTable({ families, nurses, tenant, assignUrl, adminRoute }: FamiliesTableProps) {
  const [chosen, setChosen] = useState<string[]>([])
  const [nurse, setNurse] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const toggle = (household: string) =>
    setChosen((now) => (now.includes(household) ? now.filter((h) => h !== household) : [...now, household]))
  const all = families.length > 0 && chosen.length === families.length

  async function assign() {
    setBusy(true)
    setMessage(null)
    const answer = await fetch(assignUrl, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant, households: chosen, nurse }),
    }).catch(() => null)
    setBusy(false)
    if (!answer?.ok) {
      setMessage((await answer?.text()) || '割り当てできませんでした / Could not assign')
      return
    }
    const { assigned } = (await answer.json()) as { assigned: number }
    setMessage(`${assigned}世帯を割り当てました / Assigned ${assigned} households`)
    window.location.reload()
  }

  return (
    <div>
      <div
        style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center', margin: '0.5rem 0' }}
      >
        <label htmlFor="assign-nurse">担当保健師 / Nurse</label>
        <select id="assign-nurse" value={nurse} onChange={(e) => setNurse(e.target.value)}>
          <option value="">選んでください / Choose</option>
          {nurses.map((n) => (
            <option key={n.user} value={n.user}>
              {n.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          disabled={busy || chosen.length === 0 || nurse === ''}
          onClick={assign}
        >
          選んだ{chosen.length}世帯に割り当てる / Assign the {chosen.length} chosen
        </button>
        {message ? <output>{message}</output> : null}
      </div>
      <div style={{ overflowX: 'auto' }}>
        <table className="table" style={{ width: '100%', minWidth: '56rem' }}>
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label="このページのすべてを選ぶ / Choose all on this page"
                  checked={all}
                  onChange={() => setChosen(all ? [] : families.map((f) => f.household))}
                />
              </th>
              <th>ニックネーム / Nickname</th>
              <th>段階 / Stage</th>
              <th>連絡手段 / Channel</th>
              <th>状態 / State</th>
              <th>最後に開いた日 / Last opened</th>
              <th>未対応の相談 / Open consultations</th>
              <th>面談の希望 / Interview requests</th>
              <th>担当保健師 / Nurse</th>
              <th>要確認 / Needs attention</th>
            </tr>
          </thead>
          <tbody>
            {families.map((f) => (
              <tr key={f.household} data-household={f.household}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${f.members.map((m) => m.nickname).join('・')}を選ぶ / Choose`}
                    checked={chosen.includes(f.household)}
                    onChange={() => toggle(f.household)}
                  />
                </td>
                <td>
                  <a href={`${adminRoute}/family/${encodeURIComponent(f.household)}?tenant=${tenant}`}>
                    {f.members.map((m) => m.nickname).join('・')}
                  </a>
                  {f.reference ? <small> ({f.reference})</small> : null}
                </td>
                <td>{f.stage.label}</td>
                <td>
                  {f.members.map((m) => (
                    <div key={`${m.channel}${m.address}`}>
                      {m.channel}: {m.address}
                    </div>
                  ))}
                </td>
                <td>{stateOf(f.state)}</td>
                <td>{f.lastOpenedOn ?? '—'}</td>
                <td>{f.openConsultations}</td>
                <td>{f.interviewRequests}</td>
                <td>{f.nurse?.name ?? '未割り当て / None'}</td>
                <td>
                  {f.attention.map((a) => (
                    <div key={a}>{attentionOf(a)}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
