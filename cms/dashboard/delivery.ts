import type { DashboardData, Row } from './load'
import { spansOf } from './period'
import { type Cell, num, percent, residents, type Section, sum } from './table'
import { channelWords, outcomeWords, reasonWords, stageWords, wordFor } from './words'

const total = (rows: Row[], field = 'count') => sum(rows.map((row) => num(row[field])))
const on = (rows: Row[], channel: string) => rows.filter((row) => row.channel === channel)

/**
 * The channels a table lists: those the towns shown offer (across towns, any of them), in the
 * usual order; and one a town no longer offers while the period still counts something on it,
 * so that no count is hidden.
 */
function channelsOf(data: DashboardData, counted: (channel: string) => number): string[] {
  const offered = new Set(data.shown.flatMap((town) => town.channels))
  return Object.keys(channelWords).filter((channel) => offered.has(channel) || counted(channel) > 0)
}

export function deliverySection(data: DashboardData): Section {
  const { period } = data
  const deliveries = data.rows.deliveries
  const sent = deliveries.filter((row) => row.outcome === 'sent')
  const { unit, spans } = spansOf(period)
  const channels = channelsOf(data, (channel) => total(on(deliveries, channel)))
  const perSpan = spans.map(([label, start, end]): Cell[] => {
    const of = sent.filter((row) => row.date >= start && row.date <= end)
    const byChannel = channels.map((channel) => total(of.filter((row) => row.channel === channel)))
    return [label, ...byChannel, sum(byChannel)]
  })
  const per = {
    day: { title: '日ごとの送信数 / Sends per day by channel', column: '日付 / Date' },
    week: { title: '週ごとの送信数 / Sends per week by channel', column: '週 / Week' },
    month: { title: '月ごとの送信数 / Sends per month by channel', column: '月 / Month' },
  }[unit]
  const outcomes = Object.keys(outcomeWords)
  const byOutcome = channels.map((channel): Cell[] => [
    wordFor(channelWords, channel),
    ...outcomes.map((outcome) =>
      total(deliveries.filter((row) => row.channel === channel && row.outcome === outcome)),
    ),
  ])
  const flagged = data.rows.flagged
  const stops = data.rows.stops
  const registrations = data.rows.registrations
  const pauses = data.rows.providerPauses
  return {
    key: 'delivery',
    title: '配信 / Delivery',
    tables: [
      {
        key: 'sends',
        title: per.title,
        columns: [per.column, ...channels.map((c) => wordFor(channelWords, c)), '計 / Total'],
        rows: perSpan,
        // Many days: one bar a day (the total), which stays readable; the table has each channel.
        chart: perSpan.length > 12 ? [channels.length + 1] : channels.map((_, i) => i + 1),
      },
      {
        key: 'outcomes',
        title: '送信結果（失敗を含む） / Outcomes, failures included',
        columns: ['受け取り方 / Channel', ...outcomes.map((o) => wordFor(outcomeWords, o))],
        rows: byOutcome,
        chart: [2, 3, 4],
      },
      {
        key: 'flagged',
        title: '確認が必要なお便り / Deliveries flagged for a decision',
        columns: ['区分 / Kind', '件数 / Count'],
        rows: [
          ['未対応 / Open', total(flagged, 'open')],
          ['対応済み / Resolved', total(flagged, 'resolved')],
          ['再試行切れのバッチ / Dead-lettered batches', total(flagged, 'deadLetters')],
        ],
        chart: [1],
      },
      {
        key: 'provider-paused',
        title: '送信事業者による一時停止 / Paused by the provider',
        note: '宛先が拒否された（不達・苦情・ブロック）か、送信の失敗が続いて止まっている方です。宛先の確認が必要です。 / Residents whose address the provider refused, or whose sending kept failing: their address needs checking.',
        columns: [
          '受け取り方 / Channel',
          '宛先の拒否 / Address refused',
          '失敗が続いた / Repeated failures',
          '計 / Total',
        ],
        rows: channelsOf(data, (channel) => total(on(pauses, channel))).map((channel): Cell[] => {
          const of = on(pauses, channel)
          const refused = total(of.filter((row) => row.cause === 'refused'))
          const failures = total(of.filter((row) => row.cause === 'failures'))
          return [wordFor(channelWords, channel), refused, failures, refused + failures]
        }),
        chart: [1, 2],
      },
      {
        key: 'stops',
        title: '配信停止とその理由 / Stops and their reasons',
        columns: ['理由 / Reason', '件数 / Count'],
        rows: Object.keys(reasonWords).map((reason) => [
          wordFor(reasonWords, reason),
          residents(total(stops.filter((row) => row.reason === reason))),
        ]),
        chart: [1],
      },
      {
        key: 'unconfirmed',
        title: '確認されなかった登録 / Registrations never confirmed',
        columns: ['受け取り方 / Channel', '登録開始 / Started', '未確認 / Never confirmed', '割合 / Share'],
        rows: channelsOf(
          data,
          (channel) =>
            total(on(registrations, channel), 'confirmed') + total(on(registrations, channel), 'unconfirmed'),
        ).map((channel): Cell[] => {
          const of = on(registrations, channel)
          const started = total(of, 'confirmed') + total(of, 'unconfirmed')
          const never = total(of, 'unconfirmed')
          const shown = residents(never)
          return [
            wordFor(channelWords, channel),
            residents(started),
            shown,
            typeof shown === 'number' && typeof residents(started) === 'number'
              ? percent(never, started)
              : '—',
          ]
        }),
      },
    ],
  }
}

