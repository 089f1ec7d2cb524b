import type { Payload } from 'payload'
import type { StaffMessagesPage } from '../../../shared/contract'
import { askStaffApi, type StaffAnswer } from '../staff-api'
import type { StaffApiTarget } from '../target'
import { writingRole } from './author'

/** The household's members one can write to and its staff messages, asked of the Worker now. */
export function familyMessages(
  payload: Payload,
  user: unknown,
  at: { tenant: string; household: string },
  target?: StaffApiTarget,
): Promise<StaffAnswer<StaffMessagesPage>> {
  return askStaffApi<StaffMessagesPage>(
    payload,
    user,
    {
      role: writingRole(user) ?? 'nurse',
      tenant: at.tenant,
      path: `/families/${encodeURIComponent(at.household)}/messages`,
    },
    ...(target ? [target] : []),
  )
}
