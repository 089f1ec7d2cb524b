import type { AdminViewServerProps } from 'payload'
import type { Program } from '../../../shared/program'
import { programLabel } from '../collections/tenants'
import type { YorisoiSlugs } from '../slugs'
import { type CoverageCell, type CoverageStatus, coverage, coverageSummary } from './coverage'
import { coverageSettings } from './coverageSettings'
import { audienceInWords, languageInWords, slotInWords } from './keyInWords'
import { ViewFrame } from './ViewFrame'

/** Days (rows) of the day-by-day table on one page. */
const daysPerPage = 60

const marks: Record<CoverageStatus, string> = { approved: '✓', stale: '古', 'in-review': '監', missing: '✗' }

type Props = AdminViewServerProps & {
  slugs: YorisoiSlugs
  programs: Record<string, Program>
  languages: readonly string[]
}

function Cell({ cell }: { cell: CoverageCell }) {
  const instead = cell.filledBy
    ? `→ ${audienceInWords(cell.filledBy.audience)}・${languageInWords(cell.filledBy.language)}`
    : ''
  if (cell.reach === 'fallback') {
    return (
      <td data-covered="fallback" style={{ color: 'var(--theme-success-750)' }}>
        {marks[cell.status]} {instead}（代替 / fallback）
      </td>
    )
  }
  if (cell.reach === 'none') {
    return (
      <td data-covered="none" style={{ color: 'var(--theme-error-500)', fontWeight: 600 }}>
        {marks[cell.status]} なし / none
        {cell.filledBy ? ` ${instead}（最後の手段 / last resort）` : ''}
      </td>
    )
  }
  return <td data-covered="own">{marks[cell.status]}</td>
}

/**
 * /admin/coverage?tenant=ID: every send slot × audience × language a tenant offers, under its
 * program: own wording, an audience-right fallback (shared/compose selectMessage), or none.
 */
export async function CoverageView(props: Props) {
  const { payload, user } = props.initPageResult.req
  const search = (props.searchParams ?? {}) as Record<string, string | undefined>
  // Only the towns this person may read: staff see their own, never another town's.
  const tenants = await payload.find({
    collection: props.slugs.tenants,
    depth: 0,
    pagination: false,
    overrideAccess: false,
    user,
    select: { name: true },
  })
  const settings = await coverageSettings(
    payload,
    user,
    props.slugs,
    props.programs,
    props.languages,
    search.tenant ?? (tenants.docs[0] ? String(tenants.docs[0].id) : undefined),
  )
  const cells = await coverage(
    payload,
    props.slugs,
    settings.program,
    settings.languages,
    settings.fallbackLanguages,
  )
  const bySlot = new Map<string, CoverageCell[]>()
  for (const cell of cells) bySlot.set(cell.slot, [...(bySlot.get(cell.slot) ?? []), cell])
  const count = (status: CoverageStatus) => cells.filter((c) => c.status === status).length
  const reached = (reach: CoverageCell['reach']) => cells.filter((c) => c.reach === reach).length
  const columns = bySlot.values().next().value ?? []
  // The summary counts every day; the day-by-day table shows them a page at a time (all 542 days of
  // a town with 11 languages are 18,000 cells, seconds to send and lay out).
  const days = [...bySlot.entries()]
  const pages = Math.max(1, Math.ceil(days.length / daysPerPage))
  const page = Math.min(Math.max(1, Number.parseInt(search.page ?? '1', 10) || 1), pages)
  const shown = days.slice((page - 1) * daysPerPage, page * daysPerPage)
  const pageLink = (to: number) =>
    `?${new URLSearchParams({ ...(settings.tenant ? { tenant: String(settings.tenant.id) } : {}), page: String(to) })}`

  return (
    <ViewFrame props={props} title="カバレッジ / Coverage">
      <form method="get" style={{ marginBottom: '1rem' }}>
        <label>
          自治体 / Tenant{' '}
          <select name="tenant" defaultValue={settings.tenant ? String(settings.tenant.id) : ''}>
            {tenants.docs.map((t) => (
              <option key={t.id} value={String(t.id)}>
                {String((t as { name?: string }).name)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">表示 / Show</button>
      </form>
      <p>
        {settings.tenant?.name ?? '全国 / National'} ・ {programLabel(settings.programName).ja} ・ 言語 /
        languages {settings.languages.map(languageInWords).join('、')} ・ フォールバック順 / fallback order{' '}
        {settings.fallbackLanguages.map(languageInWords).join(' → ') || '—'}
      </p>
      <p>
        自分の文面 / own {reached('own')} ・ 代替 / fallback {reached('fallback')} ・ なし / none{' '}
        {reached('none')} — 承認済み {count('approved')} ・ 要再翻訳 {count('stale')} ・ 監修待ち{' '}
        {count('in-review')} ・ 未作成 {count('missing')} / approved, stale, in review, missing. ✓ 承認済み ・
        古 要再翻訳 ・ 監 監修待ち ・ ✗ 未作成; → は代わりに届くメッセージ / → the message sent instead.
        パートナー・家族に本人向けの文面は届けません（最後の手段のみ、なしに数えます）/ A partner or relative
        reads the pregnant person's or main caregiver's wording only as a last resort, counted as none.
      </p>
      <table data-summary="true" style={{ marginBottom: '1rem' }}>
        <thead>
          <tr>
            <th>言語 / Language</th>
            <th>対象 / Audience</th>
            <th>スロット / Slots</th>
            <th>自分の文面 / Own</th>
            <th>代替 / Fallback</th>
            <th>なし / None</th>
          </tr>
        </thead>
        <tbody>
          {coverageSummary(cells).map((row) => (
            <tr key={`${row.language}-${row.audience}`}>
              <td>{languageInWords(row.language)}</td>
              <td>{audienceInWords(row.audience)}</td>
              <td>{row.slots}</td>
              <td>{row.own}</td>
              <td>{row.fallback}</td>
              <td style={row.none > 0 ? { color: 'var(--theme-error-500)', fontWeight: 600 } : undefined}>
                {row.none}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th>スロット / Slot</th>
            {columns.map((c) => (
              <th key={`${c.audience}-${c.language}`}>
                {audienceInWords(c.audience)}・{languageInWords(c.language)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map(([slot, row]) => (
            <tr key={slot}>
              <td>
                {slotInWords(slot, settings.program)} <small>{slot}</small>
              </td>
              {row.map((c) => (
                <Cell key={`${c.audience}-${c.language}`} cell={c} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav aria-label="日ごとの表のページ / Pages of the day-by-day table">
          {page} / {pages} ページ / page{' '}
          {page > 1 ? <a href={pageLink(page - 1)}>← 前へ / Previous</a> : null}{' '}
          {page < pages ? <a href={pageLink(page + 1)}>次へ / Next →</a> : null}
        </nav>
      ) : null}
    </ViewFrame>
  )
}
