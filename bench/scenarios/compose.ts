// Compositions + email renders per second on one core, against the same work with a naive
// selection that scans the messages array for every lookup (what the index replaces).
import os from 'node:os'
import { seededEditions } from '../../seed/content/editions'
import { generateSampleMessages } from '../../seed/content/generate'
import { loadSeedTenants } from '../../seed/tenants'
import { toTenantPart } from '../../seed/tenants/to-part'
import { addDays } from '../../shared/calendar'
import {
  composeDay,
  type DeliveryLinks,
  indexMessages,
  type MessageIndex,
  messageKey,
  programOf,
  renderEmail,
  type Subscriber,
} from '../../shared/compose'
import { contractVersion, type MessageVersion, nationalPart, type TenantPart } from '../../shared/contract'
import { type DayPlan, planDay, type TimelineFacts } from '../../shared/program'
import type { Scenario } from '../scenario'

interface Delivery {
  subscriber: Subscriber
  timelines: TimelineFacts[]
  plan: DayPlan
}

const date = '2026-11-23'
const links: DeliveryLinks = {
  messageUrl: 'https://yorisoi.example.jp/m/Ab3dE',
  consultUrl: 'https://yorisoi.example.jp/c/Ab3dE',
  selfServiceUrl: 'https://yorisoi.example.jp/s/Ab3dE',
  unsubscribeUrl: 'https://yorisoi.example.jp/u/Ab3dE',
}

/** The lookup without an index: every get walks the array, as a per-delivery query would. */
class ScanIndex extends Map<string, MessageVersion> {
  constructor(private readonly messages: readonly MessageVersion[]) {
    super()
  }
  override get(key: string): MessageVersion | undefined {
    return this.messages.find((m) => messageKey(m.slot, m.audience, m.language) === key)
  }
}

function tenantPart(): TenantPart {
  const seed = loadSeedTenants().find((t) => t.settings.slug === 'mizuhoshi-city')!
  const part = toTenantPart(seed)
  return {
    ...part,
    tenant: {
      ...part.tenant,
      channels: {
        ...part.tenant.channels,
        email: { senderName: 'みずほし市 子育てお便り', fromAddress: 'otayori@mizuhoshi.example.jp' },
      },
    },
  }
}

/** Residents due today, spread over pregnancy and the first three years; a quarter are partners. */
function deliveries(count: number, tenant: TenantPart): Delivery[] {
  const program = programOf(tenant.tenant)
  const out: Delivery[] = []
  for (let i = 0; out.length < count; i++) {
    const offset = (i * 7919) % 1400
    const due = addDays(date, 250 - offset)
    const timelines: TimelineFacts[] = [
      offset > 260
        ? { from: addDays(due, -200), due, birth: { date: due } }
        : { from: addDays(due, -250), due },
    ]
    const plan = planDay(timelines, date, program)
    if (!plan) continue
    const audience = i % 4 === 3 ? 'partner' : 'primary'
    out.push({ subscriber: { nickname: `ひと${i}`, audience, language: 'ja' }, timelines, plan })
  }
  return out
}

function rate(index: MessageIndex, tenant: TenantPart, batch: readonly Delivery[], minMs: number): number {
  let done = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < minMs) {
    for (const delivery of batch) {
      const outcome = composeDay({ tenant, index, ...delivery, date, links })
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
      renderEmail(outcome.value)
      done++
    }
    elapsed = performance.now() - start
  }
  return (done / elapsed) * 1000
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const scenario: Scenario = {
  name: 'compose',
  async run({ quick }) {
    const national = nationalPart.parse({
      kind: 'national',
      contractVersion,
      messages: generateSampleMessages(undefined, seededEditions).map((m) => ({
        ...m,
        id: `sample:${m.slot}:${m.audience}:${m.language}`,
        version: 1,
        supervisors: ['見本（未監修）'],
      })),
    })
    const tenant = tenantPart()
    const batch = deliveries(quick ? 500 : 2000, tenant)
    const minMs = quick ? 200 : 1000
    const indexed = indexMessages(national)
    const scanning = new ScanIndex(national.messages)
    rate(indexed, tenant, batch, minMs / 2) // warm-up
    // Alternating rounds, median of each: the machine is shared, so neither side gets the quiet minute.
    const values: number[] = []
    const baselines: number[] = []
    for (let round = 0; round < (quick ? 1 : 5); round++) {
      values.push(rate(indexed, tenant, batch, minMs))
      baselines.push(rate(scanning, tenant, batch, minMs))
    }
    const value = median(values)
    const baseline = median(baselines)
    return {
      value: Math.round(value),
      unit: 'deliveries/s',
      baseline: Math.round(baseline),
      ratio: value / baseline,
      notes:
        `composeDay + renderEmail on one core, ${batch.length} residents due ${date} (pregnancy to age 3, ` +
        `1 in 4 partners) over the ${national.messages.length} sample messages; baseline: the same with a ` +
        `selection that scans the messages array for each lookup; 1-minute load average ${os.loadavg()[0]!.toFixed(1)} ` +
        `on ${os.cpus().length} cores during the run`,
    }
  },
}

export default scenario
