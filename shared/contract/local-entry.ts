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
  })
  .refine((entry) => !entry.validFrom || !entry.validUntil || entry.validFrom <= entry.validUntil, {
    path: ['validUntil'],
    error: bilingual('掲載終了日が開始日より前です', 'validUntil is before validFrom'),
  })
export type LocalSupportEntry = z.infer<typeof localSupportEntry>
