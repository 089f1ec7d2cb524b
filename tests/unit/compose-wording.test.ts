import { describe, expect, it } from 'vitest'
import { languageContents } from '../../seed/content/languages'
import { addDays } from '../../shared/calendar'
import {
  type Composition,
  composeDay,
  type NurseChange,
  programOf,
  renderAnnouncement,
  renderEmail,
  renderLine,
  renderSms,
} from '../../shared/compose'
import { joined, say, strings } from '../../shared/compose/strings'
import { fixtureTenantParts } from '../../shared/contract/fixture'
import { wordIn, wording } from '../../shared/languages/wording'
import { planDay } from '../../shared/program'
import { fixtureIndex, links, sakura } from './compose-support'

// The words composition adds around the messages, as a resident of another language gets them. The
// catalogues are filled by translators, so expectations are worded through wordIn: they hold with
// an empty catalogue (the English fallback) and with a translation alike.

const date = '2026-11-23'
const timelines = [{ from: '2026-06-01', due: addDays(date, 84) }]
const surveyUrl = 'https://yorisoi.example.jp/q/AbCdEfGhIjKlMnOpQrStUv'
const sato: NurseChange = { name: 'さとう', contact: '0120-000-000' }
const nurseWording = wording(
  '担当の保健師が {name} さんになりました（連絡先 {contact}）',
  'Your public health nurse is now {name} (contact: {contact})',
  { name: sato.name, contact: '0120-000-000' },
)
const japaneseScript = (lang: string) => lang === 'ja' || lang === 'ja-x-easy'

function composed(language: string): Composition {
  const plan = planDay(timelines, date, programOf(sakura.tenant))!
  const outcome = composeDay({
    tenant: sakura,
    index: fixtureIndex,
    subscriber: { nickname: 'ハナ', audience: 'primary', language },
    timelines,
    plan,
    date,
    links: { ...links, surveyUrl },
    surveyLine: { title: '8か月', reminder: false },
    nurseChanges: [sato],
  })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
  return outcome.value
}

function smsOf(language: string): string {
  const sms = renderSms(composed(language))
  if (!sms.ok) throw new Error(JSON.stringify(sms.problems))
  return sms.value.text
}

/** Every fixed frame text of the compose strings that is not built from a value. */
const frameTexts = Object.values(strings).filter((s) => typeof s !== 'function')

describe('an SMS for a reader of another language', () => {
  it('words the survey and the nurse in the reader’s language only (its translation, else its fallback)', () => {
    const text = smsOf('vi')
    const survey = wordIn(strings.surveyShort, 'vi')
    expect(text).toContain(`\n${survey.text} ${surveyUrl}`)
    expect(text).toContain(wordIn(nurseWording, 'vi').text)
    if (!japaneseScript(survey.lang)) expect(text).not.toContain(strings.surveyShort.ja)
    if (!japaneseScript(wordIn(nurseWording, 'vi').lang)) expect(text).not.toContain('担当の保健師')
  })

  it('never holds both the Japanese and the English of one frame line', () => {
    for (const language of ['vi', 'en', 'pt-BR', 'zh-Hans']) {
      const text = smsOf(language)
      for (const frame of frameTexts)
        expect(text.includes(frame.ja) && text.includes(frame.en), `${language}: ${frame.ja}`).toBe(false)
      expect(text.includes('担当の保健師') && text.includes('public health nurse')).toBe(false)
    }
  })

  it('is unchanged for a Japanese reader: Japanese frame words, no English', () => {
    const text = smsOf('ja')
    expect(text).toContain(`\nアンケート ${surveyUrl}`)
    expect(text).toContain('担当の保健師が さとう さんになりました（連絡先 0120-000-000）')
    expect(text).not.toMatch(/Survey|public health nurse| \/ /)
  })
})

describe('email and LINE frame lines for a reader of another language', () => {
  it('give the reader’s language, then the Japanese', () => {
    const composition = composed('vi')
    const readOnWeb = wordIn(strings.readOnWeb, 'vi')
    const line = japaneseScript(readOnWeb.lang) ? readOnWeb.text : `${readOnWeb.text} / ウェブで読む`
    const email = renderEmail(composition)
    expect(email.text).toContain(`${line} ${links.messageUrl}`)
    const lineOut = renderLine(composition)
    expect(lineOut.ok && lineOut.value.map((m) => m.text).join('\n')).toContain(`${line} ${links.messageUrl}`)
  })

  it('name the town in the script of each half', () => {
    const heading = joined(composed('vi').entriesHeading)
    expect(heading).toBe(say(strings.localHeading(sakura.tenant.name), 'vi'))
    const own = wordIn(strings.localHeading(sakura.tenant.name), 'vi')
    if (!japaneseScript(own.lang))
      expect(heading).toBe(`${own.text.replace('{town}', sakura.tenant.name.en)} / さくら市からのお知らせ`)
    expect(composed('ja').entriesHeading).toEqual({ text: 'さくら市からのお知らせ', lang: 'ja' })
  })

  it('stay Japanese alone for a Japanese reader', () => {
    const email = renderEmail(composed('ja'))
    expect(email.text).toContain(`ウェブで読む ${links.messageUrl}`)
    expect(email.text).not.toContain('Read on the web')
  })
})

describe('an announcement SMS for a reader of another language', () => {
  it('marks it in the text’s language only', () => {
    const tenant = fixtureTenantParts[0]!.tenant
    const rendered = renderAnnouncement(
      tenant,
      {
        urgent: false,
        texts: [
          { language: 'ja', title: '健診の日', body: '本文' },
          { language: 'vi', title: 'Ngày khám', body: 'Nội dung' },
        ],
      },
      { nickname: 'ハナ', channel: 'sms', language: 'vi' },
      { page: 'https://yorisoi.example.jp/n/x', manage: 'https://yorisoi.example.jp/r/x' },
    )
    const mark = wordIn(wording('【{town}からのお知らせ】', '[Notice from {town}]'), 'vi')
    const town = japaneseScript(mark.lang) ? tenant.name.ja : tenant.name.en
    expect(rendered.text.startsWith(mark.text.replace('{town}', town))).toBe(true)
    if (!japaneseScript(mark.lang)) expect(rendered.text).not.toContain(tenant.name.ja)
    expect(rendered.text).toContain('Ngày khám')
    expect(rendered.text).not.toContain('健診の日')
  })
})

describe('the sample marking', () => {
  it('is written by the sample content as the catalogue words it, so no message is marked twice', () => {
    for (const content of languageContents) {
      const short = wordIn(strings.sampleShort, content.language).text
      expect(content.shortMarking, content.language).toBe(short)
      expect(content.sampleMarking.startsWith(short), content.language).toBe(true)
    }
  })
})
