import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/calendar'
import {
  type Composition,
  composeDay,
  indexMessages,
  programOf,
  renderEmail,
  renderLine,
  renderPage,
  renderSms,
  type Subscriber,
} from '../../shared/compose'
import { escapeHtml } from '../../shared/compose/html'
import { neutralSubject } from '../../shared/contract'
import { planDay, scheduleBetween, type TimelineFacts } from '../../shared/program'
import { links, sampleNational, sampleTenant } from './compose-support'

// Every one of the 1,626 sample messages, composed on the day it is written for and rendered for
// every channel, as a resident of a seed municipality would get it.

const national = sampleNational()
const index = indexMessages(national)
const tenant = sampleTenant()
const program = programOf(tenant.tenant)

const due = '2027-06-01'
// Registered at 4w0d and born at 42w0d, so the walk meets every pregnancy day the program sends.
const born: TimelineFacts = { from: addDays(due, -252), due, birth: { date: addDays(due, 14) } }
const lost: TimelineFacts = { from: addDays(due, -200), due, loss: { date: addDays(due, -150) } }
const sends = [born, lost].flatMap((timeline) =>
  scheduleBetween(timeline, timeline.from, addDays(due, 3 * 366 + 21), program).map((send) => ({
    timeline,
    date: send.date,
  })),
)

const readers: Subscriber[] = [
  { nickname: 'みなみ', audience: 'primary', language: 'ja' },
  { nickname: 'ゆうと', audience: 'partner', language: 'ja' },
  { nickname: 'Mina', audience: 'primary', language: 'en' },
]

function composeFor(subscriber: Subscriber, timeline: TimelineFacts, date: string): Composition {
  const plan = planDay([timeline], date, program)!
  const outcome = composeDay({ tenant, index, subscriber, timelines: [timeline], plan, date, links })
  if (!outcome.ok) throw new Error(`${date}: ${JSON.stringify(outcome.problems)}`)
  return outcome.value
}

describe('every sample message, composed and rendered', () => {
  const used = new Set<string>()
  const outputs: { id: string; subject: string; texts: string[] }[] = []
  for (const { timeline, date } of sends) {
    for (const reader of readers) {
      const composition = composeFor(reader, timeline, date)
      const sms = renderSms(composition)
      const line = renderLine(composition)
      if (!sms.ok || !line.ok) throw new Error(`${date}: cannot render ${JSON.stringify(sms)}`)
      const email = renderEmail(composition)
      const page = renderPage(composition)
      for (const message of composition.messages) used.add(message.messageId)
      outputs.push({
        id: composition.messages.map((m) => m.messageId).join('+'),
        subject: email.subject,
        texts: [
          email.subject,
          email.html,
          email.text,
          sms.value.text,
          ...line.value.map((m) => m.text),
          JSON.stringify(page),
        ],
      })
    }
  }

  it('uses each of the 1,626 sample messages, with no gap', () => {
    expect(national.messages).toHaveLength(1626)
    expect(used.size).toBe(1626)
  })

  it('leaves no {{placeholder}} in any channel', () => {
    const leftover = outputs.filter((o) => o.texts.some((t) => t.includes('{{') || t.includes('}}')))
    expect(leftover.map((o) => o.id)).toEqual([])
  })

  it('keeps every subject neutral', () => {
    const revealing = outputs.filter((o) => !neutralSubject.safeParse(o.subject).success)
    expect(revealing.map((o) => o.subject)).toEqual([])
  })

  it('shows the sample marking in the email, the SMS and LINE', () => {
    const unmarked = outputs.filter((o) => !o.texts.slice(1).every((t) => /【サンプル】|\[Sample\]/.test(t)))
    expect(unmarked.map((o) => o.id)).toEqual([])
  })
})

describe('any nickname', () => {
  it('is composed as text: escaped in HTML, never breaking out of it', () => {
    const timeline = born
    const date = addDays(due, 30)
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (nickname) => {
        const composition = composeFor({ nickname, audience: 'primary', language: 'ja' }, timeline, date)
        const html = renderEmail(composition).html
        expect(html).toContain(`<bdi>${escapeHtml(nickname)}</bdi>さん`)
        expect(html.split('<script').length).toBe(1)
      }),
      { numRuns: 300 },
    )
  })
})
