import type { GuideSend, HouseholdGuide } from '../../../shared/contract'
import { guidePrintStyle } from './guide-print'
import { say, shortDate } from './labels'
import { PrintButton } from './PrintButton'

const weekTitle = { this: '今週 / This week', next: '来週 / Next week' } as const

/**
 * The interview guide for the 8-month interview: day by day, what the family will read in the
 * coming two weeks and the town's entries joined to it, with room for notes — one A4 page printed.
 */
export function GuidePanel({ guide, familyHref }: { guide: HouseholdGuide; familyHref: string }) {
  const multiple = guide.weeks.some((w) => w.days.some((d) => d.sends.some((s) => s.messages.length > 1)))
  return (
    <>
      <style>{guidePrintStyle}</style>
      <p className="family-guide__no-print" style={{ display: 'flex', gap: '1rem' }}>
        <PrintButton />
        <a href={familyHref}>家族のページへ戻る / Back to the family</a>
      </p>
      <div className="family-guide">
        <h2>面談ガイド / Interview guide — {guide.stage.label}</h2>
        <p>
          {shortDate(guide.from)}〜{shortDate(guide.to)} ・ 受け取る人 / Readers:{' '}
          {guide.readers.map((r) => `${r.nickname}（${say(r.audience)}、${say(r.state)}）`).join('、')}
        </p>
        {guide.weeks.map((week) => (
          <section key={week.week} data-week={week.week}>
            <h3>
              {weekTitle[week.week]}（{shortDate(week.from)}〜{shortDate(week.to)}）
            </h3>
            <table>
              <thead>
                <tr>
                  <th>日付 / Date</th>
                  <th>時期 / Stage</th>
                  <th>お便りの件名と話題 / Subject and topics</th>
                </tr>
              </thead>
              <tbody>
                {week.days.map((day) => (
                  <tr key={day.date} data-date={day.date}>
                    <td className="family-guide__nowrap">{shortDate(day.date)}</td>
                    {day.sends.length === 0 ? (
                      <td colSpan={2}>— 配信なし / No message</td>
                    ) : (
                      <>
                        <td className="family-guide__stage">
                          {day.sends.map((s) => s.unit || s.label).join('、')}
                        </td>
                        <td>
                          {day.sends.map((send) => (
                            <SendLines key={send.slot} send={send} withAudience={multiple} />
                          ))}
                        </td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            {week.localEntries.length > 0 ? (
              <p>
                {'自治体からのご案内 / From the town: '}
                {week.localEntries.map((e) => [e.title, e.phone, e.url].filter(Boolean).join(' ')).join('、')}
              </p>
            ) : null}
          </section>
        ))}
        <h3>面談メモ / Notes</h3>
        <div className="family-guide__notes" />
        <p>
          <small>
            {guide.manifestId
              ? `内容 / Content: ${guide.manifestId}`
              : '公開中の内容はまだありません / Nothing published yet'}
          </small>
        </p>
      </div>
    </>
  )
}

/** What each reader gets for one slot: subject and topics, or why there is nothing to show. */
function SendLines({ send, withAudience }: { send: GuideSend; withAudience: boolean }) {
  if (send.messages.length === 0)
    return <div>（配信中の家族はいません / Nobody in the family receives messages now）</div>
  return (
    <>
      {send.messages.map((m) => (
        <div key={`${m.audience}-${m.language}`}>
          {withAudience ? `${say(m.audience)}: ` : ''}
          {m.subject ?? '（文面は準備中 / not yet written）'}
          {m.topics.length > 0 ? ` ［${m.topics.join('・')}］` : ''}
        </div>
      ))}
    </>
  )
}
