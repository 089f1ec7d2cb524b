import type { AdminViewServerProps } from 'payload'
import { ViewFrame } from '../../plugin/views/ViewFrame'
import { askGuide, familyPath } from './ask'
import { GuidePanel } from './GuidePanel'
import { familyAskOf } from './segments'

/**
 * /admin/family/<household>/guide?tenant=<slug>: the interview guide of the coming 14 days, read
 * from the Worker at request time (logged there as a household read for an interview).
 */
export async function GuideView(props: AdminViewServerProps) {
  const { payload, user } = props.initPageResult.req
  const answer = await askGuide(payload, user, familyAskOf(props))
  const admin = payload.config.routes.admin
  return (
    <ViewFrame props={props} title="面談ガイド / Interview guide" roles={['nurse', 'desk']}>
      {answer.ok ? (
        <GuidePanel
          guide={answer.data}
          familyHref={familyPath(admin, answer.data.household, answer.tenant ?? '')}
        />
      ) : (
        <p role="alert">{answer.reason}</p>
      )}
    </ViewFrame>
  )
}
