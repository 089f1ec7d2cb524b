import type { Payload } from 'payload'

/**
 * The names of the CMS users an edge answer names by id (who read, who has a consultation), from
 * the users collection: the staff's own data, nothing of a resident.
 */
export async function staffNamesOf(
  payload: Payload,
  ids: readonly string[],
): Promise<Record<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => /^\d+$|^[0-9a-f-]{8,}$/i.test(id))
  if (wanted.length === 0) return {}
  const found = await payload.find({
    collection: 'users',
    where: { id: { in: wanted } },
    depth: 0,
    limit: wanted.length,
    pagination: false,
    overrideAccess: true,
  })
  return Object.fromEntries(
    (found.docs as unknown as { id: number | string; name?: string | null; email: string }[]).map((u) => [
      String(u.id),
      u.name || u.email,
    ]),
  )
}
