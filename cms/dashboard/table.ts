/** One cell: an exact count, a suppressed count (「5未満」), a rate or a label. */
export type Cell = number | string

/** A table of the dashboard; its chart, its CSV and its print are all drawn from it. */
export interface Table {
  key: string
  title: string
  note?: string
  columns: string[]
  rows: Cell[][]
  /** Columns drawn as bars beside each row's first cell; no chart without it. */
  chart?: number[]
}

export interface Section {
  key: string
  title: string
  tables: Table[]
}

export const suppressedWord = '5未満'
const threshold = 5

/**
 * A count that describes residents, as shown: below the threshold over the period (1 to 4) it
 * reads 「5未満」 so that no small group of families can be singled out; none reads 0.
 */
export const residents = (count: number): Cell => (count > 0 && count < threshold ? suppressedWord : count)

export const percent = (part: number, whole: number): Cell =>
  whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—'

export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

export const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
