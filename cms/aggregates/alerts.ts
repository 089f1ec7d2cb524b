import type { Payload, TypedUser } from 'payload'

/** Days of counts the dashboard notices show. */
export const alertDays = 14

/** One day's counts of one tenant, as a dashboard notice lists them. */
export type CountAlert<F extends string> = { date: string; tenant: string } & Record<F, number>

/**
 * The counts of the last days that this user may read (staff: their own towns only, through the
 * collection's access), newest first: the `fields` of each day where any of `alertOn` is above 0.
 */
export async function countAlerts<F extends string>(
  payload: Payload,
  input: { user: TypedUser; slug: string; today: string; fields: readonly F[]; alertOn: readonly F[] },
): Promise<CountAlert<F>[]> {
  const since = new Date(Date.parse(`${input.today}T00:00:00Z`) - alertDays * 86_400_000)
    .toISOString()
    .slice(0, 10)
  const { docs } = await payload.find({
    collection: input.slug,
    where: {
      and: [
        { date: { greater_than_equal: since } },
        { or: input.alertOn.map((field) => ({ [field]: { greater_than: 0 } })) },
      ],
    },
    sort: '-date',
    depth: 1,
    pagination: false,
    overrideAccess: false,
    user: input.user,
  })
  return docs.map((d) => {
    const doc = d as unknown as { date: string; tenant: { name?: string; slug?: string } } & Record<F, number>
    const counts = Object.fromEntries(input.fields.map((field) => [field, doc[field]])) as unknown as Record<
      F,
      number
    >
    return { date: doc.date, tenant: doc.tenant.name ?? doc.tenant.slug ?? '', ...counts }
  })
}

export type ForwardAlert = CountAlert<'failed' | 'pending'>

/** Days with consultations that did not reach the desk. */
export function forwardAlerts(
  payload: Payload,
  input: { user: TypedUser; slug: string; today: string },
): Promise<ForwardAlert[]> {
  const fields = ['failed', 'pending'] as const
  return countAlerts(payload, { ...input, fields, alertOn: fields })
}

export type FlaggedAlert = CountAlert<'open' | 'resolved' | 'deadLetters'>

/** Days with deliveries still waiting for a person's decision at the edge. */
export function flaggedAlerts(
  payload: Payload,
  input: { user: TypedUser; slug: string; today: string },
): Promise<FlaggedAlert[]> {
  return countAlerts(payload, { ...input, fields: ['open', 'resolved', 'deadLetters'], alertOn: ['open'] })
}

/** How long the oldest undecided one of a kind has waited in one tenant, as of the report's day. */
export interface Waiting {
  tenant: string
  days: number
  asOf: string
}

/**
 * Per tenant this user may read (staff: their own towns, through the collection's access), how
 * many days the oldest flagged delivery or consultation not at the desk has waited, oldest first:
 * these are kept at the edge until decided, so they may be far older than the notices' days.
 */
export async function oldestWaiting(
  payload: Payload,
  input: { user: TypedUser; slug: string; field: 'flaggedDeliveryDays' | 'deskForwardDays' },
): Promise<Waiting[]> {
  const { docs } = await payload.find({
    collection: input.slug,
    where: { [input.field]: { exists: true } },
    sort: `-${input.field}`,
    depth: 1,
    pagination: false,
    overrideAccess: false,
    user: input.user,
  })
  return docs.flatMap((d) => {
    const doc = d as unknown as { date: string; tenant: { name?: string; slug?: string } } & Record<
      string,
      number | null | undefined
    >
    const days = doc[input.field]
    return typeof days === 'number'
      ? [{ tenant: doc.tenant.name ?? doc.tenant.slug ?? '', days, asOf: doc.date }]
      : []
  })
}
