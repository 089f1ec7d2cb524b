import type { AnnouncementStatus } from '../../shared/contract/staff-announcements'

export type Statuses = { statuses: Record<string, AnnouncementStatus>; problem: string | null }

const unreachable =
  '送信状況を読み込めませんでした。時間をおいて開き直してください / Could not load how sending goes; reopen later'

// One question per page for every row of the list, not one per row.
let pending: { at: number; answer: Promise<Statuses> } | null = null

/** GET /api/announcements/statuses, shared by the cells and the box for a few seconds. */
export function loadStatuses(api: string, fresh = false): Promise<Statuses> {
  if (!fresh && pending && Date.now() - pending.at < 5000) return pending.answer
  const answer = fetch(`${api}/announcements/statuses`, { credentials: 'include', cache: 'no-store' })
    .then(async (response) => {
      const body = (await response.json().catch(() => null)) as Partial<Statuses> | null
      if (!body) return { statuses: {}, problem: unreachable }
      return { statuses: body.statuses ?? {}, problem: body.problem ?? null }
    })
    .catch(() => ({ statuses: {}, problem: unreachable }))
  pending = { at: Date.now(), answer }
  return answer
}
