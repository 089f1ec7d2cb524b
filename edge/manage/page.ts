import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { type Wording, wording } from '../../shared/languages/wording'
import { nicknameMaxLength } from '../resident/fields'
import type { ShownNurse } from '../resident/nurses'
import { defaultRetentionDays } from '../resident/retention'
import type { Resident, TimelineRow } from '../resident/rows'
import { optedOutReason } from '../resident/suppression'
import { bi, biInline, fieldError, invalidAttrs } from '../web/bilingual'
import { layout } from '../web/layout'
import { nurseSection } from '../web/nurse-section'
import { mayChangeDates } from './date-owner'
import type { PendingDeletion } from './deletion'
import { pendingDeletionSection } from './deletion-section'
import type { FormProblem, ManageForm } from './form-problem'
import { householdSections } from './household-section'
import { householdMovedReason } from './move-rules'
import { mayRestart } from './restart'
import { restartSection } from './restart-page'
import { type TasksShown, tasksDone, tasksSection } from './tasks-section'
import { townNoticesDone, townNoticesSection } from './town-notices-section'

export const doneMessages = {
  confirmed: wording(
    '登録が確定しました。次の配信時刻から、お便りをお届けします。',
    'You are registered. Messages start at the next send time.',
  ),
  nickname: wording('ニックネームを変えました。', 'Your nickname is changed.'),
  due: wording('出産予定日を変えました。', 'The due date is changed.'),
  birth: wording(
    'ご出産おめでとうございます。これからは、お子さんの日齢に合わせてお届けします。',
    'Congratulations. Messages now follow your child’s age.',
  ),
  paused: wording('お便りをお休みします。', 'Messages are paused.'),
  resumed: wording('お便りを再開しました。', 'Messages are on again.'),
  timeline: wording(
    '追加しました。お便りは、それぞれに合わせてお届けします。',
    'Added. Messages now follow each of them.',
  ),
  language: wording('お便りの言語を変えました。', 'The language of the messages is changed.'),
  removed: wording('その方を外しました。その方へのお便りは止まります。', 'Removed. Their messages stop.'),
  moved: wording(
    '引っ越し先のまちからのお届けに切り替えました。',
    'You are now registered with your new town.',
  ),
  // Starting again after a stop (restart-routes.ts).
  // A deletion request cancelled (deletion.ts).
  kept: wording('削除の手続きを取り消しました。', 'The deletion is cancelled.'),
  restarted: wording(
    'お便りを再開しました。次の配信日からお届けします。',
    'Messages are on again from the next send day.',
  ),
  ...townNoticesDone,
  ...tasksDone,
} as const satisfies Record<string, Wording>
export type Done = keyof typeof doneMessages

const stateLabels = {
  pending: wording('確認待ち', 'waiting for confirmation'),
  active: wording('お届け中', 'receiving messages'),
  paused: wording('お休み中', 'paused'),
  stopped: wording('停止中', 'stopped'),
} as const

function dateForm(
  token: string,
  form: ManageForm,
  timeline: TimelineRow | null,
  label: Wording,
  button: Wording,
  value: string,
  problem: FormProblem | undefined,
) {
  const id = `${form}-date`
  const message = problem?.form === form ? problem.message : undefined
  return html`<form method="post" action="/r/${token}/${form}">
    ${timeline ? html`<input type="hidden" name="timeline" value="${timeline.id}" />` : ''}
    <label for="${id}">${biInline(label.ja, label.en)}</label>
    <input type="date" id="${id}" name="date" value="${problem?.form === form ? problem.value : value}"${invalidAttrs(id, message)} />
    ${fieldError(id, message)}
    <button type="submit">${biInline(button.ja, button.en)}</button>
  </form>`
}

function timelineSection(token: string, resident: Resident, timeline: TimelineRow, problem?: FormProblem) {
  const changesDates = mayChangeDates(resident, timeline.id)
  const open = !timeline.birthDate && !timeline.lossDate
  return html`<section aria-labelledby="tl-${timeline.id}">
  <h2 id="tl-${timeline.id}">${biInline('予定日・お誕生日', 'Dates')}</h2>
  <ul>
    ${timeline.dueDate ? html`<li>${biInline('出産予定日', 'Due date')}: ${timeline.dueDate}</li>` : ''}
    ${timeline.birthDate ? html`<li>${biInline('お誕生日', 'Birth date')}: ${timeline.birthDate}</li>` : ''}
  </ul>
  ${open && changesDates ? dateForm(token, 'due', timeline, wording('出産予定日を変える', 'Change the due date'), wording('予定日を変える', 'Change'), timeline.dueDate ?? '', problem) : ''}
  ${open ? dateForm(token, 'birth', timeline, wording('生まれた日（ご出産のお知らせ）', 'Birth date (report the birth)'), wording('出産を知らせる', 'Report the birth'), '', problem) : ''}
  ${timeline.lossDate ? '' : html`<p><a href="/r/${token}/loss?timeline=${timeline.id}">${biInline('つらいお知らせをする', 'Tell us about a loss')}</a></p>`}
</section>`
}

