import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deliveryLinks } from '../../edge/delivery/links'
import { renderDelivery } from '../../edge/delivery/render'
import { type BatchDelivery, renderDeliveries } from '../../edge/delivery/render-batch'
import { addDays } from '../../shared/calendar'
import { composeDay, indexMessages, type MessageIndex, programOf, StandIns } from '../../shared/compose'
import { sampleMarkings } from '../../shared/compose/sample'
import type { Audience, Channel, TenantPart } from '../../shared/contract'
import { type DayPlan, planDay, type TimelineFacts } from '../../shared/program'
import { fixtureIndex, links, sakura, sampleNational, sampleTenant } from './compose-support'

// A batch rendered once per group of residents whose day composes alike, their own values put in
// afterwards, is byte for byte what rendering each resident alone gives: for any nicknames (markup,
// emoji, kana, lookalikes of the stand-ins), languages, audiences, channels, survey and task lines
// and nurse news.

const origin = 'https://yorisoi.example.jp'
const date = '2026-11-23'

const nicknames = fc.oneof(
  fc.constantFrom(
    'ハナ',
    'ゆき',
    'A&B <b>"q"</b> \'s\'',
    '🍼ママ👶',
    'さくら&<>"\'',
    '',
    'x'.repeat(80),
    'Sam[Sample]',
    '【サンプル】',
    'サンプル',
    'Zq000YorisoiStandInQz',
    'Zq001YorisoiStandInQz',
    '<bdi>Zq000YorisoiStandInQz</bdi>',
    '{{nickname}}',
    'https://evil.example/x',
    '0120-000-000',
    '$& $1 $$',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ maxLength: 12 }),
)

interface Town {
  tenant: TenantPart
  index: MessageIndex
  /** Timelines with a slot on `date`, in the content's slots. */
  timelines: TimelineFacts[][]
}

function townOf(tenant: TenantPart, index: MessageIndex): Town {
  const program = programOf(tenant.tenant)
  const timelines: TimelineFacts[][] = []
  // Pregnancies and children of many ages, and two at once: the ones with a slot today.
  for (let d = -300; d <= 1000; d += 1) {
    const due = addDays(date, d)
    const one: TimelineFacts[] =
      d > 0 ? [{ from: '2026-01-01', due }] : [{ from: '2024-01-01', due, birth: { date: due } }]
    const plan = planDay(one, date, program)
    if (plan && carries(tenant, index, one, plan)) timelines.push(one)
  }
  timelines.push([timelines[0]![0]!, timelines.at(-1)![0]!])
  return { tenant, index, timelines }
}

// Whether the content has a message for the day (the fixture has two slots only).
function carries(
  tenant: TenantPart,
  index: MessageIndex,
  timelines: TimelineFacts[],
  plan: DayPlan,
): boolean {
  const subscriber = { nickname: 'x', audience: 'primary' as const, language: 'ja' }
  const composed = composeDay({ tenant, index, subscriber, timelines, plan, date, links })
  return composed.ok && composed.value.messages.length > 0
}

const towns = [townOf(sakura, fixtureIndex), townOf(sampleTenant(), indexMessages(sampleNational()))]

const residentArb = fc.record({
  nickname: nicknames,
  audience: fc.constantFrom<Audience>('primary', 'primary', 'primary', 'partner'),
  language: fc.constantFrom('ja', 'ja', 'ja', 'en', 'ja-x-easy'),
  channel: fc.constantFrom<Channel>('email', 'line', 'email', 'line', 'sms'),
  timeline: fc.nat(),
  survey: fc.constantFrom(
    null,
    null,
    null,
    null,
    { title: '妊婦さんアンケート', reminder: false },
    { title: 'Survey', reminder: true },
  ),
  task: fc.constantFrom(
    null,
    null,
    null,
    null,
    null,
    { line: '出生届を出しましょう', language: 'ja', reminder: false, done: true },
    {
      line: 'Apply for the allowance',
      language: 'en',
      reminder: true,
      done: true,
      url: 'https://city.example.jp/apply?a=1&b=2',
    },
    { line: 'アンケートで教えてください', language: 'ja', reminder: false, done: false, viaSurvey: true },
  ),
  nurse: fc.constantFrom(null, null, null, [{ name: 'さとう', contact: '0996-00-0000' }]),
  shard: fc.constantFrom(1, 1, 1, 2),
})

