import {
  type Channel,
  type DeliveryCount,
  type ReadingCount,
  type ResidentStage,
  residentStages,
} from '../../shared/contract'
import { binomial } from './draw'
import type { ResidentStock } from './stock'
import type { SampleDay } from './town'

/** Program messages a resident of each stage gets a day: daily, then every 3, 7 and 14 days. */
const sendsPerDay: Record<ResidentStage, number> = {
  'pregnancy-early': 1,
  'pregnancy-mid': 1,
  'pregnancy-late': 1,
  'day-0-100': 1,
  'to-1': 1 / 3,
  'to-2': 1 / 7,
  'to-3': 1 / 14,
}
/** A slot of each stage for the day (the dashboard counts by stage; the slot only has to exist). */
const slotOf: Record<ResidentStage, (day: number) => string> = {
  'pregnancy-early': (d) => `pregnancy/${60 + d}`,
  'pregnancy-mid': (d) => `pregnancy/${140 + d}`,
  'pregnancy-late': (d) => `pregnancy/${230 + d}`,
  'day-0-100': (d) => `newborn/${40 + d}`,
  'to-1': (d) => `infant/${120 + 3 * d}`,
  'to-2': (d) => `age1/${10 + (d % 40)}`,
  'to-3': (d) => `age2/${d % 26}`,
}
/** Pages opened per program message sent, by channel (a LINE message is read most). */
const readRate: Record<Channel, number> = { line: 0.62, sms: 0.48, email: 0.36 }
const clickRate = 0.18
const failure: Record<Channel, { permanent: number; transient: number }> = {
  email: { permanent: 0.0012, transient: 0.0004 },
  sms: { permanent: 0.0015, transient: 0.0008 },
  line: { permanent: 0.0008, transient: 0.0002 },
}

/**
 * The day's program messages to the active, by stage and channel, and how they were read (`age`:
 * days before the month's end); `sent` is what each channel delivered.
 */
export function programSendsOf(
  day: SampleDay,
  channels: readonly Channel[],
  stock: ResidentStock,
  age: number,
): { deliveries: DeliveryCount[]; reading: ReadingCount[]; sent: Map<Channel, number> } {
  const { date, tenant, random } = day
  const deliveries: DeliveryCount[] = []
  const reading: ReadingCount[] = []
  const sent = new Map<Channel, number>()
  for (const stage of residentStages)
    for (const channel of channels) {
      const active = stock.count((c) => c.stage === stage && c.channel === channel && c.state === 'active')
      const due = binomial(random, active, sendsPerDay[stage])
      if (due === 0) continue
      const permanent = binomial(random, due, failure[channel].permanent)
      const transient = binomial(random, due - permanent, failure[channel].transient)
      const delivered = due - permanent - transient
      const slot = slotOf[stage](day.index)
      for (const [outcome, count] of [
        ['sent', delivered],
        ['failed-permanent', permanent],
        ['failed-transient', transient],
      ] as const)
        if (count > 0) deliveries.push({ date, tenant, kind: 'program', slot, channel, outcome, count })
      sent.set(channel, (sent.get(channel) ?? 0) + delivered)
      // Pages are still being opened for the last days' messages: fewer so far.
      const soFar = 1 - 0.4 * 0.5 ** age
      const later = stage.startsWith('pregnancy') ? 1.08 : stage === 'day-0-100' ? 1 : 0.85
      const opened = binomial(random, delivered, Math.min(0.95, readRate[channel] * later * soFar))
      const clicked = binomial(random, opened, clickRate)
      reading.push({ date, tenant, channel, stage, sent: delivered, opened, clicked })
    }
  return { deliveries, reading, sent }
}
