import type { Payload, TypedUser } from 'payload'

export interface ForwardAlert {
  date: string
  tenant: string
  failed: number
  pending: number
}

/** Days of undelivered consultations the dashboard shows. */
export const alertDays = 14

/**
 * The undelivered consultations of the last days that this user may read (staff: their own towns
 * only, through the collection's access), newest first; days with none are left out.
 */
export async function forwardAlerts(
  payload: Payload,
  input: { user: TypedUser; slug: string; today: string },
): Promise<ForwardAlert[]> {
  const since = new Date(Date.parse(`${input.today}T00:00:00Z`) - alertDays * 86_400_000)
    .toISOString()
    .slice(0, 10)
  const { docs } = await payload.find({
    collection: input.slug,
    where: {
      and: [
        { date: { greater_than_equal: since } },
        { or: [{ failed: { greater_than: 0 } }, { pending: { greater_than: 0 } }] },
      ],
    },
    sort: '-date',
    depth: 1,
    pagination: false,
    overrideAccess: false,
    user: input.user,
  })
  return docs.map((d) => {
    const doc = d as unknown as {
      date: string
      tenant: { name?: string; slug?: string }
      failed: number
      pending: number
    }
    return {
      date: doc.date,
      tenant: doc.tenant.name ?? doc.tenant.slug ?? '',
      failed: doc.failed,
      pending: doc.pending,
    }
  })
}