type Resident = typeof residentArb extends fc.Arbitrary<infer R> ? R : never

async function batchOf(town: Town, residents: Resident[]): Promise<BatchDelivery[]> {
  const program = programOf(town.tenant.tenant)
  return Promise.all(
    residents.map(async (r, i) => {
      const id = `sub-${i}`
      const timelines = town.timelines[r.timeline % town.timelines.length]!
      const plan = planDay(timelines, date, program) as DayPlan
      const set = await deliveryLinks(origin, 'secret', id, `key-${i}`, 0, r.shard)
      const [page] = set.segments
      const own =
        r.survey || r.task?.viaSurvey ? { ...set.links, surveyUrl: `${origin}/q/${page}` } : set.links
      const { done, ...task } = r.task ?? { done: false }
      return {
        tenant: town.tenant,
        index: town.index,
        dueSubscriber: {
          id,
          nickname: r.nickname,
          audience: r.audience,
          language: r.language,
          channel: r.channel,
          address: `${id}@example.jp`,
          nextSendOn: date,
          manageGeneration: 0,
          timelines,
        },
        plan,
        date,
        links: own,
        segments: set.segments,
        key: `key-${i}`,
        ...(r.survey ? { surveyLine: r.survey } : {}),
        ...(r.task
          ? { taskLine: { ...(task as typeof r.task), ...(done ? { doneUrl: `${origin}/k/${page}` } : {}) } }
          : {}),
        ...(r.nurse ? { nurseChanges: r.nurse } : {}),
      }
    }),
  )
}

describe('renderDeliveries', () => {
  it('gives each resident the message renderDelivery gives them alone', async () => {
    let templated = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...towns),
        fc.array(residentArb, { minLength: 20, maxLength: 100 }),
        async (town, residents) => {
          // Few timelines, so that residents share their day and groups form.
          const batch = await batchOf(
            town,
            residents.map((r) => ({ ...r, timeline: r.timeline % 2 })),
          )
          const made = renderDeliveries(batch)
          templated += made.templated
          for (const [i, delivery] of batch.entries())
            expect(made.rendered[i]).toEqual(renderDelivery(delivery))
        },
      ),
      { numRuns: 60 },
    )
    // The shared rendering was taken, not only the fallback.
    expect(templated).toBeGreaterThan(100)
  })

  it('shares one rendering in a batch of alike residents, with markup in nicknames escaped', async () => {
    const town = towns[0]!
    const one = {
      audience: 'primary' as const,
      language: 'ja' as const,
      timeline: 0,
      survey: null,
      task: null,
      nurse: null,
      shard: 1 as const,
    }
    const residents = ['A&B <i>"q"</i>', 'ゆき', '🍼', 'Tom'].flatMap((nickname) =>
      (['email', 'line'] as const).map((channel) => ({ ...one, nickname, channel })),
    )
    const batch = await batchOf(town, residents)
    const made = renderDeliveries(batch)
    expect(made.templated).toBe(batch.length)
    for (const [i, delivery] of batch.entries()) expect(made.rendered[i]).toEqual(renderDelivery(delivery))
    const email = made.rendered[0]!
    if (!email.ok || email.message.channel !== 'email') throw new Error('expected an email')
    expect(email.message.html).toContain('A&amp;B &lt;i&gt;&quot;q&quot;&lt;/i&gt;')
    expect(email.message.text).toContain('A&B <i>"q"</i>')
    const kana = made.rendered[2]!
    if (!kana.ok || kana.message.channel !== 'email') throw new Error('expected an email')
    expect(kana.message.html).toContain('<bdi>ゆき</bdi>')
  })

  it('leaves no stand-in where a sample marking could begin or end', () => {
    const segment = /[A-Za-z0-9_-]/
    for (const marking of sampleMarkings) {
      expect(segment.test(marking.at(0)!), marking).toBe(false)
      expect(segment.test(marking.at(-1)!), marking).toBe(false)
    }
    const standIns = new StandIns(3)
    for (const standIn of [standIns.nickname, ...standIns.segments]) expect(standIn).toMatch(/^[A-Za-z0-9]+$/)
  })
})
