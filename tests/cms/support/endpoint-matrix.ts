import { type Actor, actors } from './matrix'

/**
 * Every custom endpoint, as the HTTP status each person gets, written out by hand from the roles
 * (not read from the code). "Own town" is tenant A, staffA's; "another town" is tenant B.
 * Messages and CSV are national content: no town. 400 for admin and editor pressing Approve is the
 * review rule's refusal (only a medical supervisor), said in the answer; nothing changes.
 */
export const endpointCases = [
  'review: approve',
  'review: request changes',
  'CSV: export',
  'CSV: import',
  'preview: national',
  'preview: own town',
  'preview: another town',
  'publish: national',
  'publish: own town',
  'publish: another town',
  'history',
  'rollback: to own town’s publication',
  'rollback: to another town’s publication',
  'counts report (the edge’s, by its token)',
] as const
export type EndpointCase = (typeof endpointCases)[number]

export const expectedStatus: Record<EndpointCase, Record<Actor, number>> = {
  //                                        anonymous admin editor supervisor staffA viewer
  'review: approve': row(401, 400, 400, 200, 403, 403),
  'review: request changes': row(401, 400, 400, 200, 403, 403),
  'CSV: export': row(401, 200, 200, 200, 200, 200),
  'CSV: import': row(403, 200, 200, 403, 403, 403),
  'preview: national': row(403, 200, 200, 403, 403, 403),
  'preview: own town': row(403, 200, 403, 403, 200, 403),
  'preview: another town': row(403, 200, 403, 403, 403, 403),
  'publish: national': row(403, 200, 200, 403, 403, 403),
  'publish: own town': row(403, 200, 403, 403, 200, 403),
  'publish: another town': row(403, 200, 403, 403, 403, 403),
  history: row(403, 200, 200, 200, 200, 200),
  'rollback: to own town’s publication': row(403, 200, 200, 403, 403, 403),
  'rollback: to another town’s publication': row(403, 200, 200, 403, 403, 403),
  // Only the edge reports counts, with its own token: no signed-in person is it.
  'counts report (the edge’s, by its token)': row(401, 401, 401, 401, 401, 401),
}

/**
 * Which publications' lines the activation history shows each person: those who publish the
 * national part see all; staff only their own town's; supervisors and viewers publish nothing
 * and are shown none.
 */
export const historyShows: Record<Exclude<Actor, 'anonymous'>, 'all' | 'own town' | 'none'> = {
  admin: 'all',
  editor: 'all',
  supervisor: 'none',
  staffA: 'own town',
  viewer: 'none',
}

function row(...cells: number[]): Record<Actor, number> {
  return Object.fromEntries(actors.map((actor, i) => [actor, cells[i]!])) as Record<Actor, number>
}
