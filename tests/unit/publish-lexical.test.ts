import { describe, expect, it } from 'vitest'
import { validBody } from '../../cms/plugin/fields/body'
import { lexicalToPortable } from '../../cms/publish/lexical-to-portable'
import { portableToLexical } from '../../seed/cms/lexical'
import { generateSampleMessages } from '../../seed/content/generate'
import type { PortableBody } from '../../shared/contract'
import { allSendSlots, standardProgram } from '../../shared/program'

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

describe('readings (ruby) through the CMS', () => {
  const body: PortableBody = {
    v: 1,
    blocks: [
      { t: 'h', c: [{ t: 'ruby', base: '相談', reading: 'そうだん' }] },
      {
        t: 'p',
        c: [
          { t: 'ph', name: 'nickname' },
          { t: 'text', v: 'さん、' },
          { t: 'strong', c: [{ t: 'ruby', base: '健診', reading: 'けんしん' }] },
          { t: 'text', v: 'に' },
          { t: 'ruby', base: '行', reading: 'い' },
          { t: 'text', v: 'きましょう。' },
        ],
      },
      {
        t: 'ul',
        items: [[{ t: 'link', href: 'tel:0312345678', c: [{ t: 'ruby', base: '電話', reading: 'でんわ' }] }]],
      },
    ],
  }

  it('are written {漢字|かんじ} in the editor and come back as the same ruby nodes', () => {
    const lexical = portableToLexical(body)
    expect(JSON.stringify(lexical)).toContain('"text":"{健診|けんしん}","format":1')
    expect(lexicalToPortable(lexical)).toEqual({ ok: true, body })
  })

  it('survive the round trip for every やさしい日本語 sample body', () => {
    const messages = generateSampleMessages(allSendSlots(standardProgram), [
      { audience: 'primary', language: 'ja-x-easy' },
      { audience: 'partner', language: 'ja-x-easy' },
      { audience: 'family', language: 'ja-x-easy' },
    ])
    expect(messages.filter((m) => JSON.stringify(m.body).includes('"t":"ruby"'))).toHaveLength(
      messages.length,
    )
    for (const m of messages) {
      expect(lexicalToPortable(portableToLexical(m.body)), m.slot).toEqual({ ok: true, body: m.body })
    }
  })

  it('trim spaces an editor typed around the word or the reading', () => {
    expect(lexicalToPortable(doc(paragraph(text('{ 妊娠 | にんしん }'))))).toEqual({
      ok: true,
      body: { v: 1, blocks: [{ t: 'p', c: [{ t: 'ruby', base: '妊娠', reading: 'にんしん' }] }] },
    })
  })

  it('refuse an unfinished reading with a clear message, in both languages, on save and at publish', () => {
    for (const written of [
      '{妊娠|にんしん',
      '妊娠|にんしん}',
      '{妊娠|}',
      '{|にんしん}',
      '{妊娠|にん|しん}',
    ]) {
      const result = lexicalToPortable(doc(paragraph(text(`${written}です。`))))
      expect(result, written).toEqual({
        ok: false,
        problems: [
          expect.stringMatching(
            /^ルビは \{漢字\|かんじ\} の形で書いてください.+ \/ Write a reading as \{漢字\|かんじ\}: a brace is not closed/,
          ),
        ],
      })
      const saved = validBody(doc(paragraph(text(`${written}です。`))), {} as never)
      expect(saved, written).toMatch(/^ルビは \{漢字\|かんじ\} の形で書いてください/)
    }
    expect(
      validBody(
        doc(paragraph(text('{妊娠|にんしん}と{{nickname}}さん、{括弧}も a|b も文字です'))),
        {} as never,
      ),
    ).toBe(true)
  })

  it('refuse a reading too long to sit above a word', () => {
    const result = lexicalToPortable(doc(paragraph(text(`{${'妊'.repeat(21)}|にん}`))))
    expect(result).toEqual({
      ok: false,
      problems: ['ルビの漢字は20文字までです / A ruby base can be at most 20 characters'],
    })
  })
})
