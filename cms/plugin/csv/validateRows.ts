import Papa from 'papaparse'
import type { Validate } from 'payload'
import { neutralSubject } from '../../../shared/contract/national'
import { audiences } from '../../../shared/contract/primitives'
import { nonEmptyBody } from '../fields/body'
import { validateShortText } from '../fields/shortText'
import { validateSlot } from '../fields/slot'
import { zodValidate } from '../fields/zodValidate'
import { bilingual } from '../i18n'
import type { ResolvedOptions } from '../types'
import { type CsvColumn, type CsvRow, csvColumns, paragraphsOf } from './columns'
import { restoreFormula } from './formulaCells'
import { lexicalFromParagraphs } from './lexical'

export type RowError = { row: number; column: CsvColumn | null; message: string }
export type ParsedRows = { rows: { row: number; data: CsvRow }[]; errors: RowError[] }

// Validators take Payload's options; the ones used here read only the value.
const run = async (validate: Validate, value: unknown) => validate(value, {} as Parameters<Validate>[1])

/**
 * Parses the spreadsheet and checks every row with the same rules as the admin form, so an
 * import either is entirely valid or reports each problem by row number (header = row 1).
 */
export async function validateCsv(csv: string, options: ResolvedOptions): Promise<ParsedRows> {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  })
  const errors: RowError[] = []
  const missing = csvColumns.filter((c) => !parsed.meta.fields?.includes(c))
  if (missing.length) {
    errors.push({
      row: 1,
      column: null,
      message: bilingual(`列がありません: ${missing.join(', ')}`, `Missing columns: ${missing.join(', ')}`),
    })
    return { rows: [], errors }
  }
  for (const e of parsed.errors) {
    errors.push({
      row: (e.row ?? 0) + 2,
      column: null,
      message: bilingual(`CSVの形式エラー: ${e.message}`, `CSV error: ${e.message}`),
    })
  }

  const checks: [CsvColumn, (value: string) => Promise<string | true>][] = [
    ['slot', (v) => run(validateSlot(options.programs), v)],
    [
      'audience',
      async (v) =>
        audiences.includes(v as never) ? true : bilingual(`対象が不明です: ${v}`, `Unknown audience: ${v}`),
    ],
    [
      'language',
      async (v) =>
        options.languages.includes(v) ? true : bilingual(`言語が不明です: ${v}`, `Unknown language: ${v}`),
    ],
    ['subject', (v) => run(zodValidate(neutralSubject), v)],
    ['body', (v) => run(nonEmptyBody, lexicalFromParagraphs(paragraphsOf(v)))],
    ['shortText', (v) => run(validateShortText, v)],
  ]
  const seen = new Map<string, number>()
  const rows: ParsedRows['rows'] = []
  for (const [index, raw] of parsed.data.entries()) {
    const row = index + 2
    const data = Object.fromEntries(
      csvColumns.map((c) => [c, restoreFormula((raw[c] ?? '').trim()).trim()]),
    ) as CsvRow
    for (const [column, check] of checks) {
      const result = await check(data[column])
      if (result !== true) errors.push({ row, column, message: result })
    }
    const key = `${data.slot} ${data.audience} ${data.language}`
    const first = seen.get(key)
    if (first) {
      errors.push({
        row,
        column: 'slot',
        message: bilingual(`${key} は${first}行目と重複しています`, `${key} duplicates row ${first}`),
      })
    } else seen.set(key, row)
    rows.push({ row, data })
  }
  return { rows, errors }
}
