import type { RichTextField, Validate } from 'payload'
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

export const bodyField = (): RichTextField => ({
  name: 'body',
  type: 'richText',
  required: true,
  label: label('本文', 'Body'),
  validate: nonEmptyBody,
})
