import type { DashboardData, Row } from './load'
import { daysBetween, weeksOf } from './period'
import { type Cell, num, percent, residents, type Section, sum } from './table'
import { audienceWords, channelWords, languageWord, stageWords, wordFor } from './words'

/** Each town's resident rows of its last reported day in the period: who is registered at its end. */
export function residentsAtEnd(rows: Row[]): Row[] {
  const last = new Map<string, string>()
  for (const row of rows) if ((last.get(row.tenant) ?? '') < row.date) last.set(row.tenant, row.date)
  return rows.filter((row) => last.get(row.tenant) === row.date)
}

const countBy = (rows: Row[], key: string, value = 'count') => {
  const totals = new Map<string, number>()
  for (const row of rows) totals.set(String(row[key]), (totals.get(String(row[key])) ?? 0) + num(row[value]))
  return totals
}

const ordered = (words: Record<string, string>, totals: Map<string, number>) => [
  ...Object.keys(words).filter((key) => totals.has(key)),
  ...[...totals.keys()].filter((key) => !(key in words)).sort(),
]

/**
 * A row's total that would not give away its suppressed cells: when what they add up to (the
 * total less the cells shown) is below the threshold, the total reads 「—」.
 */
function totalOf(parts: number[]): Cell {
  const shown = residents(sum(parts))
  const hidden = sum(parts.filter((part) => residents(part) !== part))
  return typeof shown === 'number' && hidden > 0 && residents(hidden) !== hidden ? '—' : shown
}

export function reachSection(data: DashboardData): Section {
  const { period } = data
  const registrations = data.rows.registrations
  const weeks = weeksOf(period).map(([start, end]): Cell[] => {
    const inWeek = registrations.filter((row) => row.date >= start && row.date <= end)
    return [
      `${start}〜${end}`,
      residents(sum(inWeek.map((row) => num(row.confirmed)))),
      residents(sum(inWeek.map((row) => num(row.unconfirmed)))),
    ]
  })

  const atEnd = residentsAtEnd(data.rows.residents)
  const byStage = Object.keys(stageWords).map((stage): Cell[] => {
    const ofStage = atEnd.filter((row) => row.stage === stage)
    const audiences = Object.keys(audienceWords).map((audience) =>
      sum(ofStage.filter((row) => row.audience === audience).map((row) => num(row.count))),
    )
    return [stageWords[stage] ?? stage, ...audiences.map(residents), totalOf(audiences)]
  })
  const byChannel = countBy(atEnd, 'channel')
  const byLanguage = countBy(atEnd, 'language')

  const days = daysBetween(period.from, period.to)
  const births = data.shown
    .filter((town) => town.pregnancyNotificationsPerYear)
    .map((town): Cell[] => {
      const confirmed = sum(
        registrations
          .filter((row) => row.tenant === town.id && row.audience === 'primary')
          .map((row) => num(row.confirmed)),
      )
      const notifications = town.pregnancyNotificationsPerYear ?? 0
      const expected = (notifications * days) / 365
      const shown = residents(confirmed)
      return [
        town.name,
        notifications,
        Math.round(expected * 10) / 10,
        shown,
        typeof shown === 'number' ? percent(confirmed, expected) : '—',
      ]
    })

  return {
    key: 'reach',
    title: '利用者 / Reach',
    tables: [
      {
        key: 'registrations-per-week',
        title: '週ごとの登録 / Registrations per week',
        columns: ['週 / Week', '登録完了 / Confirmed', '未確認 / Never confirmed'],
        rows: weeks,
        chart: [1, 2],
      },
      {
        key: 'residents-by-stage',
        title: '段階・対象別の利用者（期間末） / Residents by stage and audience (end of period)',
        note: '「—」: 5未満の数が計から逆算できるため表示しません。 / 「—」: withheld, as it would reveal a count below 5.',
        columns: ['段階 / Stage', ...Object.values(audienceWords), '計 / Total'],
        rows: byStage,
        chart: [1, 2, 3],
      },
      {
        key: 'residents-by-channel',
        title: '受け取り方別の利用者 / Residents by channel',
        columns: ['受け取り方 / Channel', '人数 / Residents'],
        rows: ordered(channelWords, byChannel).map((key) => [
          wordFor(channelWords, key),
          residents(byChannel.get(key) ?? 0),
        ]),
        chart: [1],
      },
      {
        key: 'residents-by-language',
        title: '言語別の利用者 / Residents by language',
        columns: ['言語 / Language', '人数 / Residents'],
        rows: [...byLanguage.keys()]
          .sort()
          .map((key) => [languageWord(key), residents(byLanguage.get(key) ?? 0)]),
        chart: [1],
      },
      ...(births.length > 0
        ? [
            {
              key: 'births-reached',
              title: '妊娠届出に対する登録の割合 / Share of pregnancy notifications reached',
              note: '期間の日数に比例させた届出数に対する、本人の登録完了数の割合です。 / Confirmed primary registrations against the year’s notifications prorated to the period.',
              columns: [
                '自治体 / Municipality',
                '妊娠届出数（年） / Notifications per year',
                '期間相当の届出数 / Expected in period',
                '本人の登録 / Primary registrations',
                '割合 / Share',
              ],
              rows: births,
            },
          ]
        : []),
    ],
  }
}
