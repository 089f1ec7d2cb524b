import { smsPricePerSegment } from '../../shared/sms/price'
import type { DashboardData } from './load'
import { monthsOf } from './period'
import { residentsAtEnd } from './reach'
import { type Cell, num, residents, type Section, sum } from './table'

const unlimited = '無制限 / Unlimited'

/**
 * Per town and month: SMS segments × the town's price per segment, LINE messages against the
 * plan's free messages a month (those beyond at the plan's price), emails (no charge per message),
 * and the month's cost per registered family (本人 at the month's end).
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
      const smsYen = Math.round(segments * price)
      const line = messages('line')
      const beyond = town.lineFreeQuota === null ? 0 : Math.max(0, line - town.lineFreeQuota)
      const lineYen = Math.round(beyond * town.lineYenPerMessage)
      const yen = smsYen + lineYen
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
        smsYen,
        line,
        town.lineFreeQuota ?? unlimited,
        beyond,
        lineYen,
        messages('email'),
        yen,
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
        note: `SMSの単価は自治体の設定（未設定なら${smsPricePerSegment.yen}円）です。LINEは無料通数を超えた通数に自治体の設定の単価をかけます（地方公共団体プランは無料・無制限）。メールは1通ごとの費用がかかりません。 / SMS at the town’s price per segment; LINE messages beyond the plan’s free ones at the plan’s price (free and unlimited on the plan for local governments); emails cost nothing per message.`,
        columns: [
          '月 / Month',
          '自治体 / Municipality',
          'SMS通数（分割後） / SMS segments',
          'SMS単価（円） / Yen per segment',
          'SMS費用（円） / SMS cost (yen)',
          'LINE通数 / LINE messages',
          'LINE無料通数（月） / LINE free a month',
          'LINE超過 / LINE beyond free',
          'LINE費用（円） / LINE cost (yen)',
          'メール通数 / Emails',
          '費用計（円） / Total cost (yen)',
          '登録家族 / Registered families',
          '1家族あたり費用（円/月） / Yen per family per month',
        ],
        rows,
        chart: [10],
      },
    ],
  }
}
