import type { AdminViewServerProps } from 'payload'
import type { Program } from '../../../../shared/program'
import { edgeFromEnvironment } from '../../../publish/plugin'
import type { YorisoiSlugs } from '../../slugs'
import { ViewFrame } from '../ViewFrame'
import { PublishPanel } from './PublishPanel'
import { publishScreen } from './screen'

type Props = AdminViewServerProps & { slugs: YorisoiSlugs; programs: Record<string, Program> }

/**
 * /admin/publish: what publishing would change (messages by slot, local entries), gaps to confirm,
 * the publish button, and the activation history with rollback. Editors and admins publish the
 * national part; municipal staff only their own tenants' parts.
 */
export async function PublishView(props: Props) {
  const { req } = props.initPageResult
  const search = (props.searchParams ?? {}) as Record<string, string | undefined>
  const screen = await publishScreen({
    payload: req.payload,
    user: req.user,
    slugs: props.slugs,
    programs: props.programs,
    edge: edgeFromEnvironment(),
    scope: search.scope,
    adminRoute: req.payload.config.routes.admin,
    apiRoute: req.payload.config.routes.api,
  })
  return (
    <ViewFrame
      props={props}
      title="公開 / Publish"
      roles={['admin', 'editor', 'medical-supervisor', 'viewer', 'municipal-staff']}
    >
      <PublishPanel {...screen} />
    </ViewFrame>
  )
}
