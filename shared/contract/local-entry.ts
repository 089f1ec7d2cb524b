import { z } from 'zod'
import { portableBody } from './body'
import { bilingual } from './messages'
import { audience, civilDate, httpsUrl, language, nonEmpty, phone } from './primitives'
import { shortText } from './short-text'
import { programWindow } from './window'

export const localEntryKinds = [
  'service',
  'checkup',
  'interview',
  'benefit-application',
  'hotline',
  'event',
  'assigned-nurse',
] as const

/** Which entries a day's message shows first when the town's cap leaves no room for all. */
export const localEntryPriorities = ['high', 'normal', 'low'] as const
export type LocalEntryPriority = (typeof localEntryPriorities)[number]

/** A tenant's own published item, joined to the messages inside its window. */
export const localSupportEntry = z
  .object({
    id: nonEmpty(64),
    version: z.int().min(1),
    kind: z.enum(localEntryKinds, {
      error: bilingual(
        `種類は ${localEntryKinds.join(', ')} のいずれかです`,
        `Kind must be one of ${localEntryKinds.join(', ')}`,
      ),
    }),
    language,
    audiences: z.array(audience).min(1),
    window: programWindow,
    title: nonEmpty(80),
    body: portableBody,
    shortText: shortText.optional(),
    url: httpsUrl.optional(),
    phone: phone.optional(),
    validFrom: civilDate.optional(),
    validUntil: civilDate.optional(),
    // Added within contract version 1: an older snapshot's entries are all 'normal'.
    priority: z.enum(localEntryPriorities).default('normal'),
    /** The entry in other languages; a reader of none of them gets the original with a note. */
    translations: z
      .array(z.object({ language, title: nonEmpty(80), body: portableBody }))
      .max(20)
      .default([]),
  })
  .refine((entry) => !entry.validFrom || !entry.validUntil || entry.validFrom <= entry.validUntil, {
    path: ['validUntil'],
    error: bilingual('掲載終了日が開始日より前です', 'validUntil is before validFrom'),
  })
  .refine(
    (entry) => {
      const languages = entry.translations.map((t) => t.language)
      return !languages.includes(entry.language) && new Set(languages).size === languages.length
    },
    {
      path: ['translations'],
      error: bilingual(
        '翻訳の言語が重複しています（元の言語とも重ねられません）',
        'Each translation needs its own language, not the original’s',
      ),
    },
  )
export type LocalSupportEntry = z.infer<typeof localSupportEntry>
