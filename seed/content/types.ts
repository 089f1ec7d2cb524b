import type { PortableBody } from '../../shared/contract/body'

// The shape of one sample message as the seed produces it. The CMS turns these into message
// documents; until shared/contract has a message schema, this is the seed's own.

export type Audience = 'primary' | 'partner'
export type Language = 'ja' | 'en'

/** The (audience, language) pairs the sample content covers. */
export const sampleEditions: ReadonlyArray<{ audience: Audience; language: Language }> = [
  { audience: 'primary', language: 'ja' },
  { audience: 'partner', language: 'ja' },
  { audience: 'primary', language: 'en' },
]

export interface SampleMessage {
  slot: string
  audience: Audience
  language: Language
  /** Neutral: must not reveal a pregnancy, a child or a loss in an inbox list. */
  subject: string
  body: PortableBody
  /** One SMS; `{{name}}` placeholders, see README for the expansion budget. */
  shortText: string
  topicTags: string[]
  sample: true
}
