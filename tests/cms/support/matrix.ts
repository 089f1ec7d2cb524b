import type { Person } from './people'

export type Operation = 'create' | 'read' | 'update' | 'delete'
export type Actor = 'anonymous' | Exclude<Person, 'supervisor2' | 'staffB'>

export const actors: Actor[] = ['anonymous', 'admin', 'editor', 'supervisor', 'staffA', 'viewer']
export const operations: Operation[] = ['create', 'read', 'update', 'delete']

/**
 * Who may do what, written out by hand from the roles (not derived from the code).
 * Targets: another user's account; tenant A (staffA's own); a national message; an approved
 * version; a history entry; a local support entry of tenant A; a national survey.
 */
export const expected: Record<string, Record<Actor, string>> = {
  //                    anonymous admin   editor  supervisor staffA  viewer
  users: row('----', 'CRUD', '----', '----', '----', '----'),
  tenants: row('----', 'CRUD', '-R--', '-R--', '-RU-', '-R--'),
  messages: row('----', 'CRUD', 'CRU-', '-RU-', '-R--', '-R--'),
  'approved-message-versions': row('----', '-R--', '-R--', '-R--', '-R--', '-R--'),
  'message-history': row('----', 'CR--', 'CR--', 'CR--', '----', '-R--'),
  'local-support': row('----', 'CRUD', '-R--', '-R--', 'CRUD', '-R--'),
  // National surveys go through medical review like messages: supervisors save them too.
  surveys: row('----', 'CRUD', 'CRUD', '-RU-', '-R--', '-R--'),
}

function row(...cells: string[]): Record<Actor, string> {
  return Object.fromEntries(actors.map((actor, i) => [actor, cells[i]!])) as Record<Actor, string>
}

export function allowed(collection: string, actor: Actor, operation: Operation): boolean {
  const letter = operation[0]!.toUpperCase()
  return expected[collection]![actor].includes(letter)
}
