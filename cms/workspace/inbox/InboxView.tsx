import type { AdminViewServerProps } from 'payload'
import { localDate } from '../../../shared/calendar'
import { ViewFrame } from '../../plugin/views/ViewFrame'
import { InboxList } from './InboxList'
import { inboxScreen } from './screen'

/**
 * /admin/inbox: the town's consultations — form, LINE, SMS and interview requests — read from the
 * Worker at request time for a nurse or the desk; status, assignee, interview done and replies.
 */
export async function InboxView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const search = (props.searchParams ?? {}) as Record<string, string | undefined>
  const screen = await inboxScreen(req.payload, req.user, search)
  const { admin, api } = req.payload.config.routes
  return (
    <ViewFrame props={props} title="相談 / Inbox" roles={['nurse', 'desk']}>
      <InboxList
        {...screen}
        viewPath={`${admin}/inbox`}
        api={`${req.payload.config.serverURL}${api}/workspace`}
        today={localDate(new Date(), 'Asia/Tokyo')}
      />
    </ViewFrame>
  )
}
