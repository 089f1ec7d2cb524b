import { lexicalFromParagraphs } from '../../../cms/plugin/csv/lexical'

/** A Lexical document of plain paragraphs ('' makes an empty one), as the admin editor saves it. */
export const lexical = (...paragraphs: string[]) => lexicalFromParagraphs(paragraphs)

/** A valid message for `slot`, ready to create. */
export function messageData(slot = 'pregnancy/196', overrides: Record<string, unknown> = {}) {
  return {
    slot,
    audience: 'primary',
    language: 'ja',
    subject: '今日のお便り',
    body: lexical('妊娠28週になりました。体調はいかがですか。'),
    shortText: '{{nickname}}さん、今日のお便りです。{{messageUrl}}',
    supervisingExperts: ['助産師 山田花子'],
    ...overrides,
  }
}
