// Whether a save changes what residents would get: the named fields compared after dropping what
// Payload adds by itself (array row ids, populated relations, key order, empty values).

const idOf = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) && 'id' in value
    ? (value as { id: unknown }).id
    : value

function plain(value: unknown, top: boolean): unknown {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((item) => plain(item, false))
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(record)
        .filter((key) => key !== 'id' || top)
        .sort()
        .map((key) => [key, plain(record[key], false)]),
    )
  }
  return value
}

export function contentKeyOf(
  doc: Record<string, unknown>,
  fields: readonly string[],
  relations: readonly string[] = [],
) {
  return JSON.stringify(
    fields.map((field) => {
      const value = doc[field]
      return relations.includes(field)
        ? idOf(value) === undefined
          ? null
          : String(idOf(value) ?? '')
        : plain(value, false)
    }),
  )
}
