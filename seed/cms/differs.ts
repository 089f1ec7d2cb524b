// Whether a stored document differs from what the seed would write. Only the fields the seed
// writes are compared, and only those the collection stores (Payload drops unknown fields), so a
// field the CMS does not have yet never makes every run an update.

const blank = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

export function differs(wanted: unknown, stored: unknown): boolean {
  if (wanted === undefined) return false
  if (blank(wanted) || blank(stored)) return !(blank(wanted) && blank(stored))
  if (Array.isArray(wanted)) {
    if (!Array.isArray(stored) || stored.length !== wanted.length) return true
    return wanted.some((item, index) => differs(item, stored[index]))
  }
  if (typeof wanted === 'object') {
    if (typeof stored !== 'object') return true
    const record = stored as Record<string, unknown>
    return Object.entries(wanted as Record<string, unknown>).some(
      ([key, value]) => key in record && differs(value, record[key]),
    )
  }
  if (typeof stored === 'object') return String(wanted) !== String((stored as { id?: unknown }).id)
  return String(wanted) !== String(stored)
}
