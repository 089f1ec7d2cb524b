import type { ReactNode } from 'react'
import type { HouseholdRecord, HouseholdTimeline } from '../../../shared/contract'
import { languageLabels } from '../../plugin/languages'
import { AccessLog, Consultations, Surveys } from './FamilyAnswers'
import { say, shortDate, when } from './labels'
import { cell, section, table } from './styles'

const languageInWords = (code: string) => {
  const label = languageLabels[code]
  return label ? `${label.ja} / ${label.en}` : code
}

/**
 * One family's page, in the order a nurse reads it: a reported loss first, then who the family is
 * and where they are, what they have been reading, what they asked and answered, and who looked.
 */
export function FamilyPanel({
  record,
  guideHref,
  staffNames,
  messages,
  tasks,
}: {
  record: HouseholdRecord
  guideHref: string
  /** CMS user ids in words (the access log and consultations name staff by id). */
  staffNames: Readonly<Record<string, string>>
  /** The staff messages to this family (cms/workspace/messages FamilyMessages), mounted by the page. */
  messages?: ReactNode
  /** Each member's tasks (TasksPanel), mounted by the page. */
  tasks?: ReactNode
}) {
  return (
    <div className="family-page">
      {record.loss ? <LossBlock loss={record.loss} /> : null}
      <Household record={record} guideHref={guideHref} />
      <Members record={record} />
      {messages ? (
        <section style={section} data-section="family-messages">
          {messages}
        </section>
      ) : null}
      {tasks ? (
        <section style={section} data-section="family-tasks">
          {tasks}
        </section>
      ) : null}
      <Deliveries deliveries={record.deliveries} />
      <Consultations consultations={record.consultations} staffNames={staffNames} />
      <Surveys surveys={record.surveys} />
      <AccessLog entries={record.accessLog} staffNames={staffNames} />
    </div>
  )
}

function LossBlock({ loss }: { loss: NonNullable<HouseholdRecord['loss']> }) {
  return (
    <section
      role="alert"
      data-section="loss"
      style={{ ...section, border: '2px solid #b3261e', borderRadius: 4, padding: '1rem' }}
    >
      <h2 style={{ marginTop: 0 }}>喪失のご報告があります / This family reported a loss</h2>
      <p>
        {loss.date} {loss.reportedOn ? `（ご報告 ${loss.reportedOn} / reported ${loss.reportedOn}）` : null}
      </p>
      <p>
        お便りはお悔やみの内容に切り替わっています。連絡の際はご配慮ください / Their messages have changed to
        bereavement support; take care when you contact them.
      </p>
    </section>
  )
}

function Household({ record, guideHref }: { record: HouseholdRecord; guideHref: string }) {
  return (
    <section style={section} data-section="household">
      <h2>世帯 / Household</h2>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.3rem 1rem' }}>
        <dt>時期 / Stage</dt>
        <dd>{record.stage.label}</dd>
        <dt>自治体の番号 / Town reference</dt>
        <dd>{record.reference ?? '未設定 / None'}</dd>
        <dt>担当保健師 / Assigned nurse</dt>
        <dd>
          {record.nurse
            ? `${record.nurse.name}（${when(record.nurse.assignedAt)}から / since ${when(record.nurse.assignedAt)}）`
            : '未設定 / None'}
        </dd>
      </dl>
      <p>
        <a href={guideHref}>面談ガイド（今後14日間） / Interview guide (the coming 14 days)</a>
      </p>
    </section>
  )
}

function TimelineDates({ timeline }: { timeline: HouseholdTimeline }) {
  const dates = [
    timeline.dueDate && `出産予定日 / Due ${timeline.dueDate}`,
    timeline.birthDate && `誕生日 / Born ${timeline.birthDate}`,
    timeline.lossDate && `喪失 / Loss ${timeline.lossDate}`,
    timeline.endedOn && `終了 / Ended ${timeline.endedOn}`,
  ].filter(Boolean)
  return (
    <span>
      {timeline.stage.label}
      {dates.length > 0 ? ` — ${dates.join('、')}` : null}
    </span>
  )
}

function Members({ record }: { record: HouseholdRecord }) {
  return (
    <section style={section} data-section="members">
      <h2>家族と経過 / Members and timelines</h2>
      <p>
        この世帯 / This household: <TimelineDates timeline={record.timeline} />
      </p>
      <table style={table}>
        <thead>
          <tr>
            <th style={cell}>ニックネーム / Nickname</th>
            <th style={cell}>立場 / Audience</th>
            <th style={cell}>言語 / Language</th>
            <th style={cell}>受け取り方 / Channel</th>
            <th style={cell}>状態 / State</th>
            <th style={cell}>ほかの子 / Other timelines</th>
          </tr>
        </thead>
        <tbody>
          {record.members.map((m) => (
            <tr key={`${m.nickname}-${m.joinedOn}-${m.audience}`}>
              <td style={cell}>{m.nickname}</td>
              <td style={cell}>{say(m.audience)}</td>
              <td style={cell}>{languageInWords(m.language)}</td>
              <td style={cell}>{say(m.channel)}</td>
              <td style={cell}>{say(m.state)}</td>
              <td style={cell}>
                {m.otherTimelines.length === 0
                  ? '—'
                  : m.otherTimelines.map((t) => (
                      <div key={t.household}>
                        <TimelineDates timeline={t} />
                      </div>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Deliveries({ deliveries }: { deliveries: HouseholdRecord['deliveries'] }) {
  return (
    <section style={section} data-section="deliveries">
      <h2>最近8週間のお便り / Messages of the last 8 weeks</h2>
      {deliveries.length === 0 ? (
        <p>この8週間に送ったものはありません / Nothing was sent in the last 8 weeks</p>
      ) : (
        <table style={table}>
          <thead>
            <tr>
              <th style={cell}>日付 / Date</th>
              <th style={cell}>宛先 / To</th>
              <th style={cell}>内容 / About</th>
              <th style={cell}>状態 / State</th>
              <th style={cell}>開封 / Opened</th>
              <th style={cell}>クリック / Clicks</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={`${d.localDate}-${d.nickname}-${d.kind}`}>
                <td style={cell}>{shortDate(d.localDate)}</td>
                <td style={cell}>
                  {d.nickname}（{say(d.channel)}）
                </td>
                <td style={cell}>
                  {say(d.kind)}
                  {d.messages.map((m) => (
                    <div key={m.slot}>
                      <small>{m.label}</small> {m.subject ?? ''}
                      {m.topics.length > 0 ? ` ［${m.topics.join('・')}］` : ''}
                    </div>
                  ))}
                </td>
                <td style={cell}>{say(d.state)}</td>
                <td style={cell}>
                  {d.openedAt ? `${when(d.openedAt)}（${d.opens}回 / ${d.opens}×）` : '未開封 / Not opened'}
                </td>
                <td style={cell}>{d.clicks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
