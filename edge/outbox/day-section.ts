import { html } from 'hono/html'
import { tokyoTime } from '../web/local-time'
import type { TownDay } from './day-report'

/** What the page says after a press: the day it ran, how many this press queued, then each town. */
export interface DayOutcome {
  day: string
  /** Residents this press queued; undefined when the page was opened for the day without a press. */
  queued?: number
  /** Null when nothing is published: no town can run. */
  towns: TownDay[] | null
}

/** The local-only form: a date (today by default) and the button that runs that day now. */
export function runDayForm(day: string) {
  return html`<section aria-labelledby="run-day">
    <h2 id="run-day">配信日を実行（ローカル専用） <span class="en" lang="en">Run a delivery day (local only)</span></h2>
    <p>
      この操作はローカル環境だけのものです。町の送信時刻を待たずに、選んだ日の配信を本物の配信処理で実行します。同じ日を二度押しても二重には送りません。<br />
      <span class="en" lang="en">Local system only. Runs the chosen day’s deliveries through the real delivery run now, without waiting for each town’s send time. Pressing the same day twice sends nothing twice.</span>
    </p>
    <form method="post" action="/outbox/run-now">
      <label>日付 <span class="en" lang="en">Date</span> <input type="date" name="day" value="${day}" required /></label>
      <button type="submit">この日の配信を今すぐ実行 <span class="en" lang="en">Run this day’s deliveries now</span></button>
    </form>
  </section>`
}

export function dayOutcome(outcome: DayOutcome) {
  if (outcome.towns === null)
    return html`<p role="status">公開された内容がまだありません。配信する町がないため、何も実行していません。 <span class="en" lang="en">Nothing has been published yet, so there is no town to run.</span></p>`
  return html`<div role="status">
    <p>
      ${outcome.day} の配信${
        outcome.queued === undefined ? '' : html` — 今回キューに入れた人: ${outcome.queued} 人`
      }<br />
      <span class="en" lang="en">Deliveries of ${outcome.day}${
        outcome.queued === undefined ? '' : ` — queued by this press: ${outcome.queued}`
      }</span>
    </p>
    <ul>
      ${outcome.towns.map((t) => html`<li>${t.name.ja} <span class="en" lang="en">${t.name.en}</span>: ${townLine(t)}</li>`)}
    </ul>
  </div>`
}

function townLine(t: TownDay) {
  if (!t.run)
    return html`まだ実行していません（この町の送信時刻は ${t.sendTime}。上のボタンなら待たずに実行できます）。 <span class="en" lang="en">Not run yet (this town’s send time is ${t.sendTime}; the button above runs it without waiting).</span>`
  const when = html`${tokyoTime(t.run.startedAt)} に実行済み。 <span class="en" lang="en">Run at ${tokyoTime(t.run.startedAt)}.</span>`
  if (t.run.state === 'enqueuing')
    return html`${when} 途中です: ${t.run.enqueued} 人をキューに入れました。もう一度押すと続きから実行します。 <span class="en" lang="en">Unfinished: ${t.run.enqueued} queued so far. Press again to continue.</span>`
  if (t.run.enqueued > 0)
    return html`${when} ${t.run.enqueued} 人が配信対象で、${t.run.enqueued} 人をキューに入れました。数秒後に再読み込みすると下に届きます。 <span class="en" lang="en">${t.run.enqueued} were due and ${t.run.enqueued} queued. Reload in a few seconds to see them below.</span>`
  return html`${when} 0 人: ${noneReason(t)}`
}

/** Why a town's run queued no one: no residents, none receiving, or none due that day. */
function noneReason(t: TownDay) {
  const count = (state: string) => t.states[state] ?? 0
  const total = Object.values(t.states).reduce((n, c) => n + c, 0)
  if (total === 0)
    return html`この町には登録者がいません。 <span class="en" lang="en">No one is registered in this town.</span>`
  if (count('active') === 0)
    return html`配信中の人がいません（一時停止中 ${count('paused')} 人、停止 ${count('stopped')} 人、確認待ち ${count('pending')} 人）。 <span class="en" lang="en">No one is receiving: ${count('paused')} paused, ${count('stopped')} stopped, ${count('pending')} awaiting confirmation.</span>`
  const next = t.nextDue
    ? html`次に対象になる日: ${t.nextDue} <span class="en" lang="en">Next due: ${t.nextDue}</span>`
    : html`今後の配信予定はありません。 <span class="en" lang="en">No one is scheduled after it.</span>`
  const resting =
    count('paused') + count('stopped') > 0
      ? html` （ほかに一時停止中 ${count('paused')} 人、停止 ${count('stopped')} 人） <span class="en" lang="en">(also ${count('paused')} paused, ${count('stopped')} stopped)</span>`
      : ''
  return html`この日に配信対象の人はいません。 <span class="en" lang="en">No one is due that day.</span> ${next}${resting}`
}
