import type { Channel, CostCount, DeliveryCount } from '../../shared/contract'
import { binomial } from './draw'
import type { SampleDay } from './town'

/**
 * The day's confirmations sent (one to each registration started) as deliveries, and what each
 * channel's messages cost: the program's `sent` and the confirmations.
 */
export function costsOf(
  day: SampleDay,
  channels: readonly Channel[],
  sent: ReadonlyMap<Channel, number>,
  confirmations: ReadonlyMap<Channel, number>,
): { deliveries: DeliveryCount[]; costs: CostCount[] } {
  const { date, tenant, random } = day
  const deliveries: DeliveryCount[] = []
  const costs: CostCount[] = []
  for (const channel of channels) {
    const confirming = confirmations.get(channel) ?? 0
    if (confirming > 0)
      deliveries.push({
        date,
        tenant,
        kind: 'confirmation',
        slot: null,
        channel,
        outcome: 'sent',
        count: confirming,
      })
    const messages = (sent.get(channel) ?? 0) + confirming
    // A short text and its link fit one segment; a longer confirmation or a language in UCS-2 takes two.
    const smsSegments = channel === 'sms' ? messages + binomial(random, messages, 0.07) : 0
    if (messages > 0) costs.push({ date, tenant, channel, messages, smsSegments })
  }
  return { deliveries, costs }
}
