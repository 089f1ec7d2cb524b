import { describe, expect, it } from 'vitest'
import {
  type AnnouncementReader,
  announcementTextFor,
  lineMessageLimit,
  lineTextLimit,
  renderAnnouncement,
} from '../../shared/compose'
import { type Announcement, announcement as announcementSchema } from '../../shared/contract'
import { fixtureTenantParts } from '../../shared/contract/fixture'
import { measureSms, smsCharacterCap } from '../../shared/sms'

const sakura = fixtureTenantParts[0]!.tenant
const links = {
  page: 'https://yorisoi.example.jp/n/1AbCdEfGhIjKlMnOpQrStUv',
  manage: 'https://yorisoi.example.jp/r/1ZyXwVuTsRqPoNmLkJiHgFe',
}
const ja = {
  language: 'ja',
  title: '4か月児健診の日程が変わります',
  body: '12月の健診は\n14日（月）に変わります。\n\n持ち物は母子健康手帳です。',
}
const en = {
  language: 'en',
  title: 'The 4-month checkup moves',
  body: 'The December checkup moves to Monday the 14th.',
}

function notice(over: Partial<Announcement> = {}): Announcement {
  return announcementSchema.parse({
    id: 'ann-1',
    version: 1,
    urgent: false,
    sendAt: '2026-12-10T00:00:00Z',
    texts: [ja, en],
    target: {},
    approval: { by: 'staff-2', at: '2026-12-06T00:00:00Z' },
    ...over,
  })
}
const reader = (channel: AnnouncementReader['channel'], language = 'ja'): AnnouncementReader => ({
  nickname: 'ハナ',
  language,
  channel,
})

describe('an announcement by email', () => {
  it("says it is the town's notice, in the subject and on top, and ends with how to stop the town's notices", () => {
    const mail = renderAnnouncement(sakura, notice(), reader('email'), links)
    expect(mail.subject).toBe('【さくら市からのお知らせ】4か月児健診の日程が変わります')
    expect(mail.text.startsWith('【さくら市からのお知らせ】\n4か月児健診の日程が変わります')).toBe(true)
    expect(mail.text).toContain(`ウェブで読む: ${links.page}`)
    expect(mail.text).toContain(`受け取らない設定はこちら: ${links.manage}`)
    expect(mail.text).toContain('〒100-0000 東京都さくら市本町1-1 さくら市役所')
    expect(mail.html).toContain(`href="${links.manage}"`)
    expect(mail.html).toContain('12月の健診は<br>14日（月）に変わります。')
    expect(mail.japaneseBeneath).toBe(false)
    expect(mail.text).not.toContain('The 4-month checkup moves')
  })

  it('keeps a title that would tell a pregnancy out of the subject', () => {
    const revealing = notice({ texts: [{ ...ja, title: '妊娠中の方へ 歯科健診のご案内' }] })
    const mail = renderAnnouncement(sakura, revealing, reader('email'), links)
    expect(mail.subject).toBe('【さくら市からのお知らせ】')
    expect(mail.text).toContain('妊娠中の方へ 歯科健診のご案内')
  })

  it('escapes a script in a body, a title and a link: it stays text', () => {
    const hostile = notice({
      texts: [{ ...ja, title: '<b>健診</b>', body: 'こんにちは<script>alert(1)</script>' }],
      url: 'https://sakura.example.jp/a?x="><script>',
    })
    const mail = renderAnnouncement(sakura, hostile, reader('email'), links)
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).not.toContain('<b>健診')
    expect(mail.html).toContain('こんにちは&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(mail.html).toContain('href="https://sakura.example.jp/a?x=&quot;&gt;&lt;script&gt;"')
  })

  it('shows the optional link as a link', () => {
    const mail = renderAnnouncement(
      sakura,
      notice({ url: 'https://sakura.example.jp/checkup' }),
      reader('email'),
      links,
    )
    expect(mail.text).toContain('詳しくはこちら: https://sakura.example.jp/checkup')
    expect(mail.html).toContain('<a href="https://sakura.example.jp/checkup"')
  })

  it('marks an urgent one 【緊急】 first and offers no way to stop it', () => {
    const mail = renderAnnouncement(sakura, notice({ urgent: true }), reader('email'), links)
    expect(mail.subject?.startsWith('【緊急】【さくら市からのお知らせ】')).toBe(true)
    expect(mail.text.startsWith('【緊急】')).toBe(true)
    expect(mail.text).not.toContain(links.manage)
    expect(mail.text).not.toContain('受け取らない')
    expect(mail.html).not.toContain(links.manage)
  })
})

