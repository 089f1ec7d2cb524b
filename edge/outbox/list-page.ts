import { html } from 'hono/html'
import { layout } from '../web/layout'
import { tokyoTime } from '../web/local-time'
import { maskAddress } from '../web/mask'
import { type DayOutcome, dayOutcome, runDayForm } from './day-section'
import { type LinePlayView, linePlaySection } from './line-play-section'
import { cursorParam, type OutboxCursor, type OutboxMessage } from './store'
import { type TownNames, townOf } from './towns'

const channelLabel = { email: 'メール / Email', sms: 'SMS', line: 'LINE' } as const

export interface OutboxListView {
  /** Of every shard, newest first. */
  messages: OutboxMessage[]
  towns: TownNames
  /** The next (older) page's cursor; null on the last page. */
  older: OutboxCursor | null
  /** True on an older page: it links back to the newest. */
  paged: boolean
  /** The date the form offers. */
  day: string
  /** What a press (or a day opened by address) did; undefined when none was asked for. */
  outcome?: DayOutcome
  /** The LINE play form; undefined where real providers send (it is never offered there). */
  linePlay?: LinePlayView
}

export function outboxListPage({ messages, towns, older, paged, day, outcome, linePlay }: OutboxListView) {
  const rows = messages.map(
    (m) => html`<tr>
      <td><time datetime="${m.createdAt}">${tokyoTime(m.createdAt)}</time></td>
      <td>${townOf(towns, m.tenantSlug)}</td>
      <td>${channelLabel[m.channel]}</td>
      <td>${maskAddress(m.channel, m.recipient)}</td>
      <td><a href="/outbox/${encodeURIComponent(m.id)}">${m.subject ?? firstLine(m.text)}</a></td>
      <td>${preview(m.text)}</td>
    </tr>`,
  )
  return layout(
    { ja: '送信箱', en: 'Outbox' },
    html`<h1>送信箱 <span class="en" lang="en">Outbox</span></h1>
      <p>
        outbox アダプターが「送信」したメッセージです。実際には誰にも届いていません。<br />
        <span class="en" lang="en">Messages the outbox adapter "sent". None of them reached anyone.</span>
      </p>
      ${runDayForm(day)}
      ${outcome === undefined ? '' : dayOutcome(outcome)}
      ${linePlay === undefined ? '' : linePlaySection(linePlay)}
      <h2>メッセージ <span class="en" lang="en">Messages</span></h2>
      ${paged ? html`<p><a href="/outbox">← 最新のメッセージ <span class="en" lang="en">Newest messages</span></a></p>` : ''}
      ${
        messages.length === 0
          ? html`<p>まだメッセージはありません。 <span class="en" lang="en">No messages yet.</span></p>`
          : html`<table>
              <thead>
                <tr>
                  <th>日時 <span class="en" lang="en">Time (JST)</span></th>
                  <th>自治体 <span class="en" lang="en">Town</span></th>
                  <th>チャネル <span class="en" lang="en">Channel</span></th>
                  <th>宛先 <span class="en" lang="en">To</span></th>
                  <th>件名 <span class="en" lang="en">Subject</span></th>
                  <th>本文 <span class="en" lang="en">Text</span></th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }
      ${
        older
          ? html`<p><a href="/outbox?before=${encodeURIComponent(cursorParam(older))}">さらに古いメッセージ → <span class="en" lang="en">Older messages</span></a></p>`
          : ''
      }`,
  )
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 40) || '（件名なし / no subject）'
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}
