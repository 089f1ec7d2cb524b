import type { AdminViewServerProps } from 'payload'
import { hasRole } from '../roles'
import type { YorisoiSlugs } from '../slugs'
import { ReviewActions } from '../workflow/ReviewActions'
import { keyInWords } from './keyInWords'
import { mayView } from './mayView'
import { ReviewText } from './ReviewText'
import { reviewQueue } from './reviewQueue'
import { ViewFrame } from './ViewFrame'

/** /admin/review-queue: messages waiting for a medical supervisor, oldest first. */
export async function ReviewQueueView(props: AdminViewServerProps & { slugs: YorisoiSlugs }) {
  const title = '監修待ち / Review queue'
  if (!mayView(props)) return <ViewFrame props={props} title={title} />
  const { payload } = props.initPageResult.req
  const queue = await reviewQueue(payload, props.slugs)
  const { admin, api } = payload.config.routes
  const user = props.initPageResult.req.user
  // Only a medical supervisor answers a version in review; others see the queue without buttons.
  const reviewer = hasRole(user, 'medical-supervisor')
  return (
    <ViewFrame props={props} title={title}>
      {queue.length === 0 ? (
        <p>監修待ちのメッセージはありません / Nothing is waiting for review</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>待ち始め / Waiting since</th>
              <th>いつ・だれに・言語 / When, to whom, language</th>
              <th>件名 / Subject</th>
              <th>本文と変更 / Text and changes</th>
              <th>版 / Version</th>
              {reviewer ? <th>監修 / Review</th> : null}
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={item.id} data-message-key={item.key}>
                <td>{new Date(item.waitingSince).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })}</td>
                <td>
                  <a href={`${admin}/collections/${props.slugs.messages}/${item.id}`}>
                    {keyInWords(item.key)}
                  </a>{' '}
                  <small>{item.key}</small>
                </td>
                <td>{item.subject}</td>
                <td>
                  <ReviewText liveVersion={item.liveVersion} changes={item.changes} />
                </td>
                <td>{item.version}</td>
                {reviewer ? (
                  <td>
                    <ReviewActions
                      endpoint={`${payload.config.serverURL}${api}/${props.slugs.messages}/${item.id}/review`}
                      seenAt={item.waitingSince}
                      ownEdit={item.editors.some((editor) => String(editor) === String(user?.id))}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ViewFrame>
  )
}