describe("an announcement in the reader's language", () => {
  it('reads English to an English reader, with the Japanese beneath', () => {
    const mail = renderAnnouncement(sakura, notice(), reader('email', 'en'), links)
    expect(mail.language).toBe('en')
    expect(mail.japaneseBeneath).toBe(true)
    expect(mail.subject).toBe('[Notice from Sakura City] The 4-month checkup moves')
    const english = mail.text.indexOf('The 4-month checkup moves')
    const japanese = mail.text.indexOf('4か月児健診の日程が変わります')
    expect(english).toBeGreaterThanOrEqual(0)
    expect(japanese).toBeGreaterThan(english)
    expect(mail.text).toContain('To stop notices from Sakura City')
    expect(mail.html).toContain('<div lang="ja">')
  })

  it("falls back along the reader's language's own order, then the town's, then Japanese, when the reader's is not written", () => {
    expect(announcementTextFor(notice(), 'vi', ['en', 'ja']).language).toBe('en')
    // Vietnamese readers' own order (やさしい日本語, English) comes before the town's.
    expect(announcementTextFor(notice(), 'vi', ['ja']).language).toBe('en')
    expect(announcementTextFor(notice({ texts: [ja] }), 'vi', ['en']).language).toBe('ja')
    const onlyJapanese = notice({ texts: [ja] })
    const mail = renderAnnouncement(sakura, onlyJapanese, reader('email', 'vi'), links)
    expect(mail.language).toBe('ja')
    expect(mail.japaneseBeneath).toBe(false)
    expect(mail.text.match(/4か月児健診の日程が変わります/g)).toHaveLength(1)
  })

  it('gives an SMS in the reader’s language only', () => {
    const text = renderAnnouncement(sakura, notice(), reader('sms', 'en'), links)
    expect(text.language).toBe('en')
    expect(text.text).toBe(`[Notice from Sakura City] The 4-month checkup moves\n${links.page}`)
    expect(text.text).not.toContain('健診')
    expect(text.japaneseBeneath).toBe(false)
  })
})

describe('an announcement by SMS', () => {
  it('is 【town】title, the short text, the page link — measured as the carrier counts', () => {
    const withShort = notice({ texts: [{ ...ja, shortText: '12月の4か月児健診は14日です。' }] })
    const text = renderAnnouncement(sakura, withShort, reader('sms'), links)
    expect(text.text).toBe(
      `【さくら市からのお知らせ】4か月児健診の日程が変わります\n12月の4か月児健診は14日です。\n${links.page}`,
    )
    expect(text.smsSegments).toBe(measureSms(text.text).segments)
    expect(text.smsSegments).toBe(2)
    expect(text.smsCharacters).toBe(text.text.length)
  })

  it('carries the title and the link only when there is no short text, and urgent is 【緊急】 first', () => {
    const text = renderAnnouncement(sakura, notice({ urgent: true }), reader('sms'), links)
    expect(text.text).toBe(`【緊急】【さくら市からのお知らせ】4か月児健診の日程が変わります\n${links.page}`)
  })

  it('never passes the cap, however long the short text, and keeps the page link', () => {
    const long = notice({ texts: [{ ...ja, body: 'あ'.repeat(2000), shortText: 'い'.repeat(660) }] })
    const text = renderAnnouncement(sakura, long, reader('sms'), links)
    const measure = measureSms(text.text)
    expect(measure.characters).toBeLessThanOrEqual(smsCharacterCap)
    expect(measure.segments).toBeLessThanOrEqual(10)
    expect(text.text.endsWith(`…\n${links.page}`)).toBe(true)
    expect(text.text).not.toContain('あ')
  })
})

describe('an announcement on LINE', () => {
  it('is one bubble for a Japanese reader, ending with how to stop the notices', () => {
    const line = renderAnnouncement(sakura, notice(), reader('line'), links)
    expect(line.bubbles).toHaveLength(1)
    expect(line.bubbles![0]!.startsWith('【さくら市からのお知らせ】\n4か月児健診の日程が変わります')).toBe(
      true,
    )
    expect(line.bubbles![0]!.endsWith(links.manage)).toBe(true)
  })

  it("is the reader's text, then the Japanese, within LINE's limits; urgent offers no stop", () => {
    const long = notice({
      urgent: true,
      texts: [
        { ...ja, body: 'あ'.repeat(2000) },
        { ...en, body: 'a'.repeat(2000) },
      ],
    })
    const line = renderAnnouncement(sakura, long, reader('line', 'en'), links)
    expect(line.bubbles).toHaveLength(2)
    expect(line.bubbles![0]!.startsWith('[URGENT] [Notice from Sakura City]')).toBe(true)
    expect(line.bubbles![1]!.startsWith('【緊急】【さくら市からのお知らせ】')).toBe(true)
    expect(line.bubbles!.length).toBeLessThanOrEqual(lineMessageLimit)
    for (const bubble of line.bubbles!) expect(bubble.length).toBeLessThanOrEqual(lineTextLimit)
    expect(line.text).not.toContain(links.manage)
  })
})
