import Papa from 'papaparse'
import { neutraliseFormula } from '../plugin/csv/formulaCells'
import type { Table } from './table'

/** A table as CSV, cell for cell what the screen shows (「5未満」 included), for Excel (BOM). */
export const tableCsv = (table: Table): string =>
  `\uFEFF${Papa.unparse({
    fields: table.columns,
    data: table.rows.map((row) => row.map((cell) => neutraliseFormula(String(cell)))),
  })}`
