import { checkCivilDate, localDate } from '../../shared/calendar'
import { runTick } from '../delivery/tick'
import type { Env } from '../env'
import type { LoadedSnapshot } from '../snapshot/read'

/** The date the form offers first: today in the first town's time zone (Japan's by default). */
export function todayFor(snapshot: LoadedSnapshot | null, now: Date): string {
  const first = snapshot ? [...snapshot.tenants.values()][0] : undefined
  return localDate(now, first?.tenant.timeZone ?? 'Asia/Tokyo')
}

/** A real calendar date from the form, or null. */
export function chosenDay(text: unknown): string | null {
  if (typeof text !== 'string') return null
  const check = checkCivilDate(text)
  return check.ok ? check.date : null
}

/**
 * The local system's "run this day now": the real tick, for the chosen date in every town, send
 * time or not. Runs are still claimed per tenant and date, so pressing it twice, or the cron firing
 * later, sends nothing twice. Each town's run is in the shard of its residents. Returns how many
 * residents this press queued.
 */
export async function runDay(env: Env, snapshot: LoadedSnapshot, day: string, now: Date): Promise<number> {
  const reports = await runTick({
    env,
    queue: env.DELIVERY_QUEUE,
    snapshot,
    now,
    reschedule: env.RESCHEDULE_QUEUE,
    localDate: day,
  })
  return reports.reduce((n, r) => n + r.subscribers, 0)
}
