import { html } from 'hono/html'
import { fieldError, invalidAttrs } from '../web/bilingual'
import type { TownNames } from './towns'

/** The local-only LINE play: the towns offered, what was typed, and what the last play did. */
export interface LinePlayView {
  towns: TownNames
  tenant?: string
  code?: string
  error?: string
  /** After a play: whether the code confirmed a registration. */
  outcome?: 'linked' | 'not-linked'
}

const codeError =
  '登録ページに表示された 8 けたの数字を入れてください。 / Enter the 8 digits shown on the registration page.'
const townError = 'LINE で登録できる自治体を選んでください。 / Choose a town that offers LINE.'

export const linePlayErrors = { code: codeError, town: townError } as const

export function linePlaySection({ towns, tenant, code, error, outcome }: LinePlayView) {
  return html`<section aria-labelledby="line-play">
    <h2 id="line-play">LINE の友だち追加とコード送信を再生（ローカル専用） <span class="en" lang="en">Play a LINE follow and code reply (local only)</span></h2>
    <p>
      この操作はローカル環境だけのものです。LINE で登録すると、登録ページに 8 けたのコードが出ます。本物の LINE がなくても、そのコードをここに入れると、LINE が町の webhook に送るもの（友だち追加と、コードを書いたメッセージ）を、架空の LINE ユーザーとして本物の webhook 処理に通します。LINE に返る返信（登録の確定と管理ページのリンク）は、下のメッセージに入ります。<br />
      <span class="en" lang="en">Local system only. Registering by LINE shows an 8-digit code on the registration page. Without a real LINE account, enter that code here: the Worker's own webhook handling receives what LINE would post to the town (a follow and a message with the code) from a made-up LINE user. The replies LINE would get (the confirmation and the manage link) appear in the messages below.</span>
    </p>
    ${outcome === undefined ? '' : playOutcome(outcome)}
    ${
      towns.size === 0
        ? html`<p>LINE で登録できる自治体が公開されていません。 <span class="en" lang="en">No published town offers LINE.</span></p>`
        : html`<form method="post" action="/outbox/line-play">
            <label for="line-play-tenant">自治体 <span class="en" lang="en">Town</span></label>
            <select id="line-play-tenant" name="tenant"${invalidAttrs('line-play-tenant', error === townError ? error : undefined)}>
              ${[...towns].map(
                ([slug, name]) =>
                  html`<option value="${slug}"${slug === tenant ? ' selected' : ''}>${name.ja} / ${name.en}</option>`,
              )}
            </select>
            ${fieldError('line-play-tenant', error === townError ? error : undefined)}
            <label for="line-play-code">8 けたのコード <span class="en" lang="en">The 8-digit code</span></label>
            <input type="text" id="line-play-code" name="code" inputmode="numeric" autocomplete="off" maxlength="40" required value="${code ?? ''}"${invalidAttrs('line-play-code', error === codeError ? error : undefined)} />
            ${fieldError('line-play-code', error === codeError ? error : undefined)}
            <button type="submit">友だち追加とコード送信を再生 <span class="en" lang="en">Play the follow and the code</span></button>
          </form>`
    }
  </section>`
}

function playOutcome(outcome: 'linked' | 'not-linked') {
  return outcome === 'linked'
    ? html`<p role="status">再生しました。登録が確定しました。下の最新のメッセージ（LINE への返信）から管理ページのリンクを開けます。 <span class="en" lang="en">Played: the registration is confirmed. Open the manage link from the newest message below (the reply on LINE).</span></p>`
    : html`<p role="status">再生しました。このコードでは登録が確定しませんでした。理由は下の最新のメッセージ（LINE への返信）にあります。コードの打ち間違い、期限切れ、別の自治体などです。 <span class="en" lang="en">Played: this code confirmed no registration. The newest message below (the reply on LINE) says why: a mistyped or expired code, or another town.</span></p>`
}
