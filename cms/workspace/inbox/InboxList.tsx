import type { ConsultationSource, ConsultationStatus, InboxConsultation } from '../../../shared/contract'
import { ConsultationActions } from './ConsultationActions'
import { sourceLabels, statusLabels } from './labels'
import type { InboxScreen } from './screen'

export interface InboxListProps extends InboxScreen {
  /** /admin/inbox and /api/workspace on this CMS. */
  viewPath: string
  api: string
  today: string
}

const when = (iso: string) => new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })

const urgentStyle = {
  border: '2px solid #b00020',
  color: '#b00020',
  padding: '0 0.4rem',
  borderRadius: '0.25rem',
  fontWeight: 700,
} as const

function linkTo(viewPath: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value))
  const text = params.toString()
  return text ? `${viewPath}?${text}` : viewPath
}

function Filters(props: InboxListProps) {
  const { filter } = props
  return (
    <form
      method="get"
      action={props.viewPath}
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'end' }}
    >
      {props.towns.length > 1 ? (
        <label htmlFor="inbox-tenant" style={{ display: 'grid' }}>
          自治体 / Town
          <select id="inbox-tenant" name="tenant" defaultValue={props.town?.slug}>
            {props.towns.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <input type="hidden" name="tenant" value={props.town?.slug ?? ''} />
      )}
      <label htmlFor="inbox-status" style={{ display: 'grid' }}>
        状態 / Status
        <select id="inbox-status" name="status" defaultValue={filter.status ?? ''}>
          <option value="">すべて / All</option>
          {(Object.keys(statusLabels) as ConsultationStatus[]).map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="inbox-source" style={{ display: 'grid' }}>
        経路 / Source
        <select id="inbox-source" name="source" defaultValue={filter.source ?? ''}>
          <option value="">すべて / All</option>
          {(Object.keys(sourceLabels) as ConsultationSource[]).map((s) => (
            <option key={s} value={s}>
              {sourceLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="inbox-assignee" style={{ display: 'grid' }}>
        担当者 / Assignee
        <select id="inbox-assignee" name="assignee" defaultValue={filter.assignee ?? ''}>
          <option value="">すべて / All</option>
          <option value="none">未割り当て / Unassigned</option>
          {props.staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn--style-secondary btn--size-small">
        絞り込む / Filter
      </button>
    </form>
  )
}

function Card({ c, props }: { c: InboxConsultation; props: InboxListProps }) {
  const staffName = (id: string | null) => props.staff.find((s) => s.id === id)?.name ?? id
  return (
    <article
      data-consultation={c.id}
      aria-labelledby={`c-${c.id}`}
      style={{
        border: '1px solid var(--theme-elevation-150, #ccc)',
        borderLeft: c.urgent ? '6px solid #b00020' : '1px solid var(--theme-elevation-150, #ccc)',
        borderRadius: '0.5rem',
        padding: '1rem',
        display: 'grid',
        gap: '0.5rem',
      }}
    >
      <h2
        id={`c-${c.id}`}
        style={{ fontSize: '1.05rem', margin: 0, display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}
      >
        {c.urgent ? <span style={urgentStyle}>至急 / Urgent</span> : null}
        <span>
          {c.categoryLabel.ja} / {c.categoryLabel.en}
        </span>
        <span>— {c.nickname} さん</span>
      </h2>
      <p style={{ margin: 0, display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem' }}>
        <span>受付番号 / Ref. {c.reference}</span>
        <span>{when(c.createdAt)}</span>
        <span>経路 / Source: {sourceLabels[c.source]}</span>
        <span data-status={c.status}>状態 / Status: {statusLabels[c.status]}</span>
        <span>担当 / Assignee: {c.assignee ? staffName(c.assignee) : '未割り当て / Unassigned'}</span>
        {c.nurse ? <span>担当保健師 / Family's nurse: {c.nurse.name || staffName(c.nurse.user)}</span> : null}
      </p>
      {c.language && c.language !== 'ja' ? (
        <p style={{ margin: 0 }} data-language={c.language}>
          言語 / Language: {c.language}
          {c.interpreterLine
            ? ` — 通訳 / Interpreter: ${c.interpreterLine}`
            : ' — 通訳の番号が未設定です / No interpreter line set'}
        </p>
      ) : null}
      <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.text}</p>
      {c.interviewDoneOn ? <p style={{ margin: 0 }}>面談済み / Interview held: {c.interviewDoneOn}</p> : null}
      {props.town ? (
        <ConsultationActions
          api={props.api}
          tenant={props.town.slug}
          id={c.id}
          status={c.status}
          assignee={c.assignee}
          source={c.source}
          interviewDoneOn={c.interviewDoneOn}
          staff={props.staff}
          today={props.today}
        />
      ) : null}
    </article>
  )
}

/** The town's consultations as cards (a 1280 px laptop and a tablet alike), urgent ones marked. */
export function InboxList(props: InboxListProps) {
  const { filter } = props
  const query = {
    tenant: props.town?.slug,
    status: filter.status,
    source: filter.source,
    assignee: filter.assignee,
  }
  return (
    <div style={{ display: 'grid', gap: '1rem', maxWidth: '72rem' }}>
      <Filters {...props} />
      {props.problem ? <p role="alert">{props.problem}</p> : null}
      {!props.problem && props.consultations.length === 0 ? <p>相談はありません / No consultations</p> : null}
      {props.consultations.map((c) => (
        <Card key={c.id} c={c} props={props} />
      ))}
      <nav aria-label="ページ / Pages" style={{ display: 'flex', gap: '1rem' }}>
        {filter.page > 1 ? (
          <a href={linkTo(props.viewPath, { ...query, page: filter.page - 1 })}>前へ / Previous</a>
        ) : null}
        {props.next ? <a href={linkTo(props.viewPath, { ...query, page: props.next })}>次へ / Next</a> : null}
      </nav>
    </div>
  )
}