/** Paused by the provider (a bounce, an unfollow, repeated failures): fixing the address resumes. */
function undeliverable(tenant: TenantSettings, token: string) {
  const days = tenant.retentionDays ?? defaultRetentionDays
  return html`<p>${bi(
    'お便りが届かなかったため、お休みしています。受け取り先を直すと再開します。',
    'Messages could not be delivered, so they are paused. Fix where they go to resume.',
  )}</p>
    <p>${bi(
      '直さないままだと、お休みから{days}日後に登録内容を削除します。',
      'If nothing changes, your registration is deleted {days} days after the pause.',
      { days },
    )}</p>
    <p><a href="/r/${token}/address">${biInline('受け取り先を直す', 'Fix where messages go')}</a></p>`
}

/** A program message failed lately (not yet the days that pause): say so while it can be fixed. */
function lastUndelivered(token: string, failedOn: string) {
  return html`<p role="note">${bi(
    '{failedOn} のお便りをお届けできませんでした。届かない日が続くと、お休みになります。受け取り先が正しいか、ご確認ください。',
    'We could not deliver your message of {failedOn}. If this goes on, messages are paused. Please check where they go.',
    { failedOn },
  )} <a href="/r/${token}/address">${biInline('受け取り先を確かめる', 'Check where messages go')}</a></p>`
}

/** Stopped by their own STOP reply to the tenant's SMS number: how to receive again. */
function optedOutBySms(tenant: TenantSettings) {
  const days = tenant.retentionDays ?? defaultRetentionDays
  return html`<p>${bi(
    'SMS に「STOP」（停止）と返信されたため、お便りを止めました。',
    'You replied STOP to our SMS, so the messages are stopped.',
  )}</p>
  <p>${bi(
    'また受け取るには、同じ番号あてに START と返信してから、もう一度登録してください。このままだと、{days}日後に登録内容を削除します。',
    'To receive them again, reply START to the same number, then register again. Otherwise your registration is deleted after {days} days.',
    { days },
  )}</p>
  <p><a href="/t/${tenant.slug}">${biInline('もう一度登録する', 'Register again')}</a></p>`
}

/** Stopped because their partner or family moved the household: the town it moved to asks them first. */
function householdMoved(tenant: TenantSettings) {
  return html`<p>${bi(
    'ご家族の引っ越しにあわせて、登録を{town}に移しました。{town}からお便りを受け取るには、下のプライバシーポリシーをお読みのうえ、同意してください。',
    'Your family moved, and your registration moved with them to {townEn}. To receive its messages, read its privacy notice below and agree.',
    { town: tenant.name.ja, townEn: tenant.name.en },
  )}</p>`
}

