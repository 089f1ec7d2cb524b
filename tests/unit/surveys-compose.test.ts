import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/calendar'
import {
  type Composition,
  composeDay,
  indexMessages,
  programOf,
  renderLine,
  renderSms,
} from '../../shared/compose'
import { fixtureNationalPart } from '../../shared/contract/fixture'
import { planDay } from '../../shared/program'
import { measureSms } from '../../shared/sms'
import { fixtureIndex, links, sakura } from './compose-support'

const date = '2026-11-23'
const timelines = [{ from: '2026-06-01', due: addDays(date, 84) }]
const surveyUrl = 'https://yorisoi.example.jp/q/AbCdEfGhIjKlMnOpQrStUv'

function composed(
  surveyLine: { title: string; reminder: boolean },
  options: { shortText?: string; language?: string } = {},
): Composition {
  const base = fixtureNationalPart.messages[0]!
  const index =
    options.shortText === undefined
      ? fixtureIndex
      : indexMessages({ ...fixtureNationalPart, messages: [{ ...base, shortText: options.shortText }] })
  const plan = planDay(timelines, date, programOf(sakura.tenant))!
  const outcome = composeDay({
    tenant: sakura,
    index,
    subscriber: { nickname: 'ハナ', audience: 'primary', language: options.language ?? 'ja' },
    timelines,
    plan,
    date,
    links: { ...links, surveyUrl },
    surveyLine,
  })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
  return outcome.value
}

describe('the survey line as each channel renders it', () => {
  it('names the survey, and a reminder says it is one; English readers get theirs, then the Japanese', () => {
    expect(composed({ title: '8か月', reminder: false }).survey?.text).toEqual({
      text: 'アンケート「8か月」にご協力ください。',
      lang: 'ja',
    })
    expect(composed({ title: '8か月', reminder: true }).survey?.text.text).toContain('ご回答がまだでしたら')
    expect(composed({ title: 'Month 8', reminder: false }, { language: 'en' }).survey?.text).toEqual({
      text: 'Please answer a short survey: "Month 8".',
      lang: 'en',
      ja: 'アンケート「Month 8」にご協力ください。',
    })
    const line = renderLine(composed({ title: '8か月', reminder: false }))
    expect(line.ok && line.value.map((m) => m.text).join('\n')).toContain(`アンケートに答える ${surveyUrl}`)
  })

  it('SMS carries the survey link when it fits, and leaves it to the message page when it does not', () => {
    const fits = renderSms(composed({ title: '8か月', reminder: false }))
    expect(fits.ok && fits.value.text.endsWith(`\nアンケート ${surveyUrl}`)).toBe(true)
    // A short text that fills the cap but for the message link: the survey link gives way.
    const url = links.messageUrl
    // (less the sample marking the fixture's message carries)
    const room = 660 - measureSms(`【サンプル】\n${url}`).characters - 5
    const full = renderSms(composed({ title: '8か月', reminder: false }, { shortText: 'あ'.repeat(room) }))
    expect(full.ok).toBe(true)
    if (full.ok) {
      expect(full.value.text).not.toContain(surveyUrl)
      expect(full.value.text).toContain(url)
      expect(full.value.characters).toBeLessThanOrEqual(660)
    }
  })
})
