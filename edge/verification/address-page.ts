import { html } from 'hono/html'
import type { Channel, TenantSettings } from '../../shared/contract'
import { type Wording, wordIn } from '../../shared/languages/wording'
import type { SubscriberRow } from '../resident/rows'
import { bi, biInline, fieldError, invalidAttrs } from '../web/bilingual'
import { layout } from '../web/layout'
import { maskAddress } from '../web/mask'
import { readerTag } from '../web/reader'

const channelNames: Record<Channel, Wording> = {
  email: { ja: 'メール', en: 'Email' },
  sms: { ja: 'SMS', en: 'SMS' },
  line: { ja: 'LINE', en: 'LINE' },
}

/** A channel's name alone, in the reader's language. */
const channelName = (channel: Channel) => wordIn(channelNames[channel], readerTag())

export interface AddressForm {
  channel: string
  address: string
  errors?: { channel?: string; address?: string }
}

/**
 * Change of channel or address from the manage page: the new one is proved first (email link,
 * SMS code, LINE code); until then the current one keeps receiving.
 */
export function addressPage(
  tenant: TenantSettings,
  token: string,
  subscriber: SubscriberRow & { address: string },
  options: {
    form?: AddressForm
    waiting?: { channel: Channel; address: string | null } | null
    done?: boolean
  },
) {
  const channels = (['email', 'sms', 'line'] as const).filter((c) => tenant.channels[c])
  const form = options.form ?? { channel: subscriber.channel, address: '' }
  const errors = options.form?.errors ?? {}
  const current = subscriber.address ? maskAddress(subscriber.channel, subscriber.address) : ''
  return layout(
    { ja: '受け取り方の変更', en: 'Change how you receive' },
    html`<main>
  <h1>${bi('受け取り方の変更', 'Change how you receive')}</h1>
  ${options.done ? html`<p role="status"><strong>${bi('受け取り先を変えました。次のお便りから、新しい受け取り先に届きます。', 'Changed: the next message goes to the new address.')}</strong></p>` : ''}
  ${Object.keys(errors).length > 0 ? html`<p class="error" role="alert">${biInline('入力を確認してください', 'Please check the form')}</p>` : ''}
  <p>${biInline('いまの受け取り先', 'Now')}: <span lang="${channelName(subscriber.channel).lang}">${channelName(subscriber.channel).text}</span> ${current}</p>
  ${
    options.waiting
      ? html`<p>${bi(
          '新しい受け取り先（{channel} {address}）の確認を待っています。確認が済むまでは、いまの受け取り先に届きます。',
          'A new address ({channel} {address}) is waiting to be confirmed; until then messages go to the current one.',
          {
            channel: channelName(options.waiting.channel).text,
            address: options.waiting.address
              ? maskAddress(options.waiting.channel, options.waiting.address)
              : '',
          },
        )}</p>`
      : ''
  }
  ${
    subscriber.state === 'stopped'
      ? html`<p>${bi('お便りは止まっています。', 'The messages are stopped.')}</p>`
      : html`<form method="post" action="/r/${token}/address" novalidate>
    <fieldset>
      <legend>${biInline('新しい受け取り方', 'Receive by')}</legend>
      ${channels.map(
        (c) =>
          html`<label for="channel-${c}"><input type="radio" id="channel-${c}" name="channel" value="${c}"${form.channel === c ? ' checked' : ''}${invalidAttrs('channel', errors.channel)} /> ${biInline(channelNames[c].ja, channelNames[c].en)}</label>`,
      )}
      ${fieldError('channel', errors.channel)}
    </fieldset>
    <label for="address">${biInline('新しいメールアドレス または 携帯電話番号', 'New email address or mobile number')}</label>
    <p id="address-hint">${biInline('LINEのときは入力不要です', 'Not needed for LINE')}</p>
    <input type="text" id="address" name="address" value="${form.address}" autocomplete="off"${errors.address ? html` aria-invalid="true"` : ''} aria-describedby="${errors.address ? 'address-error ' : ''}address-hint" />
    ${fieldError('address', errors.address)}
    <button type="submit">${biInline('確認へ進む', 'Continue to confirm')}</button>
  </form>`
  }
  <p><a href="/r/${token}">${biInline('登録内容のページに戻る', 'Back to your registration')}</a></p>
</main>`,
  )
}
