import type { AdminViewServerProps } from 'payload'
import { ViewFrame } from '../../plugin/views/ViewFrame'
import { FamiliesPanel } from './FamiliesPanel'
import { familiesScreen } from './screen'

/** /admin/families: a town's families for its nurses and desk, read from the edge at request time. */
export async function FamiliesView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const { admin, api } = req.payload.config.routes
  const answer = await familiesScreen(
    req.payload,
    req.user,
    (props.searchParams ?? {}) as Record<string, string | string[] | undefined>,
  )
  return (
    <ViewFrame props={props} title="ご家族 / Families" roles={['nurse', 'desk']}>
      {answer.ok ? (
        <FamiliesPanel
          screen={answer.screen}
          adminRoute={admin}
          apiRoute={`${req.payload.config.serverURL}${api}`}
        />
      ) : (
        <p role="alert">{answer.reason}</p>
      )}
    </ViewFrame>
  )
}
