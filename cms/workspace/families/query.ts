import { familiesFilter } from '../../../shared/contract'

/** The filters the list and the export pass on to the staff API, from a page's or a request's query. */
export const filterKeys = ['window', 'state', 'nurse', 'attention', 'q', 'stage'] as const
export type FilterValues = Partial<Record<(typeof filterKeys)[number] | 'cursor', string>>

/** The filters a query names, empty ones left out. */
export function filterValues(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): FilterValues {
  const read = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key]
    const text = Array.isArray(value) ? value[0] : value
    return text?.trim() ? text.trim() : undefined
  }
  const values: FilterValues = {}
  for (const key of [...filterKeys, 'cursor'] as const) {
    const value = read(key)
    if (value !== undefined) values[key] = value
  }
  return values
}

/** The filters checked against the staff API's contract before asking it: null and a reason when wrong. */
export function checkFilters(tenant: string, values: FilterValues): string | null {
  const parsed = familiesFilter.safeParse({ tenant, ...values })
  if (parsed.success) return null
  const issue = parsed.error.issues[0]
  return `検索条件が正しくありません / The filters are not valid: ${issue?.path.join('.')} ${issue?.message ?? ''}`.trim()
}
