import { z } from 'zod'
import { bilingual } from './messages'
import { audience, audiences, channel, channels, httpsUrl, instant, language, nonEmpty } from './primitives'
import { shortText } from './short-text'
import { programWindow } from './window'

/** The longest body an announcement may have (its page shows it whole; SMS carries the short text). */
export const announcementBodyMaxLength = 2000

/** One language's wording of an announcement. */
export const announcementText = z.object({
  language,
  title: nonEmpty(60),
  /** Plain text; blank lines separate paragraphs. */
  body: nonEmpty(announcementBodyMaxLength),
  /** The SMS form (LINE and email carry the whole body); without it an SMS carries the title and the page link. */
  shortText: shortText.optional(),
})
export type AnnouncementText = z.infer<typeof announcementText>

/**
 * Who receives it. No window: every pregnancy and child day (never a loss, as the window 'every');
 * empty languages or channels: all of them.
 */
export const announcementTarget = z.object({
  window: programWindow.optional(),
  audiences: z
    .array(audience)
    .min(1)
    .default([...audiences]),
  languages: z.array(language).default([]),
  channels: z.array(channel).default([...channels]),
})
export type AnnouncementTarget = z.infer<typeof announcementTarget>

/**
 * A town's one-off message (checkup day, campaign, disaster notice), approved by a second person
 * (a medical supervisor for health content) before it may be published. The edge sends it at
 * `sendAt` (at once when urgent) as `announcement` deliveries, exactly once per resident; whether it
 * was sent or cancelled lives at the edge, so a rollback never resends or revives it.
 */
export const announcement = z
  .object({
    id: nonEmpty(64),
    version: z.int().min(1),
    /** A disaster or other urgent notice: sent at once, also to bereaved residents and to those who opted out. */
    urgent: z.boolean(),
    /** Health content is approved by a medical supervisor; everything else by a colleague of the town. */
    health: z.boolean().default(false),
    sendAt: instant,
    texts: z.array(announcementText).min(1),
    target: announcementTarget,
    url: httpsUrl.optional(),
    approval: z.object({ by: nonEmpty(120), at: instant }),
  })
  .refine((a) => a.texts.some((t) => t.language === 'ja'), {
    path: ['texts'],
    error: bilingual('日本語の文面が必要です', 'A Japanese text is required'),
  })
  .refine((a) => new Set(a.texts.map((t) => t.language)).size === a.texts.length, {
    path: ['texts'],
    error: bilingual('同じ言語の文面が二つあります', 'Two texts share a language'),
  })
export type Announcement = z.infer<typeof announcement>
