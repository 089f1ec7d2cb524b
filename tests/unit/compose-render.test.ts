import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/calendar'
import {
  blocksToHtml,
  blocksToText,
  type Composition,
  composeDay,
  indexMessages,
  programOf,
  renderEmail,
  renderLine,
  renderPage,
  renderSms,
} from '../../shared/compose'
import { fixtureNationalPart } from '../../shared/contract/fixture'
import { planDay } from '../../shared/program'
import { measureSms } from '../../shared/sms'
import { fixtureIndex, links, sakura } from './compose-support'

const date = '2026-11-23'
const timelines = [{ from: '2026-06-01', due: addDays(date, 84) }]

function composed(nickname = 'ハナ', index = fixtureIndex, surveyUrl?: string): Composition {
  const plan = planDay(timelines, date, programOf(sakura.tenant))!
  const outcome = composeDay({
    tenant: sakura,
    index,
    subscriber: { nickname, audience: 'primary', language: 'ja' },
    timelines,
    plan,
    date,
    links: surveyUrl ? { ...links, surveyUrl } : links,
  })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
  return outcome.value
}

function withShortText(shortText: string) {
  const base = fixtureNationalPart.messages[0]!
  return indexMessages({ ...fixtureNationalPart, messages: [{ ...base, shortText }] })
}

// A body with readings, as やさしい日本語 writes it: 妊娠 read にんしん.
function withReadings() {
  const base = fixtureNationalPart.messages[0]!
  const body = {
    v: 1 as const,
    blocks: [
      {
        t: 'p' as const,
        c: [
          { t: 'ph' as const, name: 'nickname' as const },
          { t: 'text' as const, v: 'さん、' },
          { t: 'ruby' as const, base: '妊娠', reading: 'にんしん' },
          { t: 'text' as const, v: 'おめでとう。' },
        ],
      },
    ],
  }
  return indexMessages({ ...fixtureNationalPart, messages: [{ ...base, body }] })
}
const ruby = '<ruby>妊娠<rp>（</rp><rt>にんしん</rt><rp>）</rp></ruby>'

describe('readings (ruby)', () => {
  const composition = composed('ハナ', withReadings())

  it('show above the word on the page and in email HTML, in brackets where ruby is not supported', () => {
    expect(renderPage(composition).messages[0]!.html).toContain(`<bdi>ハナ</bdi>さん、${ruby}おめでとう。`)
    expect(renderEmail(composition).html).toContain(`<bdi>ハナ</bdi>さん、${ruby}おめでとう。`)
  })

  it('read 漢字（かんじ） in email text and LINE', () => {
    expect(renderEmail(composition).text).toContain('ハナさん、妊娠（にんしん）おめでとう。')
    const line = renderLine(composition)
    expect(line.ok && line.value.map((m) => m.text).join('\n')).toContain(
      'ハナさん、妊娠（にんしん）おめでとう。',
    )
  })

  it('are escaped like any text', () => {
    const html = blocksToHtml([{ t: 'p', c: [{ t: 'ruby', base: '<b>&', reading: '"x"' }] }], 'ja')
    expect(html).toBe('<p><ruby>&lt;b&gt;&amp;<rp>（</rp><rt>&quot;x&quot;</rt><rp>）</rp></ruby></p>')
    expect(blocksToText([{ t: 'ul', items: [[{ t: 'ruby', base: '<b>', reading: 'び' }]] }])).toBe(
      '・<b>（び）',
    )
  })
})

describe('a nickname in the body', () => {
  const body = (v: string) => [
    {
      t: 'p' as const,
      c: [
        { t: 'own' as const, v },
        { t: 'text' as const, v: ', xin chào.' },
      ],
    },
  ]

  it('is isolated in HTML, marked Japanese only when it holds kana amid a language not written in Japanese', () => {
    expect(blocksToHtml(body('はな'), 'vi')).toBe('<p><bdi lang="ja">はな</bdi>, xin chào.</p>')
    expect(blocksToHtml(body('ハナ'), 'en')).toBe('<p><bdi lang="ja">ハナ</bdi>, xin chào.</p>')
    // Kanji alone could be Chinese, Latin letters many languages: left to the language around them.
    expect(blocksToHtml(body('花'), 'vi')).toBe('<p><bdi>花</bdi>, xin chào.</p>')
    expect(blocksToHtml(body('Lan'), 'vi')).toBe('<p><bdi>Lan</bdi>, xin chào.</p>')
    expect(blocksToHtml(body('はな'), 'ja')).toBe('<p><bdi>はな</bdi>, xin chào.</p>')
    expect(blocksToHtml(body('はな'), 'ja-x-easy')).toBe('<p><bdi>はな</bdi>, xin chào.</p>')
  })

  it('is the bare nickname in plain text', () => {
    expect(blocksToText(body('はな'))).toBe('はな, xin chào.')
  })
})

