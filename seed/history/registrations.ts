import type { Audience, Channel, RegistrationCount, ResidentStage } from '../../shared/contract'
import { weighted } from '../residents/random'
import { binomial, poisson } from './draw'
import type { ResidentStock } from './stock'
import { audienceShare, type SampleDay, type Shares } from './town'

/** Where a new registration starts: most at the pregnancy notification, some later on. */
const joinAt: readonly (readonly [ResidentStage, number])[] = [
  ['pregnancy-early', 60],
  ['pregnancy-mid', 20],
  ['pregnancy-late', 10],
  ['day-0-100', 10],
]

/**
 * The day's registrations (`perDay` on average) by audience, channel and language: the confirmed
 * join the stock; `confirmations` is what each channel sent to confirm them.
 */
export function registrationsOf(
  day: SampleDay,
  perDay: number,
  shares: Shares,
  stock: ResidentStock,
): { rows: RegistrationCount[]; confirmations: Map<Channel, number> } {
  const { date, tenant, random } = day
  const rows: RegistrationCount[] = []
  const confirmations = new Map<Channel, number>()
  for (const [audience, aShare] of Object.entries(audienceShare) as [Audience, number][])
    for (const [channel, cShare] of shares.channels)
      for (const [language, lShare] of shares.languages) {
        const started = poisson(random, perDay * aShare * cShare * lShare * 1.3)
        if (started === 0) continue
        // LINE confirms in the chat; a code by SMS or a link by email is sometimes never used.
        const confirmed = binomial(random, started, channel === 'line' ? 0.96 : 0.88)
        rows.push({ date, tenant, channel, language, audience, confirmed, unconfirmed: started - confirmed })
        confirmations.set(channel, (confirmations.get(channel) ?? 0) + started)
        const stage = weighted(random, joinAt)
        stock.add({ stage, audience, channel, language, state: 'active' }, confirmed)
      }
  return { rows, confirmations }
}
