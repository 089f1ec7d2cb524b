import type { Payload } from 'payload'
import type { FamiliesList, NurseLoad } from '../../../shared/contract'
import { askStaffApi } from '../staff-api'
import type { StaffApiTarget } from '../target'
import { type Town, townsOf } from '../towns'
import { nursesOf, type TownNurse } from './nurses'
import { checkFilters, type FilterValues, filterValues } from './query'
import { familiesRoleOf } from './role'

export interface FamiliesScreen {
  towns: Town[]
  town: Town
  role: 'nurse' | 'desk'
  me: string
  filters: FilterValues
  list: FamiliesList
  load: NurseLoad
  nurses: TownNurse[]
}

export type FamiliesScreenAnswer = { ok: true; screen: FamiliesScreen } | { ok: false; reason: string }

/**
 * What /admin/families shows the user: her towns, the town asked for (the first when none), the
 * page of families the staff API answers for these filters, each nurse's load and the town's
 * nurses to assign. Read at request time; nothing is kept.
 */
export async function familiesScreen(
  payload: Payload,
  user: unknown,
  params: Record<string, string | string[] | undefined>,
  target?: StaffApiTarget,
): Promise<FamiliesScreenAnswer> {
  const role = familiesRoleOf(user)
  if (!role)
    return {
      ok: false,
      reason: 'この画面は保健師と窓口の職員のものです / This view is for nurses and the desk',
    }
  const towns = await townsOf(payload, user)
  const asked = typeof params.tenant === 'string' ? params.tenant : undefined
  const town = towns.find((t) => t.slug === asked) ?? (asked ? undefined : towns[0])
  if (!town) return { ok: false, reason: '担当の自治体がありません / You act for no such town' }
  const filters = filterValues(params)
  const wrong = checkFilters(town.slug, filters)
  if (wrong) return { ok: false, reason: wrong }
  const [list, load, nurses] = await Promise.all([
    askStaffApi<FamiliesList>(
      payload,
      user,
      { role, tenant: town.slug, path: '/families', query: filters },
      target,
    ),
    askStaffApi<NurseLoad>(payload, user, { role, tenant: town.slug, path: '/nurses/load' }, target),
    nursesOf(payload, town.id),
  ])
  if (!list.ok) return { ok: false, reason: list.reason }
  if (!load.ok) return { ok: false, reason: load.reason }
  const me = String((user as { id: number | string }).id)
  return { ok: true, screen: { towns, town, role, me, filters, list: list.data, load: load.data, nurses } }
}
