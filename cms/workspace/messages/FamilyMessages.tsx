import type { Payload } from 'payload'
import type { StaffMessageEntry } from '../../../shared/contract'
import { ComposeMessage } from './ComposeMessage'
import { familyMessages } from './load'
import { channelLabels, stateLabels } from './states'

interface Props {
  payload: Payload
  user: unknown
  tenant: string
  household: string
}

const when = (iso: string) =>
  new Intl.DateTimeFormat('ja-JP', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso))

function Entry({ message }: { message: StaffMessageEntry }) {
  return (
    <li style={{ borderTop: '1px solid var(--theme-elevation-150)', padding: '0.75rem 0' }}>
      <p style={{ margin: 0 }}>
        <strong>{message.authorName}</strong> ・ {when(message.at)}
        {message.consultation ? ' ・ ご相談への返信 / Reply to a consultation' : ''}
      </p>
      <p style={{ whiteSpace: 'pre-wrap', margin: '0.5rem 0' }}>{message.text}</p>
      <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
        {message.deliveries.map((d) => (
          <li key={d.member}>
            {d.nickname}（{channelLabels[d.channel]}）: {stateLabels[d.state]}
          </li>
        ))}
      </ul>
    </li>
  )
}

/**
 * One family's staff messages with each delivery's state, and the form to write to them: read from
 * the Worker at request time for this staff user (nothing is kept in the CMS). For the family page.
 */
export async function FamilyMessages({ payload, user, tenant, household }: Props) {
  const answer = await familyMessages(payload, user, { tenant, household })
  if (!answer.ok)
    return <p role="alert">メッセージを読み込めませんでした / Could not load the messages: {answer.reason}</p>
  const { members, messages } = answer.data
  const receiving = members
    .filter((m) => m.state === 'active')
    .map((m) => ({ id: m.id, label: `${m.nickname}（${channelLabels[m.channel]}）` }))
  const api = payload.config.routes.api
  const endpoint = `${api}/workspace/families/${encodeURIComponent(household)}/messages?tenant=${encodeURIComponent(tenant)}`
  return (
    <section aria-labelledby="family-messages">
      <h2 id="family-messages">ご家族へのメッセージ / Messages to the family</h2>
      {receiving.length > 0 ? (
        <ComposeMessage endpoint={endpoint} recipients={receiving} />
      ) : (
        <p>配信中の方がいないため送れません / Nobody in this family is receiving messages</p>
      )}
      {messages.length === 0 ? (
        <p>まだメッセージはありません / No messages yet</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {messages.map((m) => (
            <Entry key={m.id} message={m} />
          ))}
        </ul>
      )}
    </section>
  )
}
