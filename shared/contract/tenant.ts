import { z } from 'zod'
import { bilingual } from './messages'
import { prefecture } from './prefecture'
import { email, httpsUrl, language, localTime, nonEmpty, phone, tenantSlug, timeZone } from './primitives'
import { tenantProgram } from './tenant-program'

/** What a town's SMS cap is when its settings say nothing (the edge's `smsCap`, the CMS's fields). */
export const smsCapDefaults = { perHour: 100, perDay: 500 } as const

// Sender identities only: API keys and channel secrets are stored at the edge, never here.
export const tenantChannels = z
  .object({
    email: z.object({ senderName: nonEmpty(60), fromAddress: email, replyTo: email.optional() }).optional(),
    sms: z
      .object({
        senderName: nonEmpty(11),
        /**
         * Countries (ISO 3166 codes) whose mobile numbers may register by SMS; absent: Japan only.
         * Texts abroad cost more and are what SMS pumping buys.
         */
        countries: z
          .array(z.string().regex(/^[A-Z]{2}$/))
          .min(1)
          .max(20)
          .optional(),
        /**
         * Texts (codes, notices) the town pays for in a clock hour and in its day, then SMS sign-up
         * pauses (email and LINE go on) and the town is told. Absent: 100 an hour, 500 a day.
         */
        capPerHour: z.int().min(1).max(100_000).optional(),
        capPerDay: z.int().min(1).max(1_000_000).optional(),
      })
      .optional(),
    line: z
      .object({ accountName: nonEmpty(60), basicId: z.string().regex(/^@[a-z0-9._-]{1,20}$/) })
      .optional(),
  })
  .refine((c) => c.email || c.sms || c.line, {
    error: bilingual('少なくとも1つのチャネルを有効にしてください', 'Enable at least one channel'),
  })
export type TenantChannels = z.infer<typeof tenantChannels>

export const consultationDesk = z.object({
  name: nonEmpty(80),
  email,
  phone,
  /** As residents should read it, e.g. 平日 8:30〜17:15. */
  hours: nonEmpty(120),
})

/**
 * How long the staff workspace keeps what it adds, in days (documented in the README): the access
 * log 5 years (a privacy officer answers for the past), a closed consultation 3 years, a staff
 * message 1 year. A resident's erasure removes their consultations and messages sooner.
 */
export const workspaceRetentionDefaults = {
  accessLogDays: 1825,
  consultationDays: 1095,
  staffMessageDays: 365,
} as const

export const workspaceSettings = z.object({
  /** The town's interpreter line, shown beside a consultation in another language, e.g. 通訳 0120-000-000（平日）. */
  interpreterLine: z.string().trim().min(1).max(200).optional(),
  retention: z
    .object({
      accessLogDays: z.int().min(365).max(3650).default(workspaceRetentionDefaults.accessLogDays),
      consultationDays: z.int().min(30).max(3650).default(workspaceRetentionDefaults.consultationDays),
      staffMessageDays: z.int().min(30).max(3650).default(workspaceRetentionDefaults.staffMessageDays),
    })
    .default(workspaceRetentionDefaults),
})
export type WorkspaceSettings = z.infer<typeof workspaceSettings>

export const tenantSettings = z
  .object({
    slug: tenantSlug,
    name: z.object({ ja: nonEmpty(60), en: nonEmpty(80) }),
    prefecture,
    timeZone: timeZone.default('Asia/Tokyo'),
    /** Local time of the daily send. */
    sendTime: localTime,
    channels: tenantChannels,
    desk: consultationDesk,
    /** The sender's postal address, shown in every email (特定電子メール法), e.g. 〒000-0000 さくら市本町1-1. */
    postalAddress: nonEmpty(200),
    privacyNotice: z.object({ url: httpsUrl, version: nonEmpty(32) }),
    /** Languages offered at registration; content falls back along `fallback` when missing. */
    languages: z.object({
      offered: z.array(language).min(1),
      fallback: z
        .array(language)
        .min(1, bilingual('代替言語を1つ以上指定してください', 'Give at least one fallback language')),
    }),
    program: tenantProgram,
    branding: z.object({
      accentColor: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, bilingual('色は #RRGGBB で書いてください', 'A colour is #RRGGBB')),
      logoUrl: httpsUrl.optional(),
    }),
    /** Days a resident's data is kept after their last timeline ends or they stop. */
    retentionDays: z.int().min(0).max(3650).default(90),
    /**
     * A day the Worker could not send at all (an outage, ticks missed past the day): `skip` sends
     * today's slot only; `send-once` also sends the latest missed slot, once, marked as late.
     */
    missedDay: z.enum(['skip', 'send-once']).default('skip'),
    /**
     * At most this many local entries in one day's message (a phone shows a few, not the town's
     * whole list); the rest rest that day and come round on others. Added within version 1.
     */
    entriesPerMessage: z.int().min(1).max(10).default(3),
    /** The staff workspace's settings for this town. */
    workspace: workspaceSettings.default({ retention: workspaceRetentionDefaults }),
  })
  .superRefine((tenant, ctx) => {
    const offered = new Set(tenant.languages.offered)
    tenant.languages.fallback.forEach((lang, index) => {
      if (!offered.has(lang)) {
        ctx.addIssue({
          code: 'custom',
          path: ['languages', 'fallback', index],
          message: bilingual(
            `代替言語 ${lang} が提供言語にありません`,
            `Fallback language ${lang} is not offered`,
          ),
        })
      }
    })
  })
export type TenantSettings = z.infer<typeof tenantSettings>
