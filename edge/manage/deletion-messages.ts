import type { Channel, TenantSettings } from '../../shared/contract'
import { type Wording, wordIn, wording } from '../../shared/languages/wording'
import type { OutgoingMessage } from '../channels/adapter'
import { emailFrom, footer, smsSender } from '../verification/letter'

/** The language read beneath, as on the pages: Japanese for any other reader, English for a Japanese one. */
function beneath(own: string): string | null {
  if (own === 'ja') return 'en'
  return own === 'ja-x-easy' ? null : 'ja'
}

/** A short line in the reader's language with the one beneath after it (`ja / en` for a Japanese reader). */
function labelIn(text: Wording, tag: string): string {
  const own = wordIn(text, tag)
  const after = beneath(own.lang)
  return after ? `${own.text} / ${wordIn(text, after).text}` : own.text
}

/** To the current address, in the resident's language: the link that confirms "delete my data" (valid 7 days). */
export function deletionConfirmMessage(
  tenant: TenantSettings,
  to: { channel: Channel; address: string; language: string },
  url: string,
  key: string,
  deletionWaitDays: number,
): OutgoingMessage {
  const base = { idempotencyKey: key, tenant: tenant.slug, channel: to.channel, to: to.address }
  const tag = to.language
  if (to.channel === 'sms') {
    const sms = wording(
      '【{sender}】データ削除の確認です。削除するにはこちら {url}',
      '[{sender}] To delete your data, open {url}',
      { sender: smsSender(tenant), url },
    )
    return { ...base, text: wordIn(sms, tag).text }
  }
  const asked = wording(
    '{town}の「寄り添い」で、登録したデータの削除のお申し込みがありました。',
    'Someone asked to delete your yorisoi data at {townEn}.',
    { town: tenant.name.ja, townEn: tenant.name.en },
  )
  const days = { days: deletionWaitDays }
  const openBelow = wording(
    '削除するには、{days}日以内に下のリンクを開いて「削除する」を押してください。',
    'To delete it, open the link below within {days} days and press “Delete”.',
    days,
  )
  const openAbove = wording(
    '削除するには、{days}日以内に上のリンクを開いて「削除する」を押してください。',
    'To delete it, open the link above within {days} days and press “Delete”.',
    days,
  )
  const notYou = wording(
    'お心当たりがない場合は、何もしなければ削除されません。登録内容のページのリンクを他の人に知られたかもしれないときは、そのページで「新しいリンクにする」を押してください。',
    'If this was not you, do nothing and nothing is deleted. If someone else may have your registration page’s link, press “Get a new link” there.',
  )
  const own = wordIn(asked, tag)
  const after = beneath(own.lang)
  const text = [
    own.text,
    wordIn(openBelow, tag).text,
    url,
    wordIn(notYou, tag).text,
    ...(after ? ['', ...[asked, openAbove, notYou].map((w) => wordIn(w, after).text)] : []),
  ]
  if (to.channel === 'line') return { ...base, text: text.join('\n') }
  return {
    ...base,
    subject: `【${tenant.name.ja}】${labelIn(wording('データの削除の確認', 'Confirm deleting your data'), tag)}`,
    text: [...text, '', ...footer(tenant)].join('\n'),
    ...emailFrom(tenant),
  }
}
