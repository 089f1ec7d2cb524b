import type { SampleMessage } from '../content/types'
import { portableToLexical } from './lexical'

export type Person = Record<string, unknown> & { id: number | string }

/** The fields of a message document the seed writes for one sample message. */
export const messageDataOf = (message: SampleMessage) => ({
  slot: message.slot,
  audience: message.audience,
  language: message.language,
  subject: message.subject,
  body: portableToLexical(message.body),
  shortText: message.shortText,
  topics: message.topicTags,
  sample: message.sample,
})
