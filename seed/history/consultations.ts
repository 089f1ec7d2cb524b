import type { ConsultationCount } from '../../shared/contract'
import { binomial, poisson } from './draw'
import type { SampleDay } from './town'

/** Consultations come on weekdays mostly, from the `residents` of the day; nearly all answered by the next working day. */
export function consultationsOf(day: SampleDay, residents: number): ConsultationCount[] {
  const { date, tenant, random } = day
  const received = poisson(random, residents * (day.weekend ? 0.00015 : 0.0004))
  if (received === 0) return []
  return [
    {
      date,
      tenant,
      received,
      urgent: binomial(random, received, 0.08),
      answeredWithinOneWorkingDay: binomial(random, received, 0.9),
    },
  ]
}
