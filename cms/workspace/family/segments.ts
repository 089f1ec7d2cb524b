import type { AdminViewServerProps } from 'payload'
import type { FamilyAsk } from './ask'

/** /admin/family/<household>[/guide]?tenant=…&reason=… as the view's props carry it. */
export function familyAskOf(props: Pick<AdminViewServerProps, 'params' | 'searchParams'>): FamilyAsk {
  const segments = props.params?.segments
  const household = Array.isArray(segments) ? segments[1] : undefined
  const query = (props.searchParams ?? {}) as Record<string, string | string[] | undefined>
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)
  return {
    household: household === undefined ? undefined : decoded(household),
    tenant: one(query.tenant),
    reason: one(query.reason),
  }
}

// Next may hand the segment still encoded; an id with a stray % stays as it came.
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
