import type { PortableBody } from '../../shared/contract/body'
import type { Audience } from '../../shared/program'

// The shape of one sample message as the seed produces it. The CMS turns these into message
// documents; until shared/contract has a message schema, this is the seed's own.

export type { Audience }
/** A BCP 47 tag from shared/languages (ja, ja-x-easy, en, …). */
export type Language = string

export interface Edition {
  audience: Audience
  language: Language
}

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
