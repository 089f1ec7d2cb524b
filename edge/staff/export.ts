import type { D1Database } from '@cloudflare/workers-types'
import Papa from 'papaparse'
import type { CivilDate } from '../../shared/calendar'
import { attentionLabels, type FamilyRow, memberStateLabels } from '../../shared/contract'
import { familiesOf } from './families'
import type { ListFilter } from './families-filter'

const headers = [
  '世帯ID',
  'ニックネーム',
  '段階',
  '連絡手段',
  '状態',
  '最後に開いた日',
  '未対応の相談',
  '面談の希望',
  '担当保健師',
  '自治体の番号',
  '要確認',
  '登録日',
]

const cells = (f: FamilyRow) => [
  f.household,
  f.members.map((m) => m.nickname).join(' / '),
  f.stage.label.split(' / ')[0] ?? '',
  f.members.map((m) => `${m.channel}: ${m.address}`).join(' / '),
  memberStateLabels[f.state].split(' / ')[0] ?? '',
  f.lastOpenedOn ?? '',
  f.openConsultations,
  f.interviewRequests,
  f.nurse?.name ?? '',
  f.reference ?? '',
  f.attention.map((a) => attentionLabels[a].split(' / ')[0] ?? '').join('、'),
  f.registeredOn,
]

/**
 * Every household the filter finds, as a CSV for a spreadsheet (Japanese headers, addresses masked
 * as on the screen). A cell a spreadsheet would run as a formula (a nickname like `=HYPERLINK(…)`)
 * is quoted by papaparse's escapeFormulae. Returns the text and how many households it holds.
 */
export async function exportFamilies(
  db: D1Database,
  filter: ListFilter,
  asker: string,
  today: CivilDate,
): Promise<{ csv: string; count: number }> {
  const rows: (string | number)[][] = []
  let cursor: string | undefined
  do {
    const page = await familiesOf(db, { ...filter, cursor, limit: 500 }, asker, today)
    rows.push(...page.families.map(cells))
    cursor = page.next ?? undefined
  } while (cursor)
  // A byte-order mark so Excel opens the Japanese text as UTF-8.
  const csv = `\uFEFF${Papa.unparse({ fields: headers, data: rows }, { escapeFormulae: true })}`
  return { csv, count: rows.length }
}
