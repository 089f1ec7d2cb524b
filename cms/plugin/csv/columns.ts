/** The spreadsheet columns editors work with, in order. Lists are separated by `|`. */
export const csvColumns = [
  'slot',
  'audience',
  'language',
  'subject',
  'body',
  'shortText',
  'topics',
  'supervisingExperts',
] as const
export type CsvColumn = (typeof csvColumns)[number]
export type CsvRow = Record<CsvColumn, string>

/** Body paragraphs are separated by a blank line in the spreadsheet cell. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
}

export function listOf(cell: string): string[] {
  return cell
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean)
}