export function readingSection(data: DashboardData): Section {
  const reading = data.rows.reading
  const line = (label: string, rows: Row[]): Cell[] => {
    const sent = total(rows, 'sent')
    const opened = total(rows, 'opened')
    const clicked = total(rows, 'clicked')
    return [label, sent, opened, clicked, percent(opened, sent), percent(clicked, sent)]
  }
  const columns = [
    '送信 / Sent',
    '開封 / Opened',
    'クリック / Clicked',
    '開封率 / Read rate',
    'クリック率 / Click rate',
  ]
  return {
    key: 'reading',
    title: '読まれ方 / Reading',
    tables: [
      {
        key: 'reading-by-stage',
        title: '段階別の開封とクリック / Opened and clicked per send, by stage',
        columns: ['段階 / Stage', ...columns],
        rows: Object.keys(stageWords).map((stage) =>
          line(
            wordFor(stageWords, stage),
            reading.filter((row) => row.stage === stage),
          ),
        ),
        chart: [1, 2, 3],
      },
      {
        key: 'reading-by-channel',
        title: '受け取り方別の開封とクリック / Opened and clicked per send, by channel',
        columns: ['受け取り方 / Channel', ...columns],
        rows: channelsOf(data, (channel) => total(on(reading, channel), 'sent')).map((channel) =>
          line(wordFor(channelWords, channel), on(reading, channel)),
        ),
        chart: [1, 2, 3],
      },
    ],
  }
}

export function consultationSection(data: DashboardData): Section {
  const rows = data.rows.consultations
  const received = total(rows, 'received')
  const answered = total(rows, 'answeredWithinOneWorkingDay')
  return {
    key: 'consultation',
    title: '相談 / Consultation',
    tables: [
      {
        key: 'consultations',
        title: '相談の受付と回答 / Consultations received and answered',
        columns: ['項目 / Item', '件数 / Count'],
        rows: [
          ['受付 / Received', received],
          ['緊急 / Urgent', total(rows, 'urgent')],
          ['1営業日以内に回答 / Answered within one working day', answered],
          ['1営業日以内の回答率 / Share answered within one working day', percent(answered, received)],
        ],
        chart: [1],
      },
    ],
  }
}
