import { Hono } from 'hono'
import { contextStorage } from 'hono/context-storage'
import { html } from 'hono/html'
import { describe, expect, it } from 'vitest'
import { bi, biInline, biText, errorLine } from '../../edge/web/bilingual'
import { readerLanguage } from '../../edge/web/reader'
import { named, said, sayShort, strings } from '../../shared/compose/strings'
import { wordIn, wording } from '../../shared/languages/wording'

// The やさしい日本語 catalogue's readings ({漢字|かんじ}): ruby on a page, 漢字（かんじ） in any text
// that leaves as plain text (SMS, email, LINE, a title), and nothing of either in other languages.

const sent = wording('確認のメールを送りました', 'We sent you an email to confirm')
const remove = (nickname: string) => wording('{nickname}さんを外す', 'Remove {nickname}', { nickname })

/** The markup a page holds for these texts, read as a reader of `tag` would get it. */
async function page(tag: string, nickname = 'はな'): Promise<string> {
  const app = new Hono()
    .use(contextStorage())
    .use(readerLanguage)
    .get('/', (c) =>
      c.html(
        html`<h1>${bi(sent.ja, sent.en)}</h1><p>${biInline(remove(nickname).ja, remove(nickname).en, { nickname })}</p><p>${errorLine(sent)}</p><title>${biText(sent.ja, sent.en)}</title>`,
      ),
    )
  return (await app.request(`/?lang=${encodeURIComponent(tag)}`)).text()
}

describe('readings in the やさしい日本語 catalogue', () => {
  it('are ruby on a page, in headings, lines and errors alike', async () => {
    const shown = await page('ja-x-easy')
    expect(shown).toContain(
      '<h1><span lang="ja-x-easy">かくにんのメールを<ruby>送<rt>おく</rt></ruby>りました</span></h1>',
    )
    expect(shown).toContain('<p>かくにんのメールを<ruby>送<rt>おく</rt></ruby>りました</p>')
    expect(shown).not.toMatch(/\{[^{}]*\|/)
  })

  it('are 漢字（かんじ） where markup cannot go: a title, an SMS, an email, a LINE reply', async () => {
    expect(await page('ja-x-easy')).toContain('<title>かくにんのメールを送（おく）りました</title>')
    expect(wordIn(sent, 'ja-x-easy')).toEqual({
      text: 'かくにんのメールを送（おく）りました',
      lang: 'ja-x-easy',
    })
  })

  it('never read a resident’s own text as one: a nickname that looks like a reading stays as typed', async () => {
    const shown = await page('ja-x-easy', '{花|はな}<b>')
    expect(shown).toContain('{花|はな}&lt;b&gt;さんをはずす')
    expect(shown).not.toContain('<ruby>花')
    expect(wordIn(remove('{花|はな}'), 'ja-x-easy').text).toBe('{花|はな}さんをはずす')
  })

  it('leave every other language as it was', async () => {
    const vi = await page('vi')
    expect(vi).not.toContain('<ruby>')
    expect(vi).toContain(
      `<h1><span lang="vi">${wordIn(sent, 'vi').text}</span><br /><span class="ja" lang="ja">確認のメールを送りました</span></h1>`,
    )
    const ja = await page('ja')
    expect(ja).not.toContain('<ruby>')
    expect(ja).toContain('<title>確認のメールを送りました / We sent you an email to confirm</title>')
  })
})

describe('readings in the message’s frame lines (やさしい日本語)', () => {
  it('come with the plain line for a page to show as ruby; SMS, email and LINE keep 漢字（かんじ）', () => {
    const note = said(strings.birthdayNote, 'ja-x-easy')
    expect(note.text).toContain('予定（よてい）')
    expect(note.readings).toContainEqual({ t: 'ruby', base: '予定', reading: 'よてい' })
    const shown = (note.readings ?? [])
      .map((p) => (p.t === 'ruby' ? `${p.base}（${p.reading}）` : p.v))
      .join('')
    expect(shown).toBe(note.text)
    expect(sayShort(strings.birthdayNote, 'ja-x-easy')).toBe(note.text)
  })

  it('fill a town’s name in its place and never read it as a reading', () => {
    const line = named(
      wording(
        '{town}の「寄り添い」に、このメールアドレスで登録のお申し込みがありました。',
        'A registration for {town}’s Yorisoi was made with this address.',
      ),
      { town: { ja: '{花|はな}町', en: 'Hana' } },
    )
    const parts = said(line, 'ja-x-easy').readings ?? []
    expect(parts[0]).toEqual({ t: 'text', v: '{花|はな}町の「' })
    expect(parts).toContainEqual({ t: 'ruby', base: '寄', reading: 'よ' })
    expect(parts.filter((p) => p.t === 'ruby').map((p) => (p.t === 'ruby' ? p.base : ''))).toEqual([
      '寄',
      '添',
    ])
  })

  it('are absent in every other language', () => {
    for (const tag of ['ja', 'vi', 'en']) expect(said(strings.birthdayNote, tag).readings).toBeUndefined()
  })
})
