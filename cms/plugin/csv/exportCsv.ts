import Papa from 'papaparse'
import type { Payload, TypedUser } from 'payload'
import type { YorisoiSlugs } from '../slugs'
import { csvColumns } from './columns'
import { neutraliseFormula } from './formulaCells'
import { paragraphsFromLexical } from './lexical'

/** The working copy of every message the user may read, one row each, for a spreadsheet. */
export async function exportMessagesCsv(
  payload: Payload,
  slugs: YorisoiSlugs,
  user: TypedUser | null,
): Promise<string> {
  const { docs } = await payload.find({
    collection: slugs.messages,
    depth: 0,
    pagination: false,
    sort: 'key',
    overrideAccess: false,
    user,
  })
  const rows = docs.map((doc) => {
    const d = doc as Record<string, unknown>
    return [
      d.slot,
      d.audience,
      d.language,
      d.subject,
      paragraphsFromLexical(d.body).join('\n\n'),
      d.shortText ?? '',
      ((d.topics as string[] | null) ?? []).join('|'),
      ((d.supervisingExperts as string[] | null) ?? []).join('|'),
    ].map((cell) => neutraliseFormula(String(cell ?? '')))
  })
  // A byte-order mark so Excel opens the Japanese text as UTF-8.
  return `\uFEFF${Papa.unparse({ fields: [...csvColumns], data: rows })}`
}
