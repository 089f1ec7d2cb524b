import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/calendar'
import { composeDay, programOf, renderEmail } from '../../shared/compose'
import { planDay } from '../../shared/program'
import { fixtureIndex, links, sakura } from './compose-support'

// The local system (npm start) serves residents' pages on http://127.0.0.1: its messages must
// compose with working links there, while any other plain-http link stays refused.
const date = '2026-11-23'
const timelines = [{ from: '2026-06-01', due: addDays(date, 84) }]

function compose(origin: string) {
  const local = Object.fromEntries(
    Object.entries(links).map(([k, v]) => [k, v.replace('https://yorisoi.example.jp', origin)]),
  ) as typeof links
  return composeDay({
    tenant: sakura,
    index: fixtureIndex,
    subscriber: { nickname: 'ハナ', audience: 'primary', language: 'ja' },
    timelines,
    plan: planDay(timelines, date, programOf(sakura.tenant))!,
    date,
    links: local,
  })
}

describe('links to the local system', () => {
  it('composes with http://127.0.0.1 links and makes them clickable in the email', () => {
    const outcome = compose('http://127.0.0.1:8787')
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(renderEmail(outcome.value).html).toContain('href="http://127.0.0.1:8787/u/Ab3dE"')
  })

  it('still refuses plain http anywhere else', () => {
    const outcome = compose('http://yorisoi.example.jp')
    expect(outcome.ok).toBe(false)
  })
})
