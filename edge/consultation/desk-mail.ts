import { localDate, localTime } from '../../shared/calendar'
import { assessUrgency, categoryLabel } from '../../shared/consultation'
import type { TenantSettings } from '../../shared/contract'
import type { OutgoingMessage } from '../channels/adapter'

export interface StoredConsultation {
  id: string
  subscriberId: string
  tenantSlug: string
  category: string
  text: string
  contactBy: 'registered' | 'phone' | 'none'
  contactPhone: string | null
  contactHours: string | null
  urgent: boolean
  /** How it came: the form, a LINE text or an SMS reply (an interview request is mailed by surveys). */
  source: 'form' | 'line' | 'sms' | 'interview'
  createdAt: string
}

/** Who asked, as far as the desk needs to know: what to call them, and how to answer if they asked for it. */
export interface Asker {
  nickname: string
  audience: 'primary' | 'partner' | 'family'
  channel: 'email' | 'sms' | 'line'
  /** Only when the resident chose to be answered at their registered address; never otherwise. */
  registeredAddress?: string
}

const audienceLabels = { primary: '本人', partner: 'パートナー', family: '家族' } as const

/** The short number a resident can quote on the phone. */
export const referenceOf = (id: string) => id.replaceAll('-', '').slice(0, 8).toUpperCase()

export const URGENT_PREFIX = '【至急】'

const chatLabels = { line: 'LINE', sms: 'SMS' } as const

function contactLine(c: StoredConsultation, asker: Asker): string {
  if (c.source === 'line' || c.source === 'sms')
    return `${chatLabels[c.source]}で届きました。管理画面の受信箱（相談 / Inbox）から返信できます`
  if (c.contactBy === 'phone')
    return `電話でお返事: ${c.contactPhone}${c.contactHours ? `（つながりやすい時間: ${c.contactHours}）` : ''}`
  if (c.contactBy === 'registered' && asker.registeredAddress) {
    return asker.channel === 'email'
      ? `登録のメールアドレスへお返事: ${asker.registeredAddress}（このメールに返信すると届きます）`
      : `登録の電話番号へお返事: ${asker.registeredAddress}`
  }
  return 'お返事は不要とのことです（窓口で読んでください）'
}

/** The family's nurse a consultation goes to first, when she has an address for it. */
export interface ForwardNurse {
  name: string
  email: string
}

/**
 * The consultation as the tenant's desk receives it — or, when the family has a nurse, as she
 * receives it with the desk in copy. The resident's address appears only when they chose to be
 * answered there; an urgent consultation says so first, in the subject too.
 */
export function deskMessage(
  tenant: TenantSettings,
  c: StoredConsultation,
  asker: Asker,
  nurse?: ForwardNurse | null,
): OutgoingMessage {
  const category = categoryLabel(c.category)
  const reference = referenceOf(c.id)
  const urgency = assessUrgency(c.text)
  const at = new Date(c.createdAt)
  const lines = [
    ...(c.urgent
      ? [
          `${URGENT_PREFIX}急ぎの対応が必要かもしれません。緊急を示す言葉があります: ${urgency.matched.join('、') || '—'}`,
          '相談者には 119・#7119・#8000 などの番号を先に案内しました。',
          '',
        ]
      : []),
    `寄り添い（${tenant.name.ja}）に相談が届きました。`,
    ...(nurse
      ? [
          `担当の保健師（${nurse.name || 'お名前の表示なし'}）あてです。${tenant.desk.name}にも写しを送っています。`,
        ]
      : []),
    '',
    `受付番号: ${reference}`,
    `受付日時: ${localDate(at, tenant.timeZone)} ${localTime(at, tenant.timeZone)}`,
    `種類: ${category.ja}`,
    `相談者: ${asker.nickname} さん（${audienceLabels[asker.audience]}）`,
    contactLine(c, asker),
    '',
    '--- 相談の内容 ---',
    c.text,
    '---',
    '',
    'このメールはお知らせです。相談は管理画面の受信箱（相談 / Inbox）にあり、そこで状態・担当を管理できます。相談者がデータの削除を選ぶと消えます。',
  ]
  const sender = tenant.channels.email
  const replyTo =
    c.contactBy === 'registered' && asker.channel === 'email' ? asker.registeredAddress : undefined
  return {
    idempotencyKey: `consultation-${c.id}`,
    tenant: tenant.slug,
    channel: 'email',
    to: nurse ? nurse.email : tenant.desk.email,
    ...(nurse && nurse.email !== tenant.desk.email ? { cc: [tenant.desk.email] } : {}),
    subject: `${c.urgent ? URGENT_PREFIX : ''}寄り添い 相談 ${category.ja}（${reference}）`,
    text: lines.join('\n'),
    ...(sender ? { from: `${sender.senderName} <${sender.fromAddress}>` } : {}),
    ...(replyTo ? { replyTo } : {}),
  }
}
