import { Chart } from './Chart'
import { DataTable } from './DataTable'
import type { DashboardData } from './load'
import { type Period, periodQuery } from './period'
import { SampleNotice } from './SampleNotice'
import type { Section } from './table'

export const dashboardApi = (api: string) => `${api}/dashboard`

export const csvHref = (api: string, period: Period, table: string) =>
  `${dashboardApi(api)}/csv?${new URLSearchParams({ table, ...Object.fromEntries(periodQuery(period)) })}`

/** The period and town choice: a plain GET form, so a period is a link staff can share. */
function PeriodForm({ data, action }: { data: DashboardData; action: string }) {
  const { period, towns } = data
  return (
    <form
      method="get"
      action={action}
      style={{ display: 'flex', gap: '1rem', alignItems: 'end', flexWrap: 'wrap' }}
    >
      <label>
        開始日 / From
        <br />
        <input type="date" name="from" defaultValue={period.from} />
      </label>
      <label>
        終了日 / To
        <br />
        <input type="date" name="to" defaultValue={period.to} />
      </label>
      {towns.length > 1 ? (
        <label>
          自治体 / Municipality
          <br />
          <select name="tenant" defaultValue={period.tenant ?? ''}>
            <option value="">すべての自治体（合計） / All municipalities (sum)</option>
            {towns.map((town) => (
              <option key={town.id} value={town.id}>
                {town.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit" className="btn btn--style-primary btn--size-small">
        表示 / Show
      </button>
    </form>
  )
}

export function SectionView({ section, api, period }: { section: Section; api?: string; period: Period }) {
  return (
    <section
      aria-labelledby={`dashboard-${section.key}`}
      data-section={section.key}
      className="dashboard-section"
    >
      <h2 id={`dashboard-${section.key}`}>{section.title}</h2>
      {section.tables.map((table) => (
        <div key={table.key} className="dashboard-table" style={{ marginBottom: '1.5rem' }}>
          <h3>{table.title}</h3>
          <Chart table={table} />
          <DataTable table={table} csvHref={api ? csvHref(api, period, table.key) : undefined} />
        </div>
      ))}
    </section>
  )
}

/** The dashboard: who and when it covers, then each section's charts over their tables. */
export function DashboardBody({
  data,
  sections,
  admin,
  api,
}: {
  data: DashboardData
  sections: Section[]
  admin: string
  api: string
}) {
  const { period, shown } = data
  return (
    <div data-yorisoi-dashboard>
      <SampleNotice days={data.sampleDays} />
      <p>
        {period.from}〜{period.to}・
        {shown.map((town) => town.name).join('、') || '自治体なし / No municipality'}
      </p>
      <p style={{ fontSize: '0.9em' }}>
        住民に関する数（利用者・登録・停止・アンケート）は、期間中5未満のとき「5未満」と表示します。配信・失敗・費用などの件数はそのままです。
        / Counts about residents below 5 over the period read 「5未満」; operational counts are exact.
      </p>
      <PeriodForm data={data} action={admin} />
      <p>
        <a
          className="btn btn--style-secondary btn--size-small"
          href={`${dashboardApi(api)}/report?${periodQuery(period)}`}
          target="_blank"
          rel="noopener"
        >
          印刷用レポート（A4） / Print report (A4)
        </a>
      </p>
      <nav aria-label="セクション / Sections">
        <ul style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', listStyle: 'none', padding: 0 }}>
          {sections.map((section) => (
            <li key={section.key}>
              <a href={`#dashboard-${section.key}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((section) => (
        <SectionView key={section.key} section={section} api={api} period={period} />
      ))}
    </div>
  )
}
