import type { AdminViewServerProps } from 'payload'
import { hasRole } from '../roles'

/** Who sees a yorisoi view unless the view names its own roles: the content roles. */
export const contentRoles = ['admin', 'editor', 'medical-supervisor', 'viewer']

/**
 * Whether this person may see a view (ViewFrame refuses the others). A costly view asks before
 * reading anything, so a refusal is immediate rather than after the work of a screen nobody sees.
 */
export const mayView = (props: AdminViewServerProps, roles: string[] = contentRoles): boolean =>
  hasRole(props.initPageResult.req.user, ...(roles as Parameters<typeof hasRole>[1][]))
