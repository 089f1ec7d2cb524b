import { smsPricePerSegment } from '../../shared/sms/price'
import type { DashboardData } from './load'
import { monthsOf } from './period'
import { residentsAtEnd } from './reach'
import { type Cell, num, residents, type Section, sum } from './table'

/**
 * Per town and month: SMS segments × the town's price per segment, LINE messages against the
 * plan's free messages, emails, and the SMS cost per registered family (本人 at the month's end).
 */
export function costSection(data: DashboardData): Section {
  const rows: Cell[][] = []
  for (const month of monthsOf(data.period)) {
    for (const town of data.shown) {
      const of = data.rows.costs.filter((row) => row.tenant === town.id && row.date.startsWith(month))
      const messages = (channel: string) =>
        sum(of.filter((row) => row.channel === channel).map((row) => num(row.messages)))
      const segments = sum(of.filter((row) => row.channel === 'sms').map((row) => num(row.smsSegments)))
      const price = town.smsUnitPriceYen ?? smsPricePerSegment.yen
      const yen = Math.round(segments * price)
      const line = messages('line')
      const families = sum(
        residentsAtEnd(
          data.rows.residents.filter((row) => row.tenant === town.id && row.date.startsWith(month)),
        )
          .filter((row) => row.audience === 'primary')
          .map((row) => num(row.count)),
      )
      const shownFamilies = residents(families)
      rows.push([
        month,
        town.name,
        segments,
        price,
        yen,
        line,
        town.lineFreeQuota,
        Math.max(0, line - town.lineFreeQuota),
        messages('email'),
        shownFamilies,
        typeof shownFamilies === 'number' && families > 0 ? Math.round((yen / families) * 10) / 10 : '—',
      ])
    }
  }
  return {
    key: 'cost',
    title: '費用 / Cost',
    tables: [
      {
        key: 'cost-per-month',
        title: '月ごとの費用 / Cost per month',
        note: `SMSの単価は自治体の設定（未設定なら${smsPricePerSegment.yen}円）です。LINEは無料通数を超えた通数を示します。 / SMS at the town’s price per segment; LINE messages beyond the plan’s free quota.`,
        columns: [
          '月 / Month',
          '自治体 / Municipality',
          'SMS通数（分割後） / SMS segments',
          'SMS単価（円） / Yen per segment',
          'SMS費用（円） / SMS cost (yen)',
          'LINE通数 / LINE messages',
          'LINE無料通数 / LINE free quota',
          'LINE超過 / LINE beyond quota',
          'メール通数 / Emails',
          '登録家族 / Registered families',
          '1家族あたりSMS費用（円/月） / SMS yen per family per month',
        ],
        rows,
        chart: [4],
      },
    ],
  }
}
