import type { AdminViewServerProps } from 'payload'
import { ViewFrame } from '../../plugin/views/ViewFrame'
import { FamilyMessages } from '../messages/FamilyMessages'
import { askHousehold, guidePath } from './ask'
import { FamilyPanel } from './FamilyPanel'
import { familyAskOf } from './segments'
import { staffNamesOf } from './staff-names'
import { TasksPanel } from './TasksPanel'

/**
 * /admin/family/<household>?tenant=<slug>: one family's page for the town's nurses and desk, read
 * from the Worker at request time (each read is written to the town's access log there).
 */
export async function FamilyView(props: AdminViewServerProps) {
  const { payload, user } = props.initPageResult.req
  const ask = familyAskOf(props)
  const answer = await askHousehold(payload, user, ask)
  const admin = payload.config.routes.admin
  return (
    <ViewFrame props={props} title="家族のページ / Family" roles={['nurse', 'desk']}>
      {answer.ok ? (
        <FamilyPanel
          record={answer.data}
          guideHref={guidePath(admin, answer.data.household, answer.tenant ?? '')}
          staffNames={
            await staffNamesOf(payload, [
              ...answer.data.accessLog.map((e) => e.staffUser),
              ...answer.data.consultations.flatMap((c) => (c.assignee ? [c.assignee] : [])),
            ])
          }
          // Awaited here, not mounted as an async element: the page renders in one pass.
          messages={
            await FamilyMessages({
              payload,
              user,
              tenant: answer.tenant ?? '',
              household: answer.data.household,
            })
          }
          tasks={
            await TasksPanel({
              payload,
              user,
              tenant: answer.tenant ?? '',
              household: answer.data.household,
            })
          }
        />
      ) : (
        <p role="alert">{answer.reason}</p>
      )}
    </ViewFrame>
  )
}
