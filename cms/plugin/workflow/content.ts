import { csvColumns } from '../csv/columns'

/**
 * The fields whose change makes a new text for residents — every spreadsheet column, and whether
 * it is a sample and which text it translates; review state and notes are not content.
 */
export const contentFields = [...csvColumns, 'sample', 'translationOf'] as const

export type MessageContent = Partial<Record<(typeof contentFields)[number], unknown>>

const idOf = (value: unknown) =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value

// jsonb stores object keys in its own order, so a saved body and the same body sent again only
// compare equal once keys are sorted.
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
    )
  }
  return value
}

function normalise(field: (typeof contentFields)[number], value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (field === 'translationOf') return String(idOf(value))
  if (Array.isArray(value) && value.length === 0) return null
  return stable(value)
}

export function contentOf(doc: Record<string, unknown>): MessageContent {
  return Object.fromEntries(contentFields.map((field) => [field, doc[field]]))
}

export function contentKey(doc: Record<string, unknown>): string {
  return JSON.stringify(contentFields.map((field) => normalise(field, doc[field])))
}

export function messageKey(doc: { slot?: unknown; audience?: unknown; language?: unknown }): string {
  return `${doc.slot} ${doc.audience} ${doc.language}`
}

export function idsOf(value: unknown): (number | string)[] {
  return Array.isArray(value) ? value.map((item) => idOf(item) as number | string) : []
}
