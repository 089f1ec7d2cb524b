import type { Payload } from 'payload'
import type { z } from 'zod'
import {
  bilingual,
  type HouseholdGuide,
  type HouseholdRecord,
  householdGuide,
  householdRecord,
  type StaffReadReason,
  staffReadReason,
} from '../../../shared/contract'
import { staffRolesOf } from '../../plugin/roles'
import { askStaffApi, type StaffAnswer } from '../staff-api'
import type { StaffApiTarget } from '../target'
import { townsOf } from '../towns'

/** Where the family's page is asked for: /admin/family/<household>[/guide]?tenant=<slug>&reason=<code>. */
export interface FamilyAsk {
  household: string | undefined
  tenant: string | undefined
  reason: string | undefined
}

const refused = (status: number, ja: string, en: string) =>
  ({ ok: false, status, reason: bilingual(ja, en) }) as const

/**
 * Reads one household from the Worker for a nurse or the desk, at request time. The user acts as a
 * nurse when they are one, else as the desk; anyone else is refused before the Worker is asked.
 * The answer is checked against the contract and handed to the page, never stored.
 */
async function askFamily<T>(
  payload: Payload,
  user: unknown,
  ask: FamilyAsk,
  page: { suffix: string; reason: StaffReadReason; schema: z.ZodType<T> },
  target?: StaffApiTarget,
): Promise<StaffAnswer<T> & { tenant?: string }> {
  const roles = staffRolesOf(user)
  const role = roles.includes('nurse') ? 'nurse' : roles.includes('desk') ? 'desk' : null
  if (!role)
    return refused(
      403,
      '保健師と子育て窓口だけが家族のページを見られます',
      'Only nurses and the desk see a family',
    )
  if (!ask.household || ask.household.length > 64)
    return refused(400, '世帯の指定が正しくありません', 'The household is not valid')
  const reason = staffReadReason.safeParse(ask.reason ?? page.reason)
  if (!reason.success) return refused(400, '閲覧の理由が正しくありません', 'The reason is not valid')
  const tenant = ask.tenant || (await onlyTown(payload, user))
  if (!tenant) return refused(400, '自治体を指定してください（?tenant=）', 'Name the town (?tenant=)')
  const answer = await askStaffApi<unknown>(
    payload,
    user,
    {
      role,
      tenant,
      path: `/families/${encodeURIComponent(ask.household)}${page.suffix}`,
      query: { reason: reason.data },
    },
    target,
  )
  if (!answer.ok) return answer
  const parsed = page.schema.safeParse(answer.data)
  if (!parsed.success)
    return refused(
      502,
      '配信サーバーの応答が読めません',
      'The edge answered in a shape this CMS does not know',
    )
  return { ok: true, data: parsed.data, tenant }
}

/** A staff member of one town needs not name it. */
async function onlyTown(payload: Payload, user: unknown): Promise<string | undefined> {
  const towns = await townsOf(payload, user)
  return towns.length === 1 ? towns[0]?.slug : undefined
}

export const askHousehold = (payload: Payload, user: unknown, ask: FamilyAsk, target?: StaffApiTarget) =>
  askFamily<HouseholdRecord>(
    payload,
    user,
    ask,
    { suffix: '', reason: 'routine', schema: householdRecord },
    target,
  )

export const askGuide = (payload: Payload, user: unknown, ask: FamilyAsk, target?: StaffApiTarget) =>
  askFamily<HouseholdGuide>(
    payload,
    user,
    ask,
    { suffix: '/guide', reason: 'interview', schema: householdGuide },
    target,
  )

/** The admin paths of a family's page and its guide (the families list links here). */
export const familyPath = (admin: string, household: string, tenant: string) =>
  `${admin}/family/${encodeURIComponent(household)}?tenant=${encodeURIComponent(tenant)}`
export const guidePath = (admin: string, household: string, tenant: string) =>
  `${admin}/family/${encodeURIComponent(household)}/guide?tenant=${encodeURIComponent(tenant)}`
