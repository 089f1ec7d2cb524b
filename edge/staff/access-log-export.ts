import type { D1Database } from '@cloudflare/workers-types'
import Papa from 'papaparse'
import type { AccessLogPage } from '../../shared/contract'
import { readAccessLog } from './access-log'

/** A spreadsheet runs a cell starting with one of these as a formula (OWASP CSV injection). */
const risky = /^[=+\-@\t\r]/
const cell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value)
  return risky.test(text) ? `'${text}` : text
}

const headers = [
  '番号 / id',
  '日時 / at',
  '職員 / staff user',
  '役割 / role',
  '操作 / action',
  '世帯 / household',
  '条件 / filter',
  '件数 / count',
  '理由 / reason',
]

/** The most rows one export holds: five years of a busy town's log, well under a Worker's memory. */
export const exportLimit = 100_000

/** The town's whole log (newest first, at most `exportLimit` rows) as CSV, and how many rows. */
export async function accessLogCsv(db: D1Database, tenant: string): Promise<{ csv: string; count: number }> {
  const entries: AccessLogPage['entries'] = []
  let before: number | undefined
  do {
    const page = await readAccessLog(db, tenant, { before, limit: 5000 })
    entries.push(...page.entries)
    before = page.next ?? undefined
  } while (before !== undefined && entries.length < exportLimit)
  const rows = entries
    .slice(0, exportLimit)
    .map((e) =>
      [e.id, e.at, e.staffUser, e.role, e.action, e.household, e.filter, e.count, e.reason].map(cell),
    )
  // A BOM, so Excel opens the Japanese headers as UTF-8.
  return { csv: `\uFEFF${Papa.unparse({ fields: headers, data: rows })}\r\n`, count: rows.length }
}
