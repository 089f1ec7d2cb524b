import { type Channel, type ProviderPauseCount, providerPauseCauses } from '../../shared/contract'
import { poisson } from './draw'
import type { ResidentStock } from './stock'
import type { SampleDay } from './town'

/**
 * Active residents a provider pauses a day: an address it refuses (an email bounce, a LINE
 * unfollow, an SMS number no longer in use), or repeated failures.
 */
const pausesPerResidentDay: Record<Channel, Record<ProviderPauseCount['cause'], number>> = {
  email: { refused: 0.00015, failures: 0.00003 },
  sms: { refused: 0.00006, failures: 0.00003 },
  line: { refused: 0.0003, failures: 0.00001 },
}

/** A few a day are paused by their provider: moved from active to paused on the same channel. */
export function providerPausesOf(
  day: SampleDay,
  channels: readonly Channel[],
  stock: ResidentStock,
): ProviderPauseCount[] {
  const { date, tenant, random } = day
  const rows: ProviderPauseCount[] = []
  for (const channel of channels)
    for (const cause of providerPauseCauses) {
      const active = stock.held().filter((h) => h.cell.channel === channel && h.cell.state === 'active')
      let left = active.reduce((n, h) => n + h.count, 0)
      let paused = 0
      for (let n = poisson(random, left * pausesPerResidentDay[channel][cause]); n > 0 && left > 0; n--) {
        const held = stock.takeOne(random, active, left)
        if (!held) break
        left--
        stock.add({ ...held.cell, state: 'paused' }, 1)
        paused++
      }
      if (paused > 0) rows.push({ date, tenant, channel, cause, count: paused })
    }
  return rows
}
