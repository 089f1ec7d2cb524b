import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { languageName } from '../../shared/languages'
import { type Wording, wording } from '../../shared/languages/wording'
import type { MemberRow, Resident, TimelineRow } from '../resident/rows'
import { biInline, fieldError, invalidAttrs } from '../web/bilingual'
import { ownText } from '../web/own-text'
import type { FormProblem } from './form-problem'

const audienceLabels = {
  primary: wording('ご本人', 'registered person'),
  partner: wording('パートナー', 'partner'),
  family: wording('家族', 'family'),
} as const

function timelineName(timeline: TimelineRow) {
  return timeline.birthDate
    ? biInline('{date} 生まれのお子さん', 'child born {date}', { date: timeline.birthDate })
    : biInline('出産予定日 {date}', 'due {date}', { date: timeline.dueDate ?? '' })
}

function memberItem(token: string, resident: Resident, timeline: TimelineRow, member: MemberRow) {
  const self = member.subscriberId === resident.subscriber.id
  const removable = resident.subscriber.audience === 'primary' && !self
  const audience = audienceLabels[member.audience]
  return html`<li>${ownText(member.nickname)}（${biInline(audience.ja, audience.en)}）${self ? html` — ${biInline('あなた', 'you')}` : ''}${
    member.state === 'pending' ? html` — ${biInline('確認待ち', 'not confirmed yet')}` : ''
  }${
    removable
      ? html`<form method="post" action="/r/${token}/members/remove">
      <input type="hidden" name="timeline" value="${timeline.id}" />
      <input type="hidden" name="member" value="${member.subscriberId}" />
      <button type="submit" class="quiet">${biInline('{nickname}さんを外す', 'Remove {nickname}', { nickname: member.nickname })}</button>
    </form>`
      : ''
  }</li>`
}

/** Who follows each timeline (nicknames only), and for the primary an invitation button. */
function membersSection(token: string, resident: Resident, problem?: FormProblem) {
  const members = resident.members ?? []
  const primary = resident.subscriber.audience === 'primary'
  const canInvite =
    primary && (resident.subscriber.state === 'active' || resident.subscriber.state === 'paused')
  const inviteError = problem?.form === 'invite' || problem?.form === 'member' ? problem.message : undefined
  return html`<section aria-labelledby="members-title">
  <h2 id="members-title">${biInline('パートナー・家族', 'Partner and family')}</h2>
  ${fieldError('members', inviteError)}
  ${resident.timelines.map(
    (t) => html`<h3>${timelineName(t)}</h3>
  <ul>${members.filter((m) => m.timelineId === t.id).map((m) => memberItem(token, resident, t, m))}</ul>
  ${
    canInvite
      ? html`<form method="post" action="/r/${token}/invite">
    <input type="hidden" name="timeline" value="${t.id}" />
    <button type="submit">${biInline('パートナーや家族を招待する', 'Invite a partner or family')}</button>
  </form>`
      : ''
  }`,
  )}
  <p>${biInline('ほかの方の連絡先は、だれにも表示されません。', 'Nobody is ever shown anyone else’s address.')}</p>
</section>`
}

function addTimelineSection(token: string, problem?: FormProblem) {
  const message = problem?.form === 'timeline' ? problem.message : undefined
  const stage = problem?.form === 'timeline' ? (problem.values?.stage ?? '') : ''
  const date = problem?.form === 'timeline' ? problem.value : ''
  const radio = (value: string, label: Wording) =>
    html`<label for="new-stage-${value}"><input type="radio" id="new-stage-${value}" name="stage" value="${value}"${stage === value ? ' checked' : ''} /> ${biInline(label.ja, label.en)}</label>`
  return html`<section aria-labelledby="add-title">
  <h2 id="add-title">${biInline('お子さん・妊娠の追加', 'Add a child or a pregnancy')}</h2>
  <form method="post" action="/r/${token}/timelines">
    <fieldset>
      <legend>${biInline('追加するのは', 'Adding')}</legend>
      ${radio('due', wording('新しい妊娠（出産予定日）', 'a new pregnancy (due date)'))}
      ${radio('birth', wording('生まれているお子さん（誕生日）', 'a child already born (birth date)'))}
    </fieldset>
    <label for="new-date">${biInline('出産予定日 または お誕生日', 'Due date or birth date')}</label>
    <input type="date" id="new-date" name="date" value="${date}"${invalidAttrs('new-date', message)} />
    ${fieldError('new-date', message)}
    <button type="submit">${biInline('追加する', 'Add')}</button>
  </form>
</section>`
}

/** Each language in its own name, its Japanese name after it in a quieter tone where that differs (for staff and family). */
function languageOption(tag: string, chosen: boolean, message: string | undefined) {
  const name = languageName(tag)
  return html`<label for="language-${tag}"><input type="radio" id="language-${tag}" name="language" value="${tag}"${chosen ? ' checked' : ''}${invalidAttrs('language', message)} /> <span lang="${tag}">${name.own}</span>${
    name.own === name.ja ? '' : html` <span class="ja" lang="ja">${name.ja}</span>`
  }</label>`
}

/** The language of the messages, which is also the language of these pages. */
function languageSection(tenant: TenantSettings, token: string, resident: Resident, problem?: FormProblem) {
  if (tenant.languages.offered.length < 2) return ''
  const message = problem?.form === 'language' ? problem.message : undefined
  return html`<section aria-labelledby="language-title">
  <h2 id="language-title">${biInline('お便りの言語', 'Language of the messages')}</h2>
  <form method="post" action="/r/${token}/language">
    <fieldset>
      <legend>${biInline('言語', 'Language')}</legend>
      ${tenant.languages.offered.map((tag) => languageOption(tag, resident.subscriber.language === tag, message))}
    </fieldset>
    ${fieldError('language', message)}
    <button type="submit">${biInline('言語を変える', 'Change the language')}</button>
  </form>
</section>`
}

/** The manage page's family and lifecycle parts: members and invitations, a new timeline, language, moving. */
export function householdSections(
  tenant: TenantSettings,
  token: string,
  resident: Resident,
  problem?: FormProblem,
) {
  if (resident.subscriber.state === 'stopped') return ''
  return html`${membersSection(token, resident, problem)}
  ${addTimelineSection(token, problem)}
  ${languageSection(tenant, token, resident, problem)}
  <section aria-labelledby="move-title">
    <h2 id="move-title">${biInline('引っ越し', 'Moving')}</h2>
    <p><a href="/r/${token}/move">${biInline('ほかのまちへ引っ越すとき', 'When you move to another town')}</a></p>
  </section>`
}
