import { html } from 'hono/html'
import { layout } from '../web/layout'
import { tokyoTime } from '../web/local-time'
import { maskAddress } from '../web/mask'
import { linkedText } from './links'
import type { OutboxMessage } from './store'
import { type TownNames, townOf } from './towns'

export function outboxMessagePage(m: OutboxMessage, towns: TownNames) {
  return layout(
    { ja: '送信箱のメッセージ', en: 'Outbox message' },
    html`<p><a href="/outbox">← 送信箱 <span class="en" lang="en">Outbox</span></a></p>
      <h1>${m.subject ?? '（件名なし / no subject）'}</h1>
      <dl>
        <dt>日時 <span class="en" lang="en">Time (JST)</span></dt>
        <dd><time datetime="${m.createdAt}">${tokyoTime(m.createdAt)}</time></dd>
        <dt>宛先 <span class="en" lang="en">To</span></dt>
        <dd>${m.channel}: ${maskAddress(m.channel, m.recipient)}</dd>
        ${m.cc ? html`<dt>写し <span class="en" lang="en">Cc</span></dt><dd>${m.cc}</dd>` : ''}
        <dt>自治体 <span class="en" lang="en">Town</span></dt>
        <dd>${townOf(towns, m.tenantSlug)} (${m.tenantSlug})</dd>
        <dt>保存先のシャード <span class="en" lang="en">Kept in shard</span></dt>
        <dd>${m.shard}</dd>
      </dl>
      <h2>テキスト <span class="en" lang="en">Text</span></h2>
      <pre>${linkedText(m.text)}</pre>
      ${
        m.html === null
          ? ''
          : html`<h2>HTML <span class="en" lang="en">HTML</span></h2>
              <iframe sandbox="" title="HTML メール / HTML email" srcdoc="${m.html}"></iframe>`
      }`,
  )
}
