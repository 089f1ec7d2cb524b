import { smsPricePerSegment } from '../../shared/sms/price'
import type { DashboardData, Row } from './load'
import { residentsAtEnd } from './reach'
import { type Cell, num, residents, type Section, sum } from './table'

const total = (rows: Row[], field = 'count') => sum(rows.map((row) => num(row[field])))

/** Across several towns (the national admin's view): each town's headline figures beside the sum. */
export function townsSection(data: DashboardData): Section | null {
  if (data.shown.length < 2) return null
  const rows = data.shown.map((town): Cell[] => {
    const of = (list: Row[]) => list.filter((row) => row.tenant === town.id)
    const deliveries = of(data.rows.deliveries)
    const sms = of(data.rows.costs).filter((row) => row.channel === 'sms')
    return [
      town.name,
      residents(total(residentsAtEnd(of(data.rows.residents)))),
      total(deliveries.filter((row) => row.outcome === 'sent')),
      total(deliveries.filter((row) => row.outcome !== 'sent')),
      Math.round(total(sms, 'smsSegments') * (town.smsUnitPriceYen ?? smsPricePerSegment.yen)),
      total(of(data.rows.consultations), 'received'),
    ]
  })
  return {
    key: 'towns',
    title: '自治体別 / By municipality',
    tables: [
      {
        key: 'towns',
        title: '自治体ごとの主な数 / Each municipality’s headline figures',
        columns: [
          '自治体 / Municipality',
          '利用者（期間末） / Residents (end of period)',
          '送信 / Sent',
          '失敗・不明 / Failed or unknown',
          'SMS費用（円） / SMS cost (yen)',
          '相談 / Consultations',
        ],
        rows,
        chart: [2],
      },
    ],
  }
}
