import type { TenantSettings } from '../../shared/contract'
import type { OutgoingMessage } from '../channels/adapter'
import type { Member } from './members'

export interface Note {
  authorName: string
  authorRole: 'nurse' | 'desk'
  text: string
}

const roleLabel = {
  nurse: { ja: '保健師', en: 'public-health nurse' },
  desk: { ja: '子育て支援窓口', en: 'child-rearing support desk' },
} as const

/**
 * A staff member's note as the member receives it, in Japanese first: who wrote it (her shown name,
 * her role, the town), her words as she wrote them, and the link to the consultation form to reply.
 * The email's subject is neutral, as every message's is: nothing in an inbox list says pregnancy.
 */
export function staffMessage(
  tenant: TenantSettings,
  note: Note,
  member: Member,
  consultUrl: string,
  key: string,
): OutgoingMessage {
  const role = roleLabel[note.authorRole]
  // A shown name often carries the role already (保健師 さとう): it is not said twice.
  const signed = note.authorName.includes(role.ja) ? note.authorName : `${role.ja} ${note.authorName}`
  const from = `${tenant.name.ja} ${signed}`
  const reply = `返信・ご相談はこちらから / To reply: ${consultUrl}`
  const base = { idempotencyKey: key, tenant: tenant.slug, channel: member.channel, to: member.address }
  if (member.channel === 'sms') return { ...base, text: `【${from}】\n${note.text}\n${reply}` }
  const intro = [
    `${member.nickname}さん`,
    `${from}からのメッセージです。`,
    `A message from ${note.authorName}, ${role.en} of ${tenant.name.en}.`,
  ].join('\n')
  if (member.channel === 'line') {
    const bubbles = [intro, note.text, reply]
    return { ...base, bubbles, text: bubbles.join('\n\n') }
  }
  const sender = tenant.channels.email
  return {
    ...base,
    subject: `【${tenant.name.ja}】${role.ja}からのお知らせ / A note from ${tenant.name.en}`,
    text: [
      intro,
      '',
      note.text,
      '',
      reply,
      '',
      '---',
      `送信者 / Sender: ${sender?.senderName ?? tenant.name.ja}`,
      `お問い合わせ / Contact: ${tenant.desk.name} ${tenant.desk.phone} ${tenant.desk.email}`,
    ].join('\n'),
    ...(sender
      ? {
          from: `${sender.senderName} <${sender.fromAddress}>`,
          ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
        }
      : {}),
  }
}
