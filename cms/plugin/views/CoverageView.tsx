import type { AdminViewServerProps } from 'payload'
import type { Program } from '../../../shared/program'
import type { YorisoiSlugs } from '../slugs'
import { type CoverageCell, type CoverageStatus, coverage } from './coverage'
import { ViewFrame } from './ViewFrame'

const marks: Record<CoverageStatus, string> = { approved: '✓', stale: '古', 'in-review': '監', missing: '✗' }

type Props = AdminViewServerProps & {
  slugs: YorisoiSlugs
  programs: Record<string, Program>
  languages: readonly string[]
}

/** /admin/coverage: every send slot × audience × language of a program, and what fills each gap. */
export async function CoverageView(props: Props) {
  const { payload } = props.initPageResult.req
  const search = (props.searchParams ?? {}) as Record<string, string | undefined>
  const programName =
    search.program && props.programs[search.program] ? search.program : Object.keys(props.programs)[0]!
  const languages = search.languages ? search.languages.split(',') : props.languages.slice(0, 2)
  const cells = await coverage(payload, props.slugs, props.programs[programName]!, languages, [
    props.languages[0]!,
  ])
  const bySlot = new Map<string, CoverageCell[]>()
  for (const cell of cells) bySlot.set(cell.slot, [...(bySlot.get(cell.slot) ?? []), cell])
  const count = (status: CoverageStatus) => cells.filter((c) => c.status === status).length
  const columns = bySlot.values().next().value ?? []

  return (
    <ViewFrame props={props} title="カバレッジ / Coverage">
      <p>
        {programName}: 承認済み {count('approved')} ・ 要再翻訳 {count('stale')} ・ 監修待ち{' '}
        {count('in-review')} ・ 未作成 {count('missing')} / approved, stale, in review, missing. ✓ 承認済み ・
        古 要再翻訳 ・ 監 監修待ち ・ ✗ 未作成; → は代わりに届くメッセージ / → the message sent instead.
      </p>
      <table>
        <thead>
          <tr>
            <th>スロット / Slot</th>
            {columns.map((c) => (
              <th key={`${c.audience}-${c.language}`}>
                {c.audience} {c.language}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...bySlot.entries()].map(([slot, row]) => (
            <tr key={slot}>
              <td>{slot}</td>
              {row.map((c) => (
                <td key={`${c.audience}-${c.language}`}>
                  {marks[c.status]}
                  {c.filledBy ? ` → ${c.filledBy.audience} ${c.filledBy.language}` : ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ViewFrame>
  )
}