describe('renderEmail', () => {
  const email = renderEmail(composed())

  it('keeps the subject neutral', () => {
    expect(email.subject).toBe('今日のお便り')
  })

  it('offers one-click unsubscribe in the headers', () => {
    expect(email.headers).toEqual({
      'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
  })

  it('names the sender, postal address, a contact and the unsubscribe link in both parts', () => {
    for (const part of [email.html, email.text]) {
      expect(part).toContain('さくら市 子育て応援便')
      expect(part).toContain('〒100-0000 東京都さくら市本町1-1 さくら市役所')
      expect(part).toContain('kosodate@sakura.example.jp')
      expect(part).toContain(links.unsubscribeUrl)
    }
  })

  it('carries the message, the local entry, the desk and the message page link in both parts', () => {
    expect(email.text).toContain('ハナさん、今日で妊娠28週0日です。')
    expect(email.html).toContain('<bdi>ハナ</bdi>さん、今日で妊娠28週0日です。')
    for (const part of [email.html, email.text]) {
      expect(part).toContain('妊娠8か月面談のご案内')
      expect(part).toContain('03-1234-5678')
      expect(part).toContain(links.messageUrl)
    }
  })

  it('is laid out for a phone', () => {
    expect(email.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(email.html).toContain('max-width:600px')
  })

  it('renders HTML in a nickname as text', () => {
    const html = renderEmail(composed('<img src=x onerror=alert(1)>"&')).html
    expect(html).not.toContain('<img')
    expect(html).toContain('<bdi>&lt;img src=x onerror=alert(1)&gt;&quot;&amp;</bdi>さん')
  })

  it('adds the survey link when the edge gives one', () => {
    expect(renderEmail(composed('ハナ', fixtureIndex, 'https://yorisoi.example.jp/q/Zz9')).text).toContain(
      'アンケートに答える https://yorisoi.example.jp/q/Zz9',
    )
    expect(email.text).not.toContain('アンケート')
  })
})

describe('renderSms', () => {
  it('sends the short text with the message page link, counted in UCS-2 segments', () => {
    const sms = renderSms(composed())
    expect(sms.ok).toBe(true)
    if (!sms.ok) return
    expect(sms.value.text).toBe(
      `【サンプル】ハナさん、妊娠28週0日です。8か月面談の予約を。${links.messageUrl}`,
    )
    expect(sms.value.text.split(links.messageUrl)).toHaveLength(2)
    expect(sms.value.characters).toBe(sms.value.text.length)
    expect(sms.value.segments).toBe(Math.ceil(sms.value.characters / 67))
  })

  it('fits one SMS up to 70 characters and takes a second past it', () => {
    const room = 70 - `【サンプル】\n${links.messageUrl}`.length
    const one = renderSms(composed('ハナ', withShortText('あ'.repeat(room))))
    const two = renderSms(composed('ハナ', withShortText('あ'.repeat(room + 1))))
    expect(one.ok && one.value).toMatchObject({ characters: 70, segments: 1 })
    expect(two.ok && two.value).toMatchObject({ characters: 71, segments: 2 })
  })

  it('refuses a text over the tenant’s limit or the 660 cap', () => {
    const long = composed('ハ'.repeat(700))
    const tooLong = renderSms(long)
    expect(tooLong.ok).toBe(false)
    expect(!tooLong.ok && tooLong.problems[0]!.reason).toBe('too-long')
    const tenantLimit = renderSms(composed(), { maxCharacters: 40 })
    expect(tenantLimit.ok).toBe(false)
    expect(renderSms(composed(), { maxCharacters: 1000 }).ok).toBe(true)
    expect(measureSms('あ'.repeat(660)).fits).toBe(true)
  })
})

describe('renderLine', () => {
  it('sends the full message as LINE text messages with the message page link', () => {
    const line = renderLine(composed())
    expect(line.ok).toBe(true)
    if (!line.ok) return
    expect(line.value.length).toBeGreaterThanOrEqual(1)
    expect(line.value.length).toBeLessThanOrEqual(5)
    for (const message of line.value) {
      expect(message.type).toBe('text')
      expect(message.text.length).toBeLessThanOrEqual(5000)
    }
    const all = line.value.map((m) => m.text).join('\n')
    expect(all).toContain('ハナさん、今日で妊娠28週0日です。')
    expect(all).toContain(links.messageUrl)
  })

  it('splits a long delivery into several messages of at most 5,000 characters', () => {
    const long = composed('ハ'.repeat(4900))
    const line = renderLine(long)
    expect(line.ok && line.value.length).toBeGreaterThan(1)
    expect(line.ok && line.value.every((m) => m.text.length <= 5000)).toBe(true)
  })

  it('refuses a delivery that would need more than five messages', () => {
    expect(renderLine(composed('ハ'.repeat(30_000))).ok).toBe(false)
  })
})

describe('renderPage', () => {
  it('gives the message page the full message, entries and links, escaped', () => {
    const page = renderPage(composed('<b>ハナ</b>'))
    expect(page.title).toBe('今日のお便り')
    expect(page.messages[0]!.html).toContain('<bdi>&lt;b&gt;ハナ&lt;/b&gt;</bdi>さん')
    expect(page.entries.map((e) => [e.title, e.url])).toEqual([
      ['妊娠8か月面談のご案内', 'https://sakura.example.jp/kosodate/mensetsu'],
    ])
    expect(page.consultation.url).toBe(links.consultUrl)
    expect(page.links.unsubscribeUrl).toBe(links.unsubscribeUrl)
    expect(page.sample).toBe(true)
  })
})
