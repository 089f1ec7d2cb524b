import type { Payload } from 'payload'
import {
  type ConsultationsPage,
  consultationSource,
  consultationStatus,
  type InboxConsultation,
} from '../../../shared/contract'
import { askStaffApi } from '../staff-api'
import type { StaffApiTarget } from '../target'
import { staffApiFromEnvironment } from '../target'
import { type Town, townsOf } from '../towns'
import { inboxRoleOf } from './acting-role'
import { type TownStaffMember, townStaff } from './town-staff'

export interface InboxFilter {
  status?: string
  assignee?: string
  source?: string
  page: number
}

export interface InboxScreen {
  towns: Town[]
  town: Town | null
  filter: InboxFilter
  consultations: InboxConsultation[]
  next: number | null
  staff: TownStaffMember[]
  /** A bilingual reason when the list could not be read. */
  problem: string | null
}

const pick = <T>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, value?: string) => {
  const parsed = schema.safeParse(value || undefined)
  return parsed.success ? (parsed.data as T | undefined) : undefined
}

/**
 * What /admin/inbox shows this user: their towns, the chosen one's consultations (from the Worker,
 * at request time, never stored) and the town's nurses and desk staff to assign.
 */
export async function inboxScreen(
  payload: Payload,
  user: unknown,
  search: Record<string, string | undefined>,
  target: StaffApiTarget = staffApiFromEnvironment(),
): Promise<InboxScreen> {
  const towns = await townsOf(payload, user)
  const town = towns.find((t) => t.slug === search.tenant) ?? towns[0] ?? null
  const filter: InboxFilter = {
    status: pick(consultationStatus, search.status),
    source: pick(consultationSource, search.source),
    assignee: search.assignee && /^[A-Za-z0-9-]{1,64}$/.test(search.assignee) ? search.assignee : undefined,
    page: Math.max(1, Math.min(10_000, Number.parseInt(search.page ?? '1', 10) || 1)),
  }
  const empty = { towns, town, filter, consultations: [], next: null, staff: [] }
  const role = inboxRoleOf(user)
  if (!town || !role)
    return { ...empty, problem: '担当の自治体がありません / You act for no town in the inbox' }
  const [page, staff] = await Promise.all([
    askStaffApi<ConsultationsPage>(
      payload,
      user,
      { role, tenant: town.slug, path: '/consultations', query: { ...filter } },
      target,
    ),
    townStaff(payload, town.id),
  ])
  if (!page.ok) return { ...empty, staff, problem: page.reason }
  return { ...empty, consultations: page.data.consultations, next: page.data.next, staff, problem: null }
}
