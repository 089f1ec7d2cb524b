import type { RichTextField, Validate } from 'payload'
import { rubyMarkupProblem } from '../../../shared/contract'
import { bilingual, label } from '../i18n'

/** All the text in a Lexical document, to tell an empty editor from a written one. */
export function lexicalText(value: unknown): string {
  if (!value || typeof value !== 'object') return ''
  const node = value as { text?: unknown; children?: unknown[]; root?: unknown }
  if (node.root) return lexicalText(node.root)
  const own = typeof node.text === 'string' ? node.text : ''
  return own + (Array.isArray(node.children) ? node.children.map(lexicalText).join('') : '')
}

export const nonEmptyBody: Validate = (value) =>
  lexicalText(value).trim()
    ? true
    : bilingual('本文が空です。本文を書いてください', 'The body is empty: write the message')

/** Each text node of a Lexical document: a reading is written within one. */
function textNodes(value: unknown): string[] {
  if (!value || typeof value !== 'object') return []
  const node = value as { text?: unknown; children?: unknown[]; root?: unknown }
  if (node.root) return textNodes(node.root)
  const own = typeof node.text === 'string' ? [node.text] : []
  return [...own, ...(Array.isArray(node.children) ? node.children.flatMap(textNodes) : [])]
}

/** Not empty, and every reading written whole, so the editor hears about it on save, not at publish. */
export const validBody: Validate = (value, options) => {
  const empty = nonEmptyBody(value, options)
  if (empty !== true) return empty
  for (const text of textNodes(value)) {
    const problem = rubyMarkupProblem(text)
    if (problem) return problem
  }
  return true
}

export const bodyField = (): RichTextField => ({
  name: 'body',
  type: 'richText',
  required: true,
  label: label('本文', 'Body'),
  validate: validBody,
  admin: {
    description: label(
      '差し込みは {{nickname}} のように、漢字の読み（ルビ）は {漢字|かんじ} のように書きます。ルビはページとメールでは漢字の上に、SMS と LINE では 漢字（かんじ） と表示されます',
      'Write a placeholder as {{nickname}} and a reading (ruby) as {漢字|かんじ}: pages and email show the reading above the word, SMS and LINE as 漢字（かんじ）',
    ),
  },
})
