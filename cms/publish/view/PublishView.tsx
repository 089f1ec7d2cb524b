import type { AdminViewServerProps } from 'payload'
import type { Program } from '../../../shared/program'
import { mayView } from '../../plugin/views/mayView'
import { ViewFrame } from '../../plugin/views/ViewFrame'
import { edgeFromEnvironment } from '../edge-client'
import type { ContentSlugs } from '../types'
import { PublishPanel } from './PublishPanel'
import { publishScreen } from './screen'

/** The serverProps publishPlugin registers the view with. */
type Props = AdminViewServerProps & {
  slugs: ContentSlugs & { publications: string }
  programs: Record<string, Program>
}

/**
 * /admin/publish: what publishing would change (messages by slot, local entries), gaps to confirm,
 * the publish button, and the activation history with rollback. Editors and admins publish the
 * national part; municipal staff only their own tenants' parts.
 */
export async function PublishView(props: Props) {
  const title = '公開 / Publish'
  const roles = ['admin', 'editor', 'medical-supervisor', 'viewer', 'municipal-staff']
  if (!mayView(props, roles)) return <ViewFrame props={props} title={title} roles={roles} />
  const { req } = props.initPageResult
  const search = (props.searchParams ?? {}) as Record<string, string | undefined>
  const screen = await publishScreen({
    payload: req.payload,
    user: req.user,
    slugs: props.slugs,
    publications: props.slugs.publications,
    programs: props.programs,
    edge: edgeFromEnvironment(),
    scope: search.scope,
    page: search.page,
    published: search.published,
    adminRoute: req.payload.config.routes.admin,
    apiRoute: req.payload.config.routes.api,
  })
  return (
    <ViewFrame props={props} title={title} roles={roles}>
      <PublishPanel {...screen} />
    </ViewFrame>
  )
}
