import { renderAnnouncement } from '../../shared/compose'
import type { Announcement, TenantSettings } from '../../shared/contract'
import type { OutgoingMessage } from '../channels/adapter'
import { nameKey } from '../channels/key'
import { messageToken, standingToken } from '../resident/link-tokens'
import { hashToken } from '../resident/tokens'
import { linkSegment } from '../shards/links'
import type { Resident } from './recipients'

/** One resident's announcement delivery, addressed and ready to claim and send. */
export interface AnnouncementRequest {
  /** The delivery's id and idempotency key. */
  key: string
  subscriberId: string
  message: OutgoingMessage
  pageTokenHash: string
  smsSegments: number | null
}

/** The delivery's id and idempotency key: the same for every retry and redelivery of its batch. */
export const announcementKey = (tenant: string, announcementId: string, subscriberId: string) =>
  nameKey(`announcement|${tenant}|${announcementId}|${subscriberId}`)

/**
 * The announcement rendered for one resident (nickname, language, channel) with its page link
 * (/n/{token}, the token derived from the delivery's key), their manage link, and on email the
 * town's sender identity and a one-click List-Unsubscribe, as the daily message carries.
 */
export async function announcementRequest(
  input: {
    tenant: TenantSettings
    announcement: Announcement
    origin: string
    linkSecret: string
    shard: number
  },
  resident: Resident,
): Promise<AnnouncementRequest> {
  const { tenant, linkSecret, shard } = input
  const base = input.origin.replace(/\/$/, '')
  const key = await announcementKey(tenant.slug, input.announcement.id, resident.id)
  const pageToken = await messageToken(linkSecret, key)
  const manage = await standingToken(linkSecret, resident.id, 'manage', resident.manageGeneration)
  const stop = await standingToken(linkSecret, resident.id, 'stop')
  const rendered = renderAnnouncement(
    tenant,
    input.announcement,
    { nickname: resident.nickname, language: resident.language, channel: resident.channel },
    { page: `${base}/n/${linkSegment(shard, pageToken)}`, manage: `${base}/r/${linkSegment(shard, manage)}` },
  )
  const message: OutgoingMessage = {
    idempotencyKey: key,
    tenant: tenant.slug,
    channel: resident.channel,
    to: resident.address,
    text: rendered.text,
  }
  if (resident.channel === 'email') {
    const sender = tenant.channels.email
    Object.assign(message, {
      subject: rendered.subject,
      ...(rendered.html ? { html: rendered.html } : {}),
      headers: {
        'List-Unsubscribe': `<${base}/s/${linkSegment(shard, stop)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      ...(sender ? { from: `${sender.senderName} <${sender.fromAddress}>` } : {}),
      ...(sender?.replyTo ? { replyTo: sender.replyTo } : {}),
    })
  }
  if (resident.channel === 'line' && rendered.bubbles) message.bubbles = rendered.bubbles
  return {
    key,
    subscriberId: resident.id,
    message,
    pageTokenHash: await hashToken(pageToken),
    smsSegments: rendered.smsSegments ?? null,
  }
}
