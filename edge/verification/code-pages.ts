import { html, raw } from 'hono/html'
import QRCode from 'qrcode'
import type { TenantSettings } from '../../shared/contract'
import { type Wording, wording } from '../../shared/languages/wording'
import { bi, biInline, biText, fieldError, invalidAttrs } from '../web/bilingual'
import { deskLine } from '../web/desk-line'
import { layout } from '../web/layout'
import { noticePage } from '../web/notice'

// The pages that prove an address: the SMS code form, the LINE linking steps, the email link's
// button. All of them say the same whether or not the address was registered before.

export interface CodePageState {
  /** The last digits of the number the code went to. */
  masked: string
  typed?: string
  /** The code's problem, in the reader's language (Japanese beneath). */
  problem?: string
  notice?: Wording
  /** The code may no longer be tried (expired or too many wrong tries): only a new one helps. */
  needsNewCode?: boolean
}

const noticeLine = (notice: Wording | undefined) =>
  notice ? html`<p role="status"><strong>${bi(notice.ja, notice.en, notice.values)}</strong></p>` : ''

const resendForm = (handle: string, label: ReturnType<typeof biInline>) =>
  html`<form method="post" action="/v/${handle}/resend"><button type="submit" class="quiet">${label}</button></form>`

export function smsCodePage(handle: string, state: CodePageState) {
  return layout(
    { ja: '確認コードの入力', en: 'Enter your code' },
    html`<main>
  <h1>${bi('確認コードの入力', 'Enter your code')}</h1>
  ${noticeLine(state.notice)}
  <p>${bi('{masked} あてにSMSで6けたの確認コードを送りました（10分間有効）。コードを入れると、登録が確定します。', 'We sent a 6-digit code by SMS to {masked} (valid for 10 minutes). Enter it to confirm.', { masked: state.masked })}</p>
  ${
    state.needsNewCode
      ? html`<p class="error" role="alert">${state.problem ?? ''}</p>`
      : html`<form method="post" action="/v/${handle}" novalidate>
    <label for="code">${biInline('確認コード（6けた）', 'Code (6 digits)')}</label>
    <input type="text" id="code" name="code" value="${state.typed ?? ''}" inputmode="numeric" autocomplete="one-time-code" maxlength="12"${invalidAttrs('code', state.problem)} />
    ${fieldError('code', state.problem)}
    <button type="submit">${biInline('確認する', 'Confirm')}</button>
  </form>`
  }
  <p>${bi('SMSが届かないときは、少し待ってから新しいコードを送れます。', 'If no SMS arrives, you can ask for a new code after a minute.')}</p>
  ${resendForm(handle, biInline('新しいコードを送る', 'Send a new code'))}
</main>`,
  )
}

/** LINE's own link that opens the official account's profile to add it as a friend. */
export const addFriendUrl = (basicId: string) => `https://line.me/R/ti/p/${encodeURIComponent(basicId)}`
/** LINE's link that opens the chat with the account, the text already typed. */
export const sendTextUrl = (basicId: string, text: string) =>
  `https://line.me/R/oaMessage/${encodeURIComponent(basicId)}/?${encodeURIComponent(text)}`

