import { FamiliesTable } from './FamiliesTable'
import { reasonOptions, stateOptions } from './labels'
import { filterKeys } from './query'
import type { FamiliesScreen } from './screen'

const row = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: '0.75rem',
  alignItems: 'end',
  margin: '0.75rem 0',
} as const
const field = { display: 'grid', gap: '0.25rem' } as const

/**
 * The families list of one town: filters, each nurse's load, the table with its assignment, paging
 * and the CSV export (with a reason). Links and forms only; the assignment is FamiliesTable's.
 */
export function FamiliesPanel({
  screen,
  adminRoute,
  apiRoute,
}: {
  screen: FamiliesScreen
  adminRoute: string
  apiRoute: string
}) {
  const { town, towns, filters, list, load, nurses } = screen
  const here = (extra: Record<string, string | undefined>) => {
    const query = new URLSearchParams({ tenant: town.slug })
    for (const [key, value] of Object.entries({ ...filters, cursor: undefined, ...extra }))
      if (value) query.set(key, value)
    return `${adminRoute}/families?${query}`
  }
  const nurseName = (user: string) => nurses.find((n) => n.user === user)?.name ?? user
  return (
    <div>
      <form method="get" action={`${adminRoute}/families`} style={row}>
        {towns.length > 1 ? (
          <label style={field}>
            自治体 / Town
            <select name="tenant" defaultValue={town.slug}>
              {towns.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <input type="hidden" name="tenant" value={town.slug} />
        )}
        <label style={field}>
          段階の範囲 / Stage window
          <input
            name="window"
            defaultValue={filters.window}
            placeholder="w28-32・d0-100・m6-12"
            size={12}
            aria-describedby="window-help"
          />
        </label>
        <label style={field}>
          状態 / State
          <select name="state" defaultValue={filters.state ?? ''}>
            <option value="">すべて / All</option>
            {stateOptions.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          担当保健師 / Nurse
          <select name="nurse" defaultValue={filters.nurse ?? ''}>
            <option value="">すべて / All</option>
            <option value="me">自分の担当 / My families</option>
            <option value="none">未割り当て / Unassigned</option>
            {nurses.map((n) => (
              <option key={n.user} value={n.user}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          検索（ニックネーム・自治体の番号） / Search (nickname or reference)
          <input name="q" type="search" defaultValue={filters.q} size={20} />
        </label>
        <label style={{ display: 'flex', gap: '0.25rem', alignItems: 'center' }}>
          <input type="checkbox" name="attention" value="1" defaultChecked={filters.attention === '1'} />
          要確認のみ / Needs attention only
        </label>
        <button type="submit" className="btn btn--style-secondary btn--size-small">
          絞り込む / Filter
        </button>
        <a href={here({ nurse: 'me' })}>自分の担当 / My families</a>
      </form>
      <p id="window-help">
        <small>
          w28-32＝妊娠28〜32週、d0-100＝生後0〜100日、m6-12＝月齢6〜12か月 / w = weeks pregnant, d = days old,
          m = months old
        </small>
      </p>

      <section aria-label="保健師ごとの担当数 / Families per nurse">
        <h2 style={{ fontSize: '1rem' }}>保健師ごとの担当数 / Families per nurse</h2>
        <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', listStyle: 'none', padding: 0 }}>
          {load.nurses.map((n) => (
            <li key={n.user} data-nurse={n.user}>
              <a href={here({ nurse: n.user })}>{n.name || nurseName(n.user)}</a>: {n.families}世帯 / families
            </li>
          ))}
          <li>
            <a href={here({ nurse: 'none' })}>未割り当て / Unassigned</a>: {load.unassigned}世帯 / families
          </li>
        </ul>
      </section>

      {list.families.length === 0 ? (
        <p>該当するご家族はいません / No families match</p>
      ) : (
        <FamiliesTable
          families={list.families}
          nurses={nurses.map(({ user, name }) => ({ user, name }))}
          tenant={town.slug}
          assignUrl={`${apiRoute}/workspace/families/assign`}
          adminRoute={adminRoute}
        />
      )}
      <nav style={row} aria-label="ページ / Pages">
        {filters.cursor ? <a href={here({})}>最初へ / First page</a> : null}
        {list.next ? <a href={here({ cursor: list.next })}>次へ / Next page</a> : null}
      </nav>

      <form method="get" action={`${apiRoute}/workspace/families/export`} style={row}>
        <input type="hidden" name="tenant" value={town.slug} />
        {filterKeys.map((key) =>
          filters[key] ? <input key={key} type="hidden" name={key} value={filters[key]} /> : null,
        )}
        <label style={field}>
          書き出しの理由 / Reason for the export
          <select name="reason" required defaultValue="">
            <option value="" disabled>
              選んでください / Choose
            </option>
            {reasonOptions.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn--style-secondary btn--size-small">
          CSVで書き出す / Export CSV
        </button>
      </form>
    </div>
  )
}
