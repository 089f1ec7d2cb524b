import type { HouseholdRecord, StaffAction } from '../../../shared/contract'
import { actionLabels } from '../privacy/labels'
import { interviewWords, say, when } from './labels'
import { cell, section, table } from './styles'

export function Consultations({
  consultations,
  staffNames,
}: {
  consultations: HouseholdRecord['consultations']
  staffNames: Readonly<Record<string, string>>
}) {
  return (
    <section style={section} data-section="consultations">
      <h2>相談 / Consultations</h2>
      {consultations.length === 0 ? (
        <p>相談はありません / No consultations</p>
      ) : (
        consultations.map((c) => (
          <article key={c.id} style={{ ...cell, marginBottom: '0.8rem' }}>
            <p>
              <strong>{say(c.status)}</strong>
              {c.urgent ? ' ・ 至急 / Urgent' : ''} ・ {c.categoryLabel} ・ {say(c.source)} ・{' '}
              {when(c.createdAt)} ・ {c.nickname}
              {c.language && c.language !== 'ja' ? ` ・ 言語 / Language: ${c.language}` : ''}
            </p>
            <p style={{ whiteSpace: 'pre-wrap' }}>{c.text}</p>
            <p>
              <small>
                連絡 / Contact: {say(c.contactBy)}
                {c.contactPhone ? ` ${c.contactPhone}` : ''}
                {c.contactHours ? `（${c.contactHours}）` : ''}
                {c.assignee ? ` ・ 担当 / Assignee: ${staffNames[c.assignee] ?? c.assignee}` : ''}
                {c.closedAt ? ` ・ 完了 / Closed ${when(c.closedAt)}` : ''}
              </small>
            </p>
          </article>
        ))
      )}
    </section>
  )
}

export function Surveys({ surveys }: { surveys: HouseholdRecord['surveys'] }) {
  return (
    <section style={section} data-section="surveys">
      <h2>アンケートの回答 / Survey answers</h2>
      {surveys.length === 0 ? (
        <p>回答はありません / No answers</p>
      ) : (
        surveys.map((s) => (
          <article key={`${s.surveyId}-${s.nickname}`} style={{ marginBottom: '1rem' }}>
            <h3>
              {s.title}（{s.answeredOn}、{s.nickname}）
            </h3>
            {interviewWords[s.interview] ? <p>{interviewWords[s.interview]}</p> : null}
            {s.defined ? null : (
              <p>
                <small>
                  この版の設問は公開中の内容にありません。設問IDで表示します / This version is no longer
                  published; questions are shown by id
                </small>
              </p>
            )}
            <dl>
              {s.questions.map((q) => (
                <div key={q.id}>
                  <dt>{q.label}</dt>
                  <dd style={{ whiteSpace: 'pre-wrap' }}>
                    {q.answers.length > 0 ? q.answers.join('、') : '（回答なし / No answer）'}
                  </dd>
                </div>
              ))}
            </dl>
          </article>
        ))
      )}
    </section>
  )
}

export function AccessLog({
  entries,
  staffNames,
}: {
  entries: HouseholdRecord['accessLog']
  staffNames: Readonly<Record<string, string>>
}) {
  return (
    <section style={section} data-section="access-log">
      <h2>この世帯の閲覧記録 / Access log of this household</h2>
      <table style={table}>
        <thead>
          <tr>
            <th style={cell}>日時 / When</th>
            <th style={cell}>職員 / Staff user</th>
            <th style={cell}>役割 / Role</th>
            <th style={cell}>操作 / Action</th>
            <th style={cell}>理由 / Reason</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td style={cell}>{when(e.at)}</td>
              <td style={cell}>{staffNames[e.staffUser] ?? e.staffUser}</td>
              <td style={cell}>{say(e.role)}</td>
              <td style={cell}>{actionLabels[e.action as StaffAction] ?? e.action}</td>
              <td style={cell}>{e.reason ? say(e.reason) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
