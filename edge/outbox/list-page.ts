import { html } from 'hono/html'
import { layout } from '../web/layout'
import { tokyoTime } from '../web/local-time'
import { maskAddress } from '../web/mask'
import type { OutboxMessage } from './store'

const channelLabel = { email: 'メール / Email', sms: 'SMS', line: 'LINE' } as const

export function outboxListPage(messages: OutboxMessage[], ran?: number) {
  const rows = messages.map(
    (m) => html`<tr>
      <td><time datetime="${m.createdAt}">${tokyoTime(m.createdAt)}</time></td>
      <td>${channelLabel[m.channel]}</td>
      <td>${maskAddress(m.channel, m.recipient)}</td>
      <td><a href="/outbox/${encodeURIComponent(m.id)}">${m.subject ?? firstLine(m.text)}</a></td>
      <td>${preview(m.text)}</td>
    </tr>`,
  )
  return layout(
    { ja: '送信箱', en: 'Outbox' },
    html`<h1>送信箱 <span class="en">Outbox</span></h1>
      <p>
        outbox アダプターが「送信」したメッセージです。実際には誰にも届いていません。<br />
        <span class="en">Messages the outbox adapter "sent". None of them reached anyone.</span>
      </p>
      <form method="post" action="/outbox/run-now">
        <button type="submit">今日の配信を今すぐ実行 <span class="en">Run today’s deliveries now</span></button>
      </form>
      ${ran === undefined ? '' : runNotice(ran)}
      ${
        messages.length === 0
          ? html`<p>まだメッセージはありません。 <span class="en">No messages yet.</span></p>`
          : html`<table>
              <thead>
                <tr>
                  <th>日時 <span class="en">Time (JST)</span></th>
                  <th>チャネル <span class="en">Channel</span></th>
                  <th>宛先 <span class="en">To</span></th>
                  <th>件名 <span class="en">Subject</span></th>
                  <th>本文 <span class="en">Text</span></th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }`,
  )
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 40) || '（件名なし / no subject）'
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}

function runNotice(ran: number) {
  if (ran < 0)
    return html`<p role="status">公開された内容がまだありません。 <span class="en">Nothing has been published yet.</span></p>`
  return html`<p role="status">
    ${ran} 人分の配信をキューに入れました。数秒後に再読み込みしてください。<br />
    <span class="en">${ran} residents queued. Reload in a few seconds.</span>
  </p>`
}