/** Everything a resident can change, from the link in any message. */
export function managePage(
  tenant: TenantSettings,
  token: string,
  resident: Resident,
  done?: Done,
  problem?: FormProblem,
  deletion?: PendingDeletion | null,
  /** The nurses of their households who show their name to families. */
  nurses: readonly ShownNurse[] = [],
  /** Whether they receive the town's non-urgent notices; unknown, the choice is not shown. */
  townNotices?: boolean,
  /** The tasks their messages offered; unknown, the section is not shown. */
  tasks?: TasksShown,
) {
  const { subscriber } = resident
  const nicknameError = problem?.form === 'nickname' ? problem.message : undefined
  return layout(
    { ja: '登録内容の確認と変更', en: 'Your registration' },
    html`<main>
  <h1>${bi('登録内容の確認と変更', 'Your registration')}</h1>
  ${done ? html`<p role="status"><strong>${bi(doneMessages[done].ja, doneMessages[done].en)}</strong></p>` : ''}
  ${deletion ? pendingDeletionSection(token, deletion) : ''}
  ${problem ? html`<p class="error" role="alert">${biInline('入力を確認してください', 'Please check the form')}</p>` : ''}
  <p><span lang="ja">${tenant.name.ja}</span> / <span lang="en">${tenant.name.en}</span></p>
  <p>${biInline('状態', 'Status')}: ${biInline(stateLabels[subscriber.state].ja, stateLabels[subscriber.state].en)}${
    subscriber.nextSendOn ? html` — ${biInline('次のお便り', 'next message')} ${subscriber.nextSendOn}` : ''
  }</p>
  ${subscriber.state === 'stopped' && subscriber.stateReason === optedOutReason ? optedOutBySms(tenant) : ''}
  ${subscriber.state === 'stopped' && subscriber.stateReason === householdMovedReason ? householdMoved(tenant) : ''}
  ${mayRestart(resident) ? restartSection(tenant, token) : ''}
  ${subscriber.state === 'active' && subscriber.lastFailedOn ? lastUndelivered(token, subscriber.lastFailedOn) : ''}
  <p><a href="/r/${token}/consult">${biInline('窓口に相談する', 'Ask the desk a question')}</a></p>
  ${nurseSection(nurses)}
  ${tasksSection(token, tasks)}

  <section aria-labelledby="nickname-title">
    <h2 id="nickname-title">${biInline('ニックネーム', 'Nickname')}</h2>
    <form method="post" action="/r/${token}/nickname">
      <label for="nickname">${biInline('お便りでの呼び名', 'What messages call you')}</label>
      <input type="text" id="nickname" name="nickname" dir="auto" value="${problem?.form === 'nickname' ? problem.value : subscriber.nickname}" maxlength="${nicknameMaxLength}"${invalidAttrs('nickname', nicknameError)} />
      ${fieldError('nickname', nicknameError)}
      <button type="submit">${biInline('変える', 'Change')}</button>
    </form>
  </section>

  ${resident.timelines.map((t) => timelineSection(token, resident, t, problem))}

  ${householdSections(tenant, token, resident, problem)}

  ${subscriber.state === 'stopped' || townNotices === undefined ? '' : townNoticesSection(tenant, token, townNotices, problem)}

  ${
    subscriber.state === 'stopped'
      ? ''
      : html`<section aria-labelledby="pause-title">
    <h2 id="pause-title">${biInline('お休み', 'Pause')}</h2>
    ${
      subscriber.state === 'paused' && !subscriber.pausedUntil
        ? undeliverable(tenant, token)
        : subscriber.state === 'paused'
          ? html`<p>${biInline('{until} までお休み中です', 'Paused until {until}', { until: subscriber.pausedUntil ?? '' })}</p>
    <form method="post" action="/r/${token}/resume"><button type="submit">${biInline('いま再開する', 'Resume now')}</button></form>`
          : dateForm(
              token,
              'pause',
              null,
              wording('この日まで休む', 'Pause until'),
              wording('お休みする', 'Pause'),
              '',
              problem,
            )
    }
  </section>
  <section aria-labelledby="stop-title">
    <h2 id="stop-title">${biInline('配信の停止', 'Stop')}</h2>
    <form method="post" action="/r/${token}/stop"><button type="submit" class="quiet">${biInline('お便りを止める', 'Stop the messages')}</button></form>
  </section>`
  }
  <section aria-labelledby="address-title">
    <h2 id="address-title">${biInline('受け取り方', 'How you receive')}</h2>
    <p><a href="/r/${token}/address">${biInline('受け取り方・受け取り先を変える', 'Change channel or address')}</a></p>
  </section>
  <section aria-labelledby="new-link-title">
    <h2 id="new-link-title">${biInline('このページのリンク', 'The link to this page')}</h2>
    <p>${bi(
      'このページのリンクを他の人に知られたかもしれないときは、新しいリンクに替えられます。これまでのリンク（届いたお便りの中のものも）は使えなくなります。配信停止のリンクは、これまでどおり使えます。',
      'If someone else may have this page’s link, you can replace it. Every earlier link to this page stops working, including those in messages you received. The stop links keep working.',
    )}</p>
    <form method="post" action="/r/${token}/new-link"><button type="submit" class="quiet">${biInline('新しいリンクにする', 'Get a new link')}</button></form>
  </section>
  <section aria-labelledby="delete-title">
    <h2 id="delete-title">${biInline('データの削除', 'Delete my data')}</h2>
    <p><a href="/r/${token}/delete">${biInline('登録したデータを削除する', 'Delete the data I registered')}</a></p>
  </section>
</main>`,
  )
}

/** The new manage link, shown once: the old one no longer opens anything. */
export function newLinkPage(url: string) {
  return layout(
    { ja: '新しいリンク', en: 'Your new link' },
    html`<main>
  <h1>${bi('新しいリンクにしました', 'Here is your new link')}</h1>
  <p>${bi(
    'これまでのリンクは使えなくなりました。このページを閉じる前に、新しいリンクをブックマークするか、控えてください。この画面は二度と表示されません。次のお便りからは、新しいリンクが載ります。',
    'The earlier links no longer work. Before you close this page, bookmark or note the new link: this page is not shown again. The next messages carry the new link.',
  )}</p>
  <p><a href="${url}">${url}</a></p>
  <p>${bi(
    '配信停止のリンクは、これまでどおり使えます。',
    'The stop link in your messages keeps working.',
  )}</p>
</main>`,
  )
}
