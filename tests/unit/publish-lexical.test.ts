import { describe, expect, it } from 'vitest'
import { lexicalToPortable } from '../../cms/publish/lexical-to-portable'

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const doc = (...children: unknown[]) => ({ root: { type: 'root', version: 1, children } })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children })

describe('Lexical to the portable body', () => {
  it('turns paragraphs, bold text and placeholders into the portable form', () => {
    const result = lexicalToPortable(
      doc(paragraph(text('{{nickname}}さん、今日で'), text('{{pregnancyWeekLabel}}', 1), text('です。'))),
    )
    expect(result).toEqual({
      ok: true,
      body: {
        v: 1,
        blocks: [
          {
            t: 'p',
            c: [
              { t: 'ph', name: 'nickname' },
              { t: 'text', v: 'さん、今日で' },
              { t: 'strong', c: [{ t: 'ph', name: 'pregnancyWeekLabel' }] },
              { t: 'text', v: 'です。' },
            ],
          },
        ],
      },
    })
  })

  it('keeps headings, bullet lists and links; a line break starts a new paragraph', () => {
    const result = lexicalToPortable(
      doc(
        { type: 'heading', tag: 'h2', children: [text('相談窓口')] },
        paragraph(text('一行目'), { type: 'linebreak' }, text('二行目')),
        {
          type: 'list',
          listType: 'bullet',
          children: [
            { type: 'listitem', children: [text('母子手帳')] },
            {
              type: 'listitem',
              children: [
                {
                  type: 'link',
                  fields: { url: 'tel:0312345678', linkType: 'custom' },
                  children: [text('電話')],
                },
              ],
            },
          ],
        },
        paragraph(),
      ),
    )
    expect(result.ok && result.body.blocks).toEqual([
      { t: 'h', c: [{ t: 'text', v: '相談窓口' }] },
      { t: 'p', c: [{ t: 'text', v: '一行目' }] },
      { t: 'p', c: [{ t: 'text', v: '二行目' }] },
      {
        t: 'ul',
        items: [
          [{ t: 'text', v: '母子手帳' }],
          [{ t: 'link', href: 'tel:0312345678', c: [{ t: 'text', v: '電話' }] }],
        ],
      },
    ])
  })

  it('reports an unknown placeholder, an image and an http link instead of dropping them', () => {
    const result = lexicalToPortable(
      doc(
        paragraph(text('{{nickName}}さん')),
        { type: 'upload', value: 1 },
        paragraph({ type: 'link', fields: { url: 'http://example.jp' }, children: [text('案内')] }),
      ),
    )
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.problems
    expect(problems[0]).toBe('不明な差し込み項目 {{nickName}} があります / Unknown placeholder {{nickName}}')
    expect(problems[1]).toMatch(/^本文の「upload」要素は.+ \/ The body's "upload" element cannot be sent/)
  })

  it('reports an http link once the known problems are fixed', () => {
    const result = lexicalToPortable(
      doc(paragraph({ type: 'link', fields: { url: 'http://example.jp' }, children: [text('案内')] })),
    )
    expect(result).toMatchObject({ ok: false, problems: [expect.stringContaining('https:')] })
  })

  it('refuses an empty document and something that is not Lexical', () => {
    expect(lexicalToPortable(doc(paragraph())).ok).toBe(false)
    expect(lexicalToPortable('本文').ok).toBe(false)
  })
})
