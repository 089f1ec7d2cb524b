import type { AdminViewServerProps } from 'payload'
import type { YorisoiSlugs } from '../slugs'
import { reviewQueue } from './reviewQueue'
import { ViewFrame } from './ViewFrame'

/** /admin/review-queue: messages waiting for a medical supervisor, oldest first. */
export async function ReviewQueueView(props: AdminViewServerProps & { slugs: YorisoiSlugs }) {
  const { payload } = props.initPageResult.req
  const queue = await reviewQueue(payload, props.slugs)
  const admin = payload.config.routes.admin
  return (
    <ViewFrame props={props} title="監修待ち / Review queue">
      {queue.length === 0 ? (
        <p>監修待ちのメッセージはありません / Nothing is waiting for review</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>待ち始め / Waiting since</th>
              <th>スロット・対象・言語 / Key</th>
              <th>件名 / Subject</th>
              <th>版 / Version</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={item.id}>
                <td>{new Date(item.waitingSince).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })}</td>
                <td>
                  <a href={`${admin}/collections/${props.slugs.messages}/${item.id}`}>{item.key}</a>
                </td>
                <td>{item.subject}</td>
                <td>{item.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ViewFrame>
  )
}
