import { type AnnouncementSender, renderAnnouncement } from '../../../shared/compose'
import { channels as allChannels, type Channel } from '../../../shared/contract'
import type { TenantDoc } from '../../publish/tenant-part'
import type { LanguageRendering } from './answer'
import type { PreviewRequest } from './request'

// Links as long as the edge's (origin, /n/, shard and a 22-character token), so the SMS is
// measured as it will be sent; they lead nowhere.
const sampleLinks = {
  page: 'https://preview.invalid/n/1PREVIEWxxxxxxxxxxxxxx',
  manage: 'https://preview.invalid/r/1PREVIEWxxxxxxxxxxxxxx',
}

const unsetWords = '（未設定 / not set）'

/** The town as a rendering shows it, from its settings as saved (gaps shown, never a failure). */
export function senderOf(doc: TenantDoc): AnnouncementSender {
  return {
    name: { ja: doc.name, en: doc.nameEn || doc.name },
    languages: { offered: doc.languages ?? ['ja'], fallback: doc.languageFallback ?? ['ja'] },
    branding: { accentColor: doc.branding?.color || '#2f7f9f' },
    postalAddress: doc.postalAddress || unsetWords,
    desk: {
      name: doc.desk?.name || unsetWords,
      email: doc.desk?.email || '',
      phone: doc.desk?.phone || '',
      hours: doc.desk?.hours || '',
    },
  }
}

/** The channels the town sends by, in the usual order. */
export function townChannels(doc: TenantDoc): Channel[] {
  const used = new Set(doc.channels ?? [])
  return allChannels.filter((channel) => used.has(channel))
}

/** Each language written, on each channel the town uses, as a resident reading that language gets it. */
export function renderings(
  sender: AnnouncementSender,
  channels: readonly Channel[],
  request: PreviewRequest,
): LanguageRendering[] {
  const wording = { urgent: request.urgent, texts: request.texts, url: request.url }
  return request.texts.map(({ language }) => {
    const on = (channel: Channel) =>
      renderAnnouncement(sender, wording, { nickname: '', language, channel }, sampleLinks)
    const rendering: LanguageRendering = { language }
    if (channels.includes('email')) {
      const mail = on('email')
      rendering.email = { subject: mail.subject ?? '', text: mail.text, html: mail.html ?? '' }
    }
    if (channels.includes('sms')) {
      const sms = on('sms')
      rendering.sms = { text: sms.text, characters: sms.smsCharacters ?? 0, segments: sms.smsSegments ?? 0 }
    }
    if (channels.includes('line')) rendering.line = { bubbles: on('line').bubbles ?? [] }
    return rendering
  })
}
