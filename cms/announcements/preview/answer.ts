import type { AnnouncementPreview, Channel } from '../../../shared/contract'

/** One language's rendering on each channel the town uses (absent: the town does not use it). */
export interface LanguageRendering {
  language: string
  email?: { subject: string; text: string; html: string }
  sms?: { text: string; characters: number; segments: number }
  line?: { bubbles: string[] }
}

export interface SmsPrice {
  yen: number
  low: number
  high: number
  source: string
}

/** Who would receive it now, or why the counts are not shown (the renderings still are). */
export type Recipients =
  | ({
      ok: true
      smsCost?: { yen: number; low: number; high: number; segments: number }
    } & AnnouncementPreview)
  | { ok: false; reason: string }

/** The preview endpoint's answer: what the UI shows. */
export type PreviewAnswer =
  | {
      ok: true
      channels: Channel[]
      renderings: LanguageRendering[]
      /** SMS only: the most segments any language's text takes, and the price per segment used. */
      sms?: { segments: number; price: SmsPrice }
      recipients: Recipients
    }
  | { ok: false; reason: string; issues?: { path: string; message: string }[] }
