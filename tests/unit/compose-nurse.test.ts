import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/calendar'
import {
  type Composition,
  composeDay,
  indexMessages,
  type NurseChange,
  nurseChangeText,
  nurseNoteOf,
  programOf,
  renderEmail,
  renderLine,
  renderSms,
} from '../../shared/compose'
import { fixtureNationalPart } from '../../shared/contract/fixture'
import { planDay } from '../../shared/program'
import { measureSms } from '../../shared/sms'
import { fixtureIndex, links, sakura } from './compose-support'

const date = '2026-11-23'
const timelines = [{ from: '2026-06-01', due: addDays(date, 84) }]
const sato: NurseChange = { name: 'さとう', contact: '0120-000-000' }
const line = '担当の保健師が さとう さんになりました（連絡先 0120-000-000）'

function composed(
  nurseChanges: readonly NurseChange[] | undefined,
  options: { shortText?: string; language?: string; surveyUrl?: string } = {},
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
    links: options.surveyUrl ? { ...links, surveyUrl: options.surveyUrl } : links,
    ...(options.surveyUrl ? { surveyLine: { title: '8か月', reminder: false } } : {}),
    ...(nurseChanges ? { nurseChanges } : {}),
  })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
  return outcome.value
}

describe('the line that tells a family of their new nurse', () => {
  it('names her as she shows herself and how to reach her; other languages get their own (English here) alone, as the SMS carries it', () => {
    expect(nurseChangeText(sato, 'ja')).toBe(line)
    expect(nurseChangeText({ name: 'さとう', contact: null }, 'ja')).toBe(
      '担当の保健師が さとう さんになりました',
    )
    expect(nurseChangeText(sato, 'en')).toBe('Your public health nurse is now さとう (contact: 0120-000-000)')
  })

  it('is one line a nurse, and nothing for a nurse who shows no name or for no change', () => {
    const suzuki = { name: 'すずき', contact: null }
    expect(nurseNoteOf([sato, suzuki], 'ja')).toBe(`${line}\n担当の保健師が すずき さんになりました`)
    expect(nurseNoteOf([{ name: ' ', contact: '0120' }], 'ja')).toBeNull()
    expect(nurseNoteOf([], 'ja')).toBeNull()
    expect(composed(undefined).nurseNote).toBeNull()
  })

  it('rides in the email (text and HTML) and in LINE, before the consultation box', () => {
    const email = renderEmail(composed([sato]))
    expect(email.text).toContain(line)
    expect(email.html).toContain(line)
    expect(email.text.indexOf(line)).toBeLessThan(email.text.indexOf('ご相談はこちらへ'))
    expect(email.subject).not.toContain('保健師')
    const bubbles = renderLine(composed([sato]))
    expect(bubbles.ok && bubbles.value.map((m) => m.text).join('\n')).toContain(line)
    expect(renderEmail(composed(undefined)).text).not.toContain('担当の保健師')
  })

  it('escapes a name in the email’s HTML', () => {
    const html = renderEmail(composed([{ name: '<b>さとう</b>', contact: null }])).html
    expect(html).not.toContain('<b>さとう')
    expect(html).toContain('&lt;b&gt;さとう&lt;/b&gt;')
  })

  it('rides in an SMS and says so, counted in the segments', () => {
    const sms = renderSms(composed([sato]))
    expect(sms.ok).toBe(true)
    if (!sms.ok) return
    expect(sms.value.text).toContain(line)
    expect(sms.value.toldNurse).toBe(true)
    expect(sms.value.segments).toBe(measureSms(sms.value.text).segments)
    const without = renderSms(composed(undefined))
    expect(without.ok && without.value.toldNurse).toBe(false)
  })

  it('comes before the survey link in an SMS when only one of them fits', () => {
    const surveyUrl = 'https://yorisoi.example.jp/q/AbCdEfGhIjKlMnOpQrStUv'
    const url = links.messageUrl
    const withBoth = measureSms(`【サンプル】\n${url}\n${line}\nアンケート ${surveyUrl}`).characters
    const shortText = 'あ'.repeat(660 - withBoth + 1)
    const sms = renderSms(composed([sato], { shortText, surveyUrl }))
    expect(sms.ok).toBe(true)
    if (!sms.ok) return
    expect(sms.value.text).toContain(line)
    expect(sms.value.text).not.toContain(surveyUrl)
    expect(sms.value.characters).toBeLessThanOrEqual(660)
  })

  it('waits for a later message when an SMS cannot hold it, and the day’s SMS still goes', () => {
    const url = links.messageUrl
    const shortText = 'あ'.repeat(660 - measureSms(`【サンプル】\n${url}`).characters)
    const sms = renderSms(composed([sato], { shortText }))
    expect(sms.ok).toBe(true)
    if (!sms.ok) return
    expect(sms.value.text).not.toContain('保健師')
    expect(sms.value.toldNurse).toBe(false)
    expect(sms.value.characters).toBe(660)
  })
})
