import type { LoadedSnapshot } from '../snapshot/read'

/**
 * The same snapshot with every tenant's send time at midnight, so a tick run now treats today's
 * send time as already passed: the local system's "run today's deliveries now" button. Runs are
 * still claimed per tenant and date, so pressing it twice, or the cron firing later, sends nothing
 * twice.
 */
export function sendingNow(snapshot: LoadedSnapshot): LoadedSnapshot {
  const tenants = new Map(
    [...snapshot.tenants].map(([slug, part]) => [
      slug,
      { ...part, tenant: { ...part.tenant, sendTime: '00:00' } },
    ]),
  )
  return { ...snapshot, tenants }
}