export async function lineLinkPage(
  tenant: TenantSettings,
  handle: string,
  code: string,
  state: { expired: boolean; notice?: Wording },
) {
  const account = tenant.channels.line
  if (!account) return layout({ ja: 'LINE', en: 'LINE' }, html`<main><h1>LINE</h1></main>`)
  const friend = addFriendUrl(account.basicId)
  const qr = await QRCode.toString(friend, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return layout(
    { ja: 'LINEでの受け取り', en: 'Receive on LINE' },
    html`<main>
  <h1>${bi('LINEでの受け取り', 'Receive on LINE')}</h1>
  ${noticeLine(state.notice)}
  <p>${bi('次の2つで登録が確定します。確定するまで、お便りは届きません。', 'Two steps confirm your registration; nothing is sent before.')}</p>
  <h2>${biInline('1. 友だち追加', '1. Add us as a friend')}</h2>
  <p>${account.accountName}（${account.basicId}）</p>
  <p><a href="${friend}">${biInline('LINEで友だち追加する', 'Add as a friend on LINE')}</a></p>
  <figure style="max-width: 12rem; margin: 0">
    <div role="img" aria-label="${biText('{account} の友だち追加QRコード', 'QR code to add {account}', { account: account.accountName })}">${raw(qr)}</div>
    <figcaption>${biInline('別の端末ではQRコードを読み取ってください', 'On another device, scan the QR code')}</figcaption>
  </figure>
  <h2>${biInline('2. コードを送る', '2. Send the code')}</h2>
  ${
    state.expired
      ? html`<p class="error" role="alert">${bi('このコードは期限が切れました。新しいコードを表示してください。', 'This code has expired; show a new one.')}</p>`
      : html`<p>${bi('トークに、この8けたのコードを送ってください（30分間有効）。', 'Send these 8 digits in the chat (valid for 30 minutes).')}</p>
  <p style="font-size: 2rem; letter-spacing: 0.2em; font-weight: 700">${code}</p>
  <p><a href="${sendTextUrl(account.basicId, code)}">${biInline('LINEを開いてコードを送る', 'Open LINE and send the code')}</a></p>
  <p>${bi('LINEに「登録が確定しました」と届いたら完了です。', 'When LINE replies that you are registered, you are done.')}</p>`
  }
  ${resendForm(handle, biInline('新しいコードを表示', 'Show a new code'))}
</main>`,
  )
}

/** Too many codes sent or tried: a kind 429, with the desk for anyone really stuck. */
export function codeLimitedPage(tenant: TenantSettings | null) {
  return noticePage(
    { ja: 'しばらくしてからお試しください', en: 'Please try again later' },
    bi(
      '確認コードの送信や入力が続いたため、いったん受付を止めています。1時間ほどしてから、もう一度お試しください。',
      'Many codes were sent or tried from here; please try again in about an hour.',
    ),
    tenant ? deskLine(tenant.desk) : '',
  )
}

/** What works instead while the town's SMS cap is reached: its other channels, else later or the desk. */
function smsPausedText(tenant: TenantSettings): Wording {
  const { email, line } = tenant.channels
  if (email && line)
    return wording(
      '送信が多いため、いまSMSでの受付を一時的に止めています。メールかLINEをお選びください。',
      'Sign-up by text message is paused for now (too many texts were sent). Please choose email or LINE.',
    )
  if (email)
    return wording(
      '送信が多いため、いまSMSでの受付を一時的に止めています。メールをお選びください。',
      'Sign-up by text message is paused for now (too many texts were sent). Please choose email.',
    )
  if (line)
    return wording(
      '送信が多いため、いまSMSでの受付を一時的に止めています。LINEをお選びください。',
      'Sign-up by text message is paused for now (too many texts were sent). Please choose LINE.',
    )
  return wording(
    '送信が多いため、いまSMSでの受付を一時的に止めています。1時間ほどしてから、もう一度お試しください（お急ぎは {desk} {phone}）。',
    'Sign-up by text message is paused for now (too many texts were sent). Please try again in about an hour (or call {desk}, {phone}).',
    { desk: tenant.desk.name, phone: tenant.desk.phone },
  )
}

/** The form's message while the town's SMS cap is reached, in the reader's language (Japanese beneath). */
export function smsPausedMessage(tenant: TenantSettings): string {
  const text = smsPausedText(tenant)
  return biText(text.ja, text.en, text.values)
}

const pausedParagraph = (text: Wording) => bi(text.ja, text.en, text.values)

/** The town's SMS cap is reached (a resend, say): SMS waits, email and LINE go on. */
export function smsPausedPage(tenant: TenantSettings) {
  return noticePage(
    { ja: 'SMSでの受付を一時的に止めています', en: 'Sign-up by text message is paused' },
    pausedParagraph(smsPausedText(tenant)),
    deskLine(tenant.desk),
  )
}

/** The new email address's link: a button, since mail scanners open links. */
export function emailChangePage(handle: string) {
  return layout(
    { ja: '受け取り先の確定', en: 'Confirm the new address' },
    html`<main>
  <h1>${bi('受け取り先の確定', 'Confirm the new address')}</h1>
  <p>${bi('下のボタンを押すと、このメールアドレスでお便りを受け取るようになります。', 'Press the button to receive messages at this email address.')}</p>
  <form method="post" action="/v/${handle}"><button type="submit">${biInline('確定する', 'Confirm')}</button></form>
</main>`,
  )
}
